package io.souq.events.shipping;

import java.time.Instant;

/**
 * A carrier accepted the parcel; it waits for dispatch.
 *
 * @param orderId the order
 * @param customerId the customer
 * @param carrier the carrier
 * @param trackingNumber the tracking number
 * @param option STANDARD or EXPRESS
 * @param estimatedDays estimated days to delivery
 * @param at when
 */
public record ShipmentCreated(String orderId, String customerId, String carrier, String trackingNumber, String option,
		int estimatedDays, Instant at) implements ShippingEvent {

	public static final String TYPE = "shipment.created";

}
