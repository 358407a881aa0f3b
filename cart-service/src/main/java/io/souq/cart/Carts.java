package io.souq.cart;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import io.souq.starter.data.OptimisticRetry;
import io.souq.starter.web.ProblemException;
import io.souq.starter.web.ProblemException.FieldProblem;

import org.springframework.stereotype.Service;

/**
 * The cart operations, always on the caller's own cart (the customer id comes from the
 * token, never from the request). Reads price the cart from the catalog read model;
 * writes are serialised per cart by optimistic locking and retried.
 */
@Service
public class Carts {

	private final CartRepository repository;

	private final Catalog catalog;

	private final CartProperties properties;

	private final Clock clock;

	Carts(CartRepository repository, Catalog catalog, CartProperties properties, Clock clock) {
		this.repository = repository;
		this.catalog = catalog;
		this.properties = properties;
		this.clock = clock;
	}

	/** The customer's cart; an empty one in the default currency if none is stored. */
	public PricedCart get(String customerId) {
		return price(this.repository.findById(customerId).orElseGet(() -> newCart(customerId)));
	}

	/**
	 * Adds units of a product.
	 * @param currency the currency asked for ({@code ?currency=}), or {@code null}
	 */
	public PricedCart add(String customerId, String productId, int quantity, String currency) {
		if (currency != null && !this.properties.supports(currency)) {
			throw ProblemException.invalidFields(List
				.of(new FieldProblem("currency", "must be one of " + String.join(", ", this.properties.currencies()))));
		}
		CatalogProduct product = this.catalog.find(productId)
			.orElseThrow(() -> ProblemException.unprocessable("unknown-product",
					"There is no product " + productId + " in the catalog."));
		return price(change(customerId, this::newCart, cart -> cart.add(product, quantity,
				(currency != null) ? currency : currencyOfNextAdd(cart), this.clock.instant())));
	}

	/**
	 * Sets the quantity of a product in the cart; 0 removes its line.
	 */
	public PricedCart setQuantity(String customerId, String productId, int quantity) {
		CatalogProduct product = this.catalog.find(productId).orElse(null);
		return price(change(customerId, (id) -> {
			throw notInCart(productId);
		}, cart -> {
			if (!cart.contains(productId)) {
				throw notInCart(productId);
			}
			cart.setQuantity(productId, quantity, product, this.clock.instant());
		}));
	}

	/** Removes a product's line; nothing happens when the cart does not hold it. */
	public void remove(String customerId, String productId) {
		changeIfStored(customerId, cart -> cart.remove(productId, this.clock.instant()));
	}

	/**
	 * An order was placed from the cart: its products leave the cart (what was added
	 * since stays). A redelivered order changes nothing more.
	 */
	public void ordered(String customerId, Collection<String> productIds) {
		changeIfStored(customerId, cart -> cart.removeOrdered(productIds, this.clock.instant()));
	}

	/**
	 * Empties the cart.
	 */
	public void clear(String customerId) {
		changeIfStored(customerId, cart -> cart.clear(this.clock.instant()));
	}

	private static ProblemException notInCart(String productId) {
		return ProblemException.notFound("The cart holds no product " + productId + ".");
	}

	private Cart newCart(String customerId) {
		return Cart.empty(customerId, this.properties.defaultCurrency());
	}

	/**
	 * An empty cart whose currency is no longer offered takes the default one at its next
	 * add; otherwise the cart's own currency stands.
	 */
	private String currencyOfNextAdd(Cart cart) {
		return (cart.isEmpty() && !this.properties.supports(cart.currency())) ? this.properties.defaultCurrency()
				: null;
	}

	private PricedCart price(Cart cart) {
		return PricedCart.of(cart, this.catalog.find(cart.lines().stream().map(CartLine::productId).toList()));
	}

	private void changeIfStored(String customerId, Predicate<Cart> change) {
		OptimisticRetry.changeIf("The cart", () -> this.repository.findById(customerId).orElse(null), change,
				this.repository::save);
	}

	private Cart change(String customerId, Function<String, Cart> whenMissing, Consumer<Cart> change) {
		return OptimisticRetry.change("The cart",
				() -> this.repository.findById(customerId).orElseGet(() -> whenMissing.apply(customerId)), change,
				this.repository::save);
	}

}
