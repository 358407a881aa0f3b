package io.souq.events.payment;

import java.time.Instant;

import io.souq.events.Money;

/**
 * The authorized money was taken.
 *
 * @param orderId the order
 * @param customerId the customer
 * @param paymentId the payment's id
 * @param amount the captured amount
 * @param at when
 */
public record PaymentCaptured(String orderId, String customerId, String paymentId, Money amount,
		Instant at) implements PaymentEvent {

	public static final String TYPE = "payment.captured";

}
