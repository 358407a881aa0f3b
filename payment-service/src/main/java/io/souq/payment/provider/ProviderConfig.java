package io.souq.payment.provider;

import io.micrometer.core.instrument.MeterRegistry;
import io.souq.payment.PaymentProvider;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The payment provider: the built-in simulator, behind the time limit, retries and
 * circuit breaker of {@link ResilientPaymentProvider}. A real provider's client would
 * replace the simulator here, behind the same guard.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProviderProperties.class)
class ProviderConfig {

	@Bean
	ResilientPaymentProvider paymentProvider(ProviderProperties properties, MeterRegistry meters) {
		return new ResilientPaymentProvider(new SimulatedPaymentProvider(properties.simulator().slowAnswer()),
				properties, meters);
	}

}
