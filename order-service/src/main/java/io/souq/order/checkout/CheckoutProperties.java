package io.souq.order.checkout;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where checkout finds the services it calls, and how patiently
 * ({@code souq.order.checkout.*}).
 *
 * @param cartUri cart-service's base URI
 * @param customerUri customer-service's base URI (named addresses)
 * @param shippingUri shipping-service's base URI (quotes)
 * @param calls time limit, retries and circuit breaker of every call
 */
@ConfigurationProperties("souq.order.checkout")
public record CheckoutProperties(@DefaultValue("http://127.0.0.1:8083") URI cartUri,
		@DefaultValue("http://127.0.0.1:8081") URI customerUri, @DefaultValue("http://127.0.0.1:8087") URI shippingUri,
		@DefaultValue Call calls) {

	/**
	 * How one downstream call is made.
	 *
	 * @param timeout the time limit of one attempt
	 * @param attempts attempts in all (server errors and I/O failures are retried)
	 * @param backOff the first back-off, doubled at every retry
	 * @param openFor how long the circuit stays open once half the recent calls failed
	 */
	public record Call(@DefaultValue("2s") Duration timeout, @DefaultValue("3") int attempts,
			@DefaultValue("100ms") Duration backOff, @DefaultValue("10s") Duration openFor) {
	}

}
