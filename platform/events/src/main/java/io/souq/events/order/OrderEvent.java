package io.souq.events.order;

import java.time.Instant;
import java.util.List;

import io.souq.events.Money;

/**
 * The public stream of orders on {@code order.events}, keyed by order id: every event
 * carries the lines, the amounts, the currency, the customer and the times, so analysts
 * compute revenue and conversion from the stream alone.
 */
public sealed interface OrderEvent permits OrderPlaced, OrderConfirmed, OrderCancelled, OrderShipped, OrderDelivered {

	String orderId();

	String customerId();

	List<OrderLine> lines();

	Money subtotal();

	Money shipping();

	Money total();

	String currency();

	Instant placedAt();

	/** When this event's fact happened. */
	Instant at();

}
