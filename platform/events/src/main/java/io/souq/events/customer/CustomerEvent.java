package io.souq.events.customer;

/**
 * Facts published by customer-service on {@code customer.events}, keyed by customer id.
 */
public sealed interface CustomerEvent permits CustomerRegistered {

	String customerId();

}
