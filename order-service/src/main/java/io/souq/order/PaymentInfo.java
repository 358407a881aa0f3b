package io.souq.order;

/**
 * The payment of an order as the order knows it.
 *
 * @param status {@code PENDING}, {@code AUTHORIZED}, {@code DECLINED}, {@code CAPTURED},
 * {@code VOIDED} or {@code REFUNDED}
 * @param paymentId payment-service's id, once known
 * @param last4 the card's last four digits, once known
 * @param declineReason the provider's reason of a decline
 */
public record PaymentInfo(String status, String paymentId, String last4, String declineReason) {

	static PaymentInfo pending() {
		return new PaymentInfo("PENDING", null, null, null);
	}

	PaymentInfo with(String status) {
		return new PaymentInfo(status, this.paymentId, this.last4, this.declineReason);
	}

}
