package io.souq.cart;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.souq.starter.domain.Refused;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A customer's cart: one per customer, in one currency, its lines in the order they were
 * added. It guards its own rules: quantities from 1 to {@value #MAX_QUANTITY} per line,
 * at most {@value #MAX_LINES} lines, no discontinued product added, every product added
 * priced in the cart's currency, and the currency chosen only while the cart is empty.
 */
@Document("carts")
public class Cart {

	/** The most units of one product a cart holds. */
	public static final int MAX_QUANTITY = 99;

	/** The most different products a cart holds. */
	public static final int MAX_LINES = 50;

	@Id
	private final String customerId;

	private String currency;

	private final List<CartLine> lines;

	private Instant updatedAt;

	@Version
	private Long version;

	@PersistenceCreator
	Cart(String customerId, String currency, List<CartLine> lines, Instant updatedAt, Long version) {
		this.customerId = customerId;
		this.currency = currency;
		this.lines = (lines != null) ? new ArrayList<>(lines) : new ArrayList<>();
		this.updatedAt = updatedAt;
		this.version = version;
	}

	/** The cart of a customer who has put nothing in it yet. */
	public static Cart empty(String customerId, String currency) {
		return new Cart(Objects.requireNonNull(customerId, "customerId"), Objects.requireNonNull(currency, "currency"),
				List.of(), null, null);
	}

	/** The public id of a customer's cart: stable, and not the customer id itself. */
	public static String idOf(String customerId) {
		return UUID.nameUUIDFromBytes(("cart:" + customerId).getBytes(StandardCharsets.UTF_8)).toString();
	}

	/**
	 * Adds units of a product, to its line if the cart has one.
	 * @param product the product as the catalog knows it
	 * @param quantity units to add, 1 to {@value #MAX_QUANTITY}
	 * @param requestedCurrency the currency the caller asks for, or {@code null}: it
	 * becomes the cart's currency while the cart is empty, and must be the cart's
	 * currency otherwise
	 * @throws Refused when a rule refuses the change
	 */
	public void add(CatalogProduct product, int quantity, String requestedCurrency, Instant now) {
		Objects.requireNonNull(product, "product");
		requireQuantity(quantity, 1);
		if (product.discontinued()) {
			throw new Refused("product-discontinued",
					"Product " + product.id() + " has been discontinued and cannot be added.");
		}
		String newCurrency = this.currency;
		if (requestedCurrency != null && !requestedCurrency.equals(this.currency)) {
			if (!this.lines.isEmpty()) {
				throw new Refused("currency-mismatch", "The cart holds prices in " + this.currency
						+ "; empty it before shopping in " + requestedCurrency + ".");
			}
			newCurrency = requestedCurrency;
		}
		if (product.price(newCurrency).isEmpty()) {
			throw new Refused("no-price-in-currency",
					"Product " + product.id() + " has no price in " + newCurrency + ".");
		}
		Optional<CartLine> existing = line(product.id());
		if (existing.isPresent()) {
			int total = existing.get().quantity() + quantity;
			if (total > MAX_QUANTITY) {
				throw new Refused("quantity-limit", "The cart already holds " + existing.get().quantity()
						+ " of product " + product.id() + "; a line holds at most " + MAX_QUANTITY + " units.");
			}
			replace(existing.get().withQuantity(total));
		}
		else {
			if (this.lines.size() >= MAX_LINES) {
				throw new Refused("too-many-lines", "A cart holds at most " + MAX_LINES + " different products.");
			}
			this.lines.add(new CartLine(product.id(), quantity, now));
		}
		this.currency = newCurrency;
		this.updatedAt = now;
	}

	/**
	 * Sets the quantity of a product the cart holds; 0 removes its line.
	 * @param product the product as the catalog knows it, or {@code null} if it does not
	 * know it any more
	 * @throws Refused when the quantity would grow on a discontinued product
	 * @throws IllegalArgumentException when the cart does not hold the product (see
	 * {@link #contains(String)})
	 */
	public void setQuantity(String productId, int quantity, CatalogProduct product, Instant now) {
		requireQuantity(quantity, 0);
		CartLine line = line(productId)
			.orElseThrow(() -> new IllegalArgumentException("The cart holds no product " + productId));
		if (quantity == 0) {
			remove(productId, now);
			return;
		}
		if (quantity > line.quantity() && product != null && product.discontinued()) {
			throw new Refused("product-discontinued", "Product " + productId
					+ " has been discontinued: its quantity can be lowered or the line removed, not raised.");
		}
		replace(line.withQuantity(quantity));
		this.updatedAt = now;
	}

	/**
	 * Removes a product's line.
	 * @return whether the cart held the product
	 */
	public boolean remove(String productId, Instant now) {
		boolean removed = this.lines.removeIf(line -> line.productId().equals(productId));
		if (removed) {
			this.updatedAt = now;
		}
		return removed;
	}

	/**
	 * Removes the lines of these products (they were ordered); lines added since stay.
	 * @return whether a line was removed
	 */
	public boolean removeOrdered(Collection<String> productIds, Instant now) {
		boolean removed = this.lines.removeIf(line -> productIds.contains(line.productId()));
		if (removed) {
			this.updatedAt = now;
		}
		return removed;
	}

	/**
	 * Removes every line. The currency stays until the next first add chooses one.
	 * @return whether the cart held anything
	 */
	public boolean clear(Instant now) {
		if (this.lines.isEmpty()) {
			return false;
		}
		this.lines.clear();
		this.updatedAt = now;
		return true;
	}

	public boolean contains(String productId) {
		return line(productId).isPresent();
	}

	private Optional<CartLine> line(String productId) {
		return this.lines.stream().filter(line -> line.productId().equals(productId)).findFirst();
	}

	private void replace(CartLine line) {
		for (int i = 0; i < this.lines.size(); i++) {
			if (this.lines.get(i).productId().equals(line.productId())) {
				this.lines.set(i, line);
				return;
			}
		}
	}

	private static void requireQuantity(int quantity, int min) {
		if (quantity < min || quantity > MAX_QUANTITY) {
			throw new Refused("invalid-quantity",
					"A quantity must be from " + min + " to " + MAX_QUANTITY + ", not " + quantity + ".");
		}
	}

	public String id() {
		return idOf(this.customerId);
	}

	public String customerId() {
		return this.customerId;
	}

	public String currency() {
		return this.currency;
	}

	/** The lines in the order their products were first added. */
	public List<CartLine> lines() {
		return Collections.unmodifiableList(this.lines);
	}

	public boolean isEmpty() {
		return this.lines.isEmpty();
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

}
