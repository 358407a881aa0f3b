package io.souq.events.payment;

import io.souq.events.Money;

/**
 * Authorize the order's total on a stored payment method: answered by
 * {@link PaymentAuthorized} or {@link PaymentDeclined}.
 *
 * @param orderId the order
 * @param customerId the customer (the payment method must be theirs)
 * @param paymentMethodToken the token of the payment method
 * @param amount the amount
 */
public record AuthorizePayment(String orderId, String customerId, String paymentMethodToken,
		Money amount) implements PaymentCommand {

	public static final String TYPE = "payment.authorize";

}
