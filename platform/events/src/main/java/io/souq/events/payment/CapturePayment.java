package io.souq.events.payment;

/**
 * The order was dispatched: take the authorized money. Answered by
 * {@link PaymentCaptured}.
 *
 * @param orderId the order
 */
public record CapturePayment(String orderId) implements PaymentCommand {

	public static final String TYPE = "payment.capture";

}
