package io.souq.events.shipping;

import java.util.List;

import io.souq.events.inventory.StockLine;
import io.souq.events.order.ShippingAddress;

/**
 * Create the order's shipment: answered by {@link ShipmentCreated} or
 * {@link ShipmentFailed}.
 *
 * @param orderId the order
 * @param customerId the customer
 * @param address where it goes
 * @param option {@code STANDARD} or {@code EXPRESS}
 * @param weightGrams the parcel's weight
 * @param items what goes in it
 */
public record CreateShipment(String orderId, String customerId, ShippingAddress address, String option, int weightGrams,
		List<StockLine> items) implements ShippingCommand {

	public static final String TYPE = "shipping.create-shipment";

}
