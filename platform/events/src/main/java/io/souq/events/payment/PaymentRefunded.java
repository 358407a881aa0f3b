package io.souq.events.payment;

import java.time.Instant;

import io.souq.events.Money;

/**
 * Captured money was given back.
 *
 * @param orderId the order
 * @param customerId the customer
 * @param paymentId the payment's id
 * @param amount the refunded amount
 * @param reason why, from the command
 * @param at when
 */
public record PaymentRefunded(String orderId, String customerId, String paymentId, Money amount, String reason,
		Instant at) implements PaymentEvent {

	public static final String TYPE = "payment.refunded";

}
