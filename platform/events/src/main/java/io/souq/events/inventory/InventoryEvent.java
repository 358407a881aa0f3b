package io.souq.events.inventory;

/**
 * Facts published by inventory-service on {@code inventory.events}: stock levels keyed by
 * SKU. The answers to the order saga, keyed by order id, are {@link ReservationEvent}s.
 */
public sealed interface InventoryEvent permits StockLevelChanged, StockBelowReorderPoint {

	String sku();

}
