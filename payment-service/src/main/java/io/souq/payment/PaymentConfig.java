package io.souq.payment;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PaymentConfig {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
