package io.souq.events.shipping;

import java.time.Instant;

/**
 * No carrier takes the parcel (e.g. a destination no carrier serves).
 *
 * @param orderId the order
 * @param customerId the customer
 * @param reason DESTINATION_NOT_SERVED or ADDRESS_REJECTED
 * @param country the destination country
 * @param at when
 */
public record ShipmentFailed(String orderId, String customerId, String reason, String country,
		Instant at) implements ShippingEvent {

	public static final String TYPE = "shipment.failed";

}
