package io.souq.events.inventory;

import java.time.Instant;

/**
 * The stock of a SKU changed.
 *
 * @param sku stock keeping unit
 * @param onHand units in the warehouse
 * @param reserved units held for orders
 * @param available units that can still be sold ({@code onHand - reserved})
 * @param reason why: {@code STOCK_COUNT}, {@code RECEIVED}, {@code WRITTEN_OFF},
 * {@code RESERVED}, {@code RELEASED}, {@code COMMITTED}, {@code CREATED}
 * @param at when
 */
public record StockLevelChanged(String sku, long onHand, long reserved, long available, String reason,
		Instant at) implements InventoryEvent {

	public static final String TYPE = "stock.level-changed";

}
