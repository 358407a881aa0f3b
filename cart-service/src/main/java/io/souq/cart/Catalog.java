package io.souq.cart;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.souq.starter.data.OptimisticRetry;

import org.springframework.stereotype.Service;

/**
 * The cart's read model of the catalog, kept from {@code catalog.events}: names, SKUs,
 * prices and whether a product is discontinued. Each change is one read-apply-save of the
 * product's document, retried when a concurrent change wins (optimistic locking).
 */
@Service
public class Catalog {

	private final CatalogProductRepository repository;

	Catalog(CatalogProductRepository repository) {
		this.repository = repository;
	}

	/** A product was created or updated. */
	public void describe(String productId, String sku, String name, int weightGrams, Map<String, BigDecimal> prices,
			Instant at) {
		apply(productId, product -> product.describe(sku, name, weightGrams, prices, at));
	}

	/** A product's prices changed. */
	public void reprice(String productId, String sku, Map<String, BigDecimal> prices, Instant at) {
		apply(productId, product -> product.reprice(sku, prices, at));
	}

	/** A product was withdrawn. */
	public void discontinue(String productId, String sku, Instant at) {
		apply(productId, product -> product.discontinue(sku, at));
	}

	public Optional<CatalogProduct> find(String productId) {
		return this.repository.findById(productId);
	}

	/** The known products among these ids, by id. */
	public Map<String, CatalogProduct> find(Collection<String> productIds) {
		if (productIds.isEmpty()) {
			return Map.of();
		}
		return this.repository.findAllById(productIds)
			.stream()
			.collect(Collectors.toMap(CatalogProduct::id, Function.identity(), (a, b) -> a));
	}

	private void apply(String productId, Predicate<CatalogProduct> change) {
		OptimisticRetry.changeIf("Product " + productId,
				() -> this.repository.findById(productId).orElseGet(() -> CatalogProduct.unknown(productId)), change,
				this.repository::save);
	}

}
