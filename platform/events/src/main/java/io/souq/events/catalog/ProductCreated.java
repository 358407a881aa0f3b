package io.souq.events.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.souq.events.Money;

/**
 * A product was added to the catalog.
 *
 * @param productId the product's id
 * @param sku stock keeping unit, unique
 * @param name display name
 * @param description long description
 * @param category category path, e.g. {@code kitchen/tea}
 * @param attributes free attributes
 * @param prices one price per currency
 * @param weightGrams shipping weight
 * @param at when
 */
public record ProductCreated(String productId, String sku, String name, String description, String category,
		Map<String, String> attributes, List<Money> prices, int weightGrams, Instant at) implements CatalogEvent {

	public static final String TYPE = "product.created";

}
