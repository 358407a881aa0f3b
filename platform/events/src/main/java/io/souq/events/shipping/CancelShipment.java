package io.souq.events.shipping;

/**
 * Cancel the order's shipment before dispatch (a compensation): answered by
 * {@link ShipmentCancelled}, also when there was none.
 *
 * @param orderId the order
 * @param reason why
 */
public record CancelShipment(String orderId, String reason) implements ShippingCommand {

	public static final String TYPE = "shipping.cancel-shipment";

}
