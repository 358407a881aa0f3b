package io.souq.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.souq.events.Envelope;
import io.souq.events.Money;
import io.souq.events.Topics;
import io.souq.events.catalog.ProductCreated;
import io.souq.events.catalog.ProductDiscontinued;
import io.souq.events.catalog.ProductPriceChanged;
import io.souq.events.catalog.ProductUpdated;
import io.souq.starter.domain.Refused;
import io.souq.starter.outbox.Outboxed;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A product of the catalog. Every change publishes its event in the same write
 * ({@code product.created}, {@code product.updated}, {@code product.price-changed} when a
 * price changed, {@code product.discontinued}). A discontinued product stays readable by
 * id (carts and orders keep showing it) but leaves the listings and cannot change any
 * more. Stock shown to shoppers ({@code available}) follows inventory events.
 */
@Document("products")
public class Product extends Outboxed {

	static final String SOURCE = "catalog-service";

	/** Lifecycle of a product. */
	public enum Status {

		ACTIVE, DISCONTINUED

	}

	@Id
	private final String id;

	@Indexed(unique = true)
	private final String sku;

	private String name;

	private String description;

	@Indexed
	private String category;

	private Map<String, String> attributes;

	private Map<String, BigDecimal> prices;

	private int weightGrams;

	private Status status;

	private long available;

	private Instant availableAt;

	private final Instant createdAt;

	private Instant updatedAt;

	@Version
	private Long version;

	@PersistenceCreator
	Product(String id, String sku, String name, String description, String category, Map<String, String> attributes,
			Map<String, BigDecimal> prices, int weightGrams, Status status, long available, Instant availableAt,
			Instant createdAt, Instant updatedAt, Long version) {
		this.id = id;
		this.sku = sku;
		this.name = name;
		this.description = description;
		this.category = category;
		this.attributes = (attributes != null) ? attributes : new HashMap<>();
		this.prices = (prices != null) ? prices : new TreeMap<>();
		this.weightGrams = weightGrams;
		this.status = status;
		this.available = available;
		this.availableAt = availableAt;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	/** A new product, with no stock until inventory reports some. */
	public static Product create(ProductDetails details, Instant now) {
		Product product = new Product(UUID.randomUUID().toString(), details.sku(), details.name(),
				details.description(), details.category(), details.attributes(), details.prices(),
				details.weightGrams(), Status.ACTIVE, 0, null, now, now, null);
		product.message(Topics.CATALOG_EVENTS,
				Envelope.of(ProductCreated.TYPE, 1, SOURCE, product.id,
						new ProductCreated(product.id, product.sku, product.name, product.description, product.category,
								product.attributes, product.priceList(), product.weightGrams, now)));
		return product;
	}

	/**
	 * Replaces the details (a full update); publishes {@code product.updated}, and
	 * {@code product.price-changed} when a price changed.
	 * @throws Refused when the product is discontinued or the SKU would change
	 */
	public void update(ProductDetails details, Instant now) {
		if (this.status == Status.DISCONTINUED) {
			throw new Refused("product-discontinued",
					"Product " + this.id + " is discontinued and cannot change any more.");
		}
		if (!this.sku.equals(details.sku())) {
			throw new Refused("sku-immutable", "The SKU of a product never changes (it is " + this.sku
					+ "); discontinue this product and create another one instead.");
		}
		List<Money> previousPrices = priceList();
		boolean pricesChanged = !ProductDetails.samePrices(this.prices, details.prices());
		this.name = details.name();
		this.description = details.description();
		this.category = details.category();
		this.attributes = details.attributes();
		this.prices = details.prices();
		this.weightGrams = details.weightGrams();
		this.updatedAt = now;
		message(Topics.CATALOG_EVENTS,
				Envelope.of(ProductUpdated.TYPE, 1, SOURCE, this.id, new ProductUpdated(this.id, this.sku, this.name,
						this.description, this.category, this.attributes, priceList(), this.weightGrams, now)));
		if (pricesChanged) {
			message(Topics.CATALOG_EVENTS, Envelope.of(ProductPriceChanged.TYPE, 1, SOURCE, this.id,
					new ProductPriceChanged(this.id, this.sku, previousPrices, priceList(), now)));
		}
	}

	/**
	 * Withdraws the product (a soft delete).
	 * @return {@code false} when it was discontinued already (nothing changes then)
	 */
	public boolean discontinue(Instant now) {
		if (this.status == Status.DISCONTINUED) {
			return false;
		}
		this.status = Status.DISCONTINUED;
		this.updatedAt = now;
		message(Topics.CATALOG_EVENTS, Envelope.of(ProductDiscontinued.TYPE, 1, SOURCE, this.id,
				new ProductDiscontinued(this.id, this.sku, now)));
		return true;
	}

	/** The prices as a list, ordered by currency. */
	public List<Money> priceList() {
		return new TreeMap<>(this.prices).entrySet().stream().map((e) -> new Money(e.getValue(), e.getKey())).toList();
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

	public String description() {
		return this.description;
	}

	public String category() {
		return this.category;
	}

	public Map<String, String> attributes() {
		return Map.copyOf(this.attributes);
	}

	public Map<String, BigDecimal> prices() {
		return Map.copyOf(this.prices);
	}

	public int weightGrams() {
		return this.weightGrams;
	}

	public Status status() {
		return this.status;
	}

	public long available() {
		return this.available;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

}
