package io.souq.events.payment;

/**
 * Requests from the order saga to payment-service on {@code payment.commands}, keyed by
 * order id. Each is idempotent per order: a repeated command is answered again (with the
 * outcome it had), never charged twice.
 */
public sealed interface PaymentCommand permits AuthorizePayment, CapturePayment, VoidPayment, RefundPayment {

	String orderId();

}
