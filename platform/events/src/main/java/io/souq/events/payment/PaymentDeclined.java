package io.souq.events.payment;

import java.time.Instant;

import io.souq.events.Money;

/**
 * The authorization was refused, or could not be obtained.
 *
 * @param orderId the order
 * @param customerId the customer
 * @param paymentId the payment's id
 * @param amount the amount asked for
 * @param reason {@code card_declined}, {@code insufficient_funds},
 * {@code provider_unavailable}, {@code expired_card} or {@code unknown_payment_method}
 * @param last4 last four digits of the card, or {@code null} for an unknown method
 * @param at when
 */
public record PaymentDeclined(String orderId, String customerId, String paymentId, Money amount, String reason,
		String last4, Instant at) implements PaymentEvent {

	public static final String TYPE = "payment.declined";

}
