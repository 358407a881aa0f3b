package io.souq.events.payment;

import java.time.Instant;

import io.souq.events.Money;

/**
 * The amount is authorized (held on the card, not taken yet).
 *
 * @param orderId the order
 * @param customerId the customer
 * @param paymentId the payment's id
 * @param amount the authorized amount
 * @param brand card brand, e.g. {@code VISA}
 * @param last4 last four digits of the card
 * @param at when
 */
public record PaymentAuthorized(String orderId, String customerId, String paymentId, Money amount, String brand,
		String last4, Instant at) implements PaymentEvent {

	public static final String TYPE = "payment.authorized";

}
