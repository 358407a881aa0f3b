package io.souq.events.shipping;

/**
 * Requests from the order saga to shipping-service on {@code shipping.commands}, keyed by
 * order id; idempotent per order.
 */
public sealed interface ShippingCommand permits CreateShipment, CancelShipment {

	String orderId();

}
