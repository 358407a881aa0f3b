package io.souq.events;

/**
 * Topic names. Facts go to {@code <owner>.events}, requests to one owner to
 * {@code <owner>.commands}.
 */
public final class Topics {

	public static final String CUSTOMER_EVENTS = "customer.events";

	public static final String CATALOG_EVENTS = "catalog.events";

	public static final String INVENTORY_EVENTS = "inventory.events";

	public static final String ORDER_EVENTS = "order.events";

	public static final String PAYMENT_EVENTS = "payment.events";

	public static final String SHIPPING_EVENTS = "shipping.events";

	public static final String INVENTORY_COMMANDS = "inventory.commands";

	public static final String PAYMENT_COMMANDS = "payment.commands";

	public static final String SHIPPING_COMMANDS = "shipping.commands";

	/** Operator diagnostics: messaging round-trip probes between services. */
	public static final String PLATFORM_DIAGNOSTICS = "platform.diagnostics";

	private Topics() {
	}

	/**
	 * The dead-letter topic of one consumer group on one topic.
	 */
	public static String deadLetter(String topic, String group) {
		return topic + "." + group + ".dlq";
	}

}
