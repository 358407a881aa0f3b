package io.souq.cart;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the cart knows of one catalog product: a read model kept from
 * {@code catalog.events}. Applying an event is idempotent and order-safe: an event is
 * applied to the details (SKU, name, weight) and to the prices only when it is not older
 * (by its {@code at}) than the last one applied to them, so a redelivered or late event
 * never overwrites newer state, and events of one catalog change that carry the same time
 * ({@code product.updated} and {@code product.price-changed}) both apply. A discontinued
 * product stays discontinued.
 */
@Document("products")
public class CatalogProduct {

	@Id
	private final String id;

	private String sku;

	private String name;

	private int weightGrams;

	private Map<String, BigDecimal> prices;

	private boolean discontinued;

	/** When the details (SKU, name) last applied were true. */
	private Instant detailsAt;

	/** When the prices last applied were true. */
	private Instant pricesAt;

	/** The time of the newest event applied. */
	private Instant lastEventAt;

	@Version
	private Long version;

	@PersistenceCreator
	CatalogProduct(String id, String sku, String name, Map<String, BigDecimal> prices, boolean discontinued,
			Instant detailsAt, Instant pricesAt, Instant lastEventAt, Long version) {
		this.id = id;
		this.sku = sku;
		this.name = name;
		this.prices = (prices != null) ? new LinkedHashMap<>(prices) : new LinkedHashMap<>();
		this.discontinued = discontinued;
		this.detailsAt = detailsAt;
		this.pricesAt = pricesAt;
		this.lastEventAt = lastEventAt;
		this.version = version;
	}

	/** A product no event has been applied to yet. */
	public static CatalogProduct unknown(String id) {
		return new CatalogProduct(Objects.requireNonNull(id, "id"), null, null, null, false, null, null, null, null);
	}

	/**
	 * Applies a description of the product ({@code product.created},
	 * {@code product.updated}).
	 * @param prices the prices per currency, or {@code null} when the event names none
	 * @return whether anything changed (nothing does for a redelivered or older event)
	 */
	public boolean describe(String sku, String name, int weightGrams, Map<String, BigDecimal> prices, Instant at) {
		boolean changed = false;
		if (notOlder(at, this.detailsAt)) {
			changed = !Objects.equals(this.sku, sku) || !Objects.equals(this.name, name)
					|| this.weightGrams != weightGrams || !at.equals(this.detailsAt);
			this.sku = sku;
			this.name = name;
			this.weightGrams = weightGrams;
			this.detailsAt = at;
		}
		if (prices != null) {
			changed |= reprice(prices, at);
		}
		return seen(at) | changed;
	}

	/**
	 * Applies new prices ({@code product.price-changed}).
	 * @return whether anything changed (nothing does for a redelivered or older event)
	 */
	public boolean reprice(String sku, Map<String, BigDecimal> prices, Instant at) {
		boolean changed = false;
		if (this.sku == null && sku != null) {
			this.sku = sku;
			changed = true;
		}
		return reprice(prices, at) | seen(at) | changed;
	}

	/**
	 * Marks the product withdrawn ({@code product.discontinued}), whatever the order of
	 * events: a discontinued product never comes back.
	 * @return whether anything changed
	 */
	public boolean discontinue(String sku, Instant at) {
		boolean changed = !this.discontinued;
		this.discontinued = true;
		if (this.sku == null && sku != null) {
			this.sku = sku;
			changed = true;
		}
		return seen(at) | changed;
	}

	private boolean reprice(Map<String, BigDecimal> prices, Instant at) {
		Objects.requireNonNull(prices, "prices");
		if (!notOlder(at, this.pricesAt)) {
			return false;
		}
		boolean changed = !this.prices.equals(prices) || !at.equals(this.pricesAt);
		this.prices = new LinkedHashMap<>(prices);
		this.pricesAt = at;
		return changed;
	}

	private boolean seen(Instant at) {
		if (this.lastEventAt == null || at.isAfter(this.lastEventAt)) {
			this.lastEventAt = at;
			return true;
		}
		return false;
	}

	private static boolean notOlder(Instant at, Instant applied) {
		Objects.requireNonNull(at, "at");
		return applied == null || !at.isBefore(applied);
	}

	public String id() {
		return this.id;
	}

	public String sku() {
		return this.sku;
	}

	public String name() {
		return this.name;
	}

	/** The shipping weight of one unit. */
	public int weightGrams() {
		return this.weightGrams;
	}

	/** The price in a currency, if the product has one. */
	public Optional<BigDecimal> price(String currency) {
		return Optional.ofNullable(this.prices.get(currency));
	}

	public Map<String, BigDecimal> prices() {
		return Map.copyOf(this.prices);
	}

	public boolean discontinued() {
		return this.discontinued;
	}

	public Instant lastEventAt() {
		return this.lastEventAt;
	}

}
