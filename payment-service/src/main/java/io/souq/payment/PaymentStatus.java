package io.souq.payment;

/**
 * Where a payment is.
 *
 * <pre>
 * AUTHORIZING ──► AUTHORIZED ──► CAPTURED ──► REFUNDED
 *      │              │
 *      ▼              ▼
 *   DECLINED ───► VOIDED
 * </pre>
 *
 * {@code AUTHORIZING} is stored before the provider is asked, so a redelivered command
 * resumes an authorization that a crash interrupted. A void of a captured payment refunds
 * it; a void of a declined payment, or of an order never seen, is a {@code VOIDED}
 * payment that held nothing.
 */
public enum PaymentStatus {

	AUTHORIZING, AUTHORIZED, DECLINED, CAPTURED, VOIDED, REFUNDED

}
