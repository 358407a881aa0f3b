package io.souq.order;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deadlines of the saga's steps and how often unacknowledged commands are sent again
 * ({@code souq.order.saga.*}).
 *
 * @param reserveStock how long the stock reservation may take
 * @param authorizePayment how long the payment authorization may take (the provider's
 * retries included)
 * @param createShipment how long creating the shipment may take
 * @param resendAfter when a compensation or a dispatch step has no acknowledgement after
 * this long, it is sent again
 * @param sweepInterval how often deadlines and resends are checked
 */
@ConfigurationProperties("souq.order.saga")
public record SagaTimeouts(@DefaultValue("20s") Duration reserveStock, @DefaultValue("40s") Duration authorizePayment,
		@DefaultValue("20s") Duration createShipment, @DefaultValue("10s") Duration resendAfter,
		@DefaultValue("1s") Duration sweepInterval) {

	/** The defaults. */
	public static SagaTimeouts defaults() {
		return new SagaTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(20),
				Duration.ofSeconds(10), Duration.ofSeconds(1));
	}

	/** The deadline of a timed step. */
	public Duration of(SagaStep step) {
		return switch (step) {
			case RESERVE_STOCK -> this.reserveStock;
			case AUTHORIZE_PAYMENT -> this.authorizePayment;
			case CREATE_SHIPMENT -> this.createShipment;
			default -> throw new IllegalArgumentException(step + " has no deadline");
		};
	}

	/** How long an order may take to be confirmed, all steps together. */
	public Duration toConfirm() {
		return this.reserveStock.plus(this.authorizePayment).plus(this.createShipment);
	}

}
