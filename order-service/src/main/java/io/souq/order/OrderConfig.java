package io.souq.order;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.souq.order.checkout.CheckoutClients;
import io.souq.order.checkout.CheckoutProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SagaTimeouts.class, CheckoutProperties.class })
class OrderConfig {

	@Bean
	SagaSweeper sagaSweeper(Orders orders, SagaTimeouts timeouts) {
		return new SagaSweeper(orders, timeouts);
	}

	@Bean
	CircuitBreakerRegistry circuitBreakers(ObjectProvider<MeterRegistry> meters) {
		CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
		meters.ifAvailable((m) -> TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(m));
		return registry;
	}

	@Bean
	RetryRegistry retries(ObjectProvider<MeterRegistry> meters) {
		RetryRegistry registry = RetryRegistry.ofDefaults();
		meters.ifAvailable((m) -> TaggedRetryMetrics.ofRetryRegistry(registry).bindTo(m));
		return registry;
	}

	@Bean
	CheckoutClients checkoutClients(CheckoutProperties properties, JsonMapper json, CircuitBreakerRegistry breakers,
			RetryRegistry retries) {
		return new CheckoutClients(properties, json, breakers, retries);
	}

}
