package io.souq.events.shipping;

import java.time.Instant;

/**
 * The carrier reported the parcel on its way.
 *
 * @param orderId the order
 * @param customerId the customer
 * @param carrier the carrier
 * @param trackingNumber the tracking number
 * @param location where, may be null
 * @param at when
 */
public record ShipmentInTransit(String orderId, String customerId, String carrier, String trackingNumber,
		String location, Instant at) implements ShippingEvent {

	public static final String TYPE = "shipment.in-transit";

}
