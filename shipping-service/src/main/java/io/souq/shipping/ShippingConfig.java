package io.souq.shipping;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShippingProperties.class)
class ShippingConfig {

	@Bean
	ShippingRates shippingRates(ShippingProperties properties) {
		return new ShippingRates(properties);
	}

	@Bean
	TrackingNumbers trackingNumbers() {
		return new TrackingNumbers();
	}

}
