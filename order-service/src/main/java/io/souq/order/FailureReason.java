package io.souq.order;

/**
 * Why an order was cancelled.
 */
public enum FailureReason {

	OUT_OF_STOCK, PAYMENT_DECLINED, PAYMENT_FAILED, SHIPPING_UNAVAILABLE, CUSTOMER_CANCELLED, TIMED_OUT

}
