package io.souq.events.inventory;

import java.time.Instant;
import java.util.List;

/**
 * Reserve every line of an order, or none: answered by {@link StockReserved} or
 * {@link StockReservationFailed}.
 *
 * @param orderId the order
 * @param lines the units per SKU
 * @param expiresAt when an unconfirmed reservation may be released by the sweep (the
 * order's deadline)
 */
public record ReserveStock(String orderId, List<StockLine> lines, Instant expiresAt) implements InventoryCommand {

	public static final String TYPE = "inventory.reserve-stock";

}
