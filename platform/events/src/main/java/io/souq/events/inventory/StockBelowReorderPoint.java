package io.souq.events.inventory;

import java.time.Instant;

/**
 * The available stock of a SKU fell under its reorder point.
 *
 * @param sku stock keeping unit
 * @param available units that can still be sold
 * @param reorderPoint the threshold
 * @param at when
 */
public record StockBelowReorderPoint(String sku, long available, long reorderPoint,
		Instant at) implements InventoryEvent {

	public static final String TYPE = "stock.below-reorder-point";

}
