package io.souq.events.shipping;

import java.time.Instant;

/**
 * The shipment was cancelled before dispatch (or there was none).
 *
 * @param orderId the order
 * @param customerId the customer
 * @param trackingNumber the tracking number, or null when there was no shipment
 * @param reason why, from the command
 * @param at when
 */
public record ShipmentCancelled(String orderId, String customerId, String trackingNumber, String reason,
		Instant at) implements ShippingEvent {

	public static final String TYPE = "shipment.cancelled";

}
