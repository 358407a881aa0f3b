package io.souq.events.shipping;

import java.time.Instant;

/**
 * shipping-service's facts on {@code shipping.events}, keyed by order id.
 */
public sealed interface ShippingEvent permits ShipmentCreated, ShipmentFailed, ShipmentCancelled, ShipmentDispatched,
		ShipmentInTransit, ShipmentDelivered, ShipmentDeliveryFailed {

	String orderId();

	String customerId();

	Instant at();

}
