package io.souq.events.inventory;

/**
 * Units of one SKU.
 *
 * @param sku stock keeping unit
 * @param quantity units, at least 1
 */
public record StockLine(String sku, int quantity) {
}
