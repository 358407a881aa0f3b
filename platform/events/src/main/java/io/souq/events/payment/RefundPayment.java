package io.souq.events.payment;

/**
 * Give captured money back: answered by {@link PaymentRefunded}.
 *
 * @param orderId the order
 * @param reason why
 */
public record RefundPayment(String orderId, String reason) implements PaymentCommand {

	public static final String TYPE = "payment.refund";

}
