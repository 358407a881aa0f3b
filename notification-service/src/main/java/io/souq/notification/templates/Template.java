package io.souq.notification.templates;

import io.souq.events.customer.CustomerRegistered;
import io.souq.events.inventory.StockBelowReorderPoint;
import io.souq.events.order.OrderCancelled;
import io.souq.events.order.OrderConfirmed;
import io.souq.events.order.OrderDelivered;
import io.souq.events.order.OrderShipped;
import io.souq.events.payment.PaymentRefunded;

/**
 * The messages the service sends, each made from one type of event.
 */
public enum Template {

	WELCOME("welcome", CustomerRegistered.class),

	ORDER_CONFIRMED("order-confirmed", OrderConfirmed.class),

	ORDER_CANCELLED("order-cancelled", OrderCancelled.class),

	ORDER_SHIPPED("order-shipped", OrderShipped.class),

	ORDER_DELIVERED("order-delivered", OrderDelivered.class),

	PAYMENT_REFUNDED("payment-refunded", PaymentRefunded.class),

	/** To the operations address, not to a customer. */
	LOW_STOCK("low-stock", StockBelowReorderPoint.class);

	private final String id;

	private final Class<?> data;

	Template(String id, Class<?> data) {
		this.id = id;
		this.data = data;
	}

	/**
	 * The template's name in the API and in the template files, e.g.
	 * {@code order-confirmed}.
	 */
	public String id() {
		return this.id;
	}

	/** The payload of the event the message is made from. */
	public Class<?> data() {
		return this.data;
	}

}
