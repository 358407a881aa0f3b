package io.souq.events.payment;

import java.time.Instant;

/**
 * The authorization was cancelled (or there was none to cancel).
 *
 * @param orderId the order
 * @param customerId the customer, or {@code null} when payment-service never saw the
 * order
 * @param paymentId the payment's id, or {@code null} when there was none
 * @param reason why, from the command
 * @param at when
 */
public record PaymentVoided(String orderId, String customerId, String paymentId, String reason,
		Instant at) implements PaymentEvent {

	public static final String TYPE = "payment.voided";

}
