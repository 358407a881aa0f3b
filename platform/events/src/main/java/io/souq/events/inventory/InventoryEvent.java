package io.souq.events.inventory;

/**
 * Facts published by inventory-service on {@code inventory.events}: stock levels keyed by
 * SKU (reservation answers, keyed by order id, join this family with the saga).
 */
public sealed interface InventoryEvent permits StockLevelChanged, StockBelowReorderPoint {

	String sku();

}
