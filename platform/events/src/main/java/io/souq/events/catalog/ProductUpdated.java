package io.souq.events.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.souq.events.Money;

/**
 * A product's details were replaced (a full update); when prices changed,
 * {@link ProductPriceChanged} follows as well.
 *
 * @param productId the product's id
 * @param sku stock keeping unit
 * @param name display name
 * @param description long description
 * @param category category path
 * @param attributes free attributes
 * @param prices one price per currency
 * @param weightGrams shipping weight
 * @param at when
 */
public record ProductUpdated(String productId, String sku, String name, String description, String category,
		Map<String, String> attributes, List<Money> prices, int weightGrams, Instant at) implements CatalogEvent {

	public static final String TYPE = "product.updated";

}
