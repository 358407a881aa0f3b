package io.souq.catalog;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an operator says about a product: everything but its identity, stock and
 * lifecycle.
 *
 * @param sku stock keeping unit, unique in the catalog, never changes
 * @param name display name
 * @param description long description (may be empty)
 * @param category category path, e.g. {@code kitchen/tea}
 * @param attributes free attributes
 * @param prices one price per currency
 * @param weightGrams shipping weight
 */
public record ProductDetails(String sku, String name, String description, String category,
		Map<String, String> attributes, Map<String, BigDecimal> prices, int weightGrams) {

	public ProductDetails {
		Objects.requireNonNull(sku, "sku");
		Objects.requireNonNull(name, "name");
		description = (description != null) ? description : "";
		Objects.requireNonNull(category, "category");
		attributes = (attributes != null) ? Map.copyOf(attributes) : Map.of();
		if (prices == null || prices.isEmpty()) {
			throw new IllegalArgumentException("a product needs at least one price");
		}
		prices = new TreeMap<>(prices);
	}

	/** Whether the two price lists differ in a currency or an amount. */
	static boolean samePrices(Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
		if (!a.keySet().equals(b.keySet())) {
			return false;
		}
		return a.entrySet().stream().allMatch((e) -> e.getValue().compareTo(b.get(e.getKey())) == 0);
	}

}
