package io.souq.events.catalog;

import java.time.Instant;
import java.util.List;

import io.souq.events.Money;

/**
 * A product's prices changed.
 *
 * @param productId the product's id
 * @param sku stock keeping unit
 * @param previousPrices the prices before
 * @param prices the prices now, one per currency
 * @param at when
 */
public record ProductPriceChanged(String productId, String sku, List<Money> previousPrices, List<Money> prices,
		Instant at) implements CatalogEvent {

	public static final String TYPE = "product.price-changed";

}
