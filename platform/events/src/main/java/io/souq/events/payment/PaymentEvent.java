package io.souq.events.payment;

import java.time.Instant;

/**
 * payment-service's facts on {@code payment.events}, keyed by order id. No card number or
 * CVC is ever on an event: only the brand and the last four digits.
 */
public sealed interface PaymentEvent
		permits PaymentAuthorized, PaymentDeclined, PaymentCaptured, PaymentVoided, PaymentRefunded {

	String orderId();

	String customerId();

	Instant at();

}
