package io.souq.events.payment;

/**
 * Cancel an authorization before capture (a compensation): answered by
 * {@link PaymentVoided}, also when nothing was authorized.
 *
 * @param orderId the order
 * @param reason why, e.g. {@code SHIPPING_UNAVAILABLE}
 */
public record VoidPayment(String orderId, String reason) implements PaymentCommand {

	public static final String TYPE = "payment.void";

}
