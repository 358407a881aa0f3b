package io.souq.cart.web;

import java.math.BigDecimal;
import java.util.List;

import io.souq.cart.Cart;
import io.souq.cart.Carts;
import io.souq.cart.PricedCart;
import io.souq.cart.PricedCart.PricedLine;
import io.souq.events.Money;
import io.souq.starter.security.AccessRules;
import io.souq.starter.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own cart. The customer is the token's subject: no request names a cart or
 * a customer, so no one reaches another customer's cart.
 */
@RestController
class CartController {

	private final Carts carts;

	CartController(Carts carts) {
		this.carts = carts;
	}

	@GetMapping("/api/cart")
	CartView get(@AuthenticationPrincipal Jwt jwt) {
		return CartView.of(this.carts.get(customerId(jwt)));
	}

	@PostMapping("/api/cart/items")
	CartView add(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody AddItemRequest request,
			@RequestParam(required = false) String currency) {
		return CartView.of(this.carts.add(customerId(jwt), request.productId(), request.quantity(), currency));
	}

	@PutMapping("/api/cart/items/{productId}")
	CartView setQuantity(@AuthenticationPrincipal Jwt jwt, @PathVariable String productId,
			@Valid @RequestBody QuantityRequest request) {
		return CartView.of(this.carts.setQuantity(customerId(jwt), productId, request.quantity()));
	}

	@DeleteMapping("/api/cart/items/{productId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@AuthenticationPrincipal Jwt jwt, @PathVariable String productId) {
		this.carts.remove(customerId(jwt), productId);
	}

	@DeleteMapping("/api/cart")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void clear(@AuthenticationPrincipal Jwt jwt) {
		this.carts.clear(customerId(jwt));
	}

	@Bean
	static AccessRules cartAccess() {
		return rules -> rules.requestMatchers("/api/cart", "/api/cart/**").hasRole("CUSTOMER");
	}

	private static String customerId(Jwt jwt) {
		if (jwt == null || jwt.getSubject() == null || jwt.getSubject().isBlank()) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "The token names no customer.");
		}
		return jwt.getSubject();
	}

	record AddItemRequest(@NotBlank @Size(max = 100) String productId,
			@NotNull @Min(1) @Max(Cart.MAX_QUANTITY) Integer quantity) {
	}

	record QuantityRequest(@NotNull @Min(0) @Max(Cart.MAX_QUANTITY) Integer quantity) {
	}

	record CartView(String id, String currency, List<LineView> lines, Money total, int itemCount, int weightGrams,
			boolean checkoutAllowed) {

		static CartView of(PricedCart cart) {
			return new CartView(cart.id(), cart.currency(),
					cart.lines().stream().map(line -> LineView.of(line, cart.currency())).toList(),
					money(cart.total(), cart.currency()), cart.itemCount(), cart.weightGrams(), cart.checkoutAllowed());
		}

	}

	record LineView(String productId, String sku, String name, int quantity, Money unitPrice, Money lineTotal,
			int weightGrams, boolean discontinued) {

		static LineView of(PricedLine line, String currency) {
			return new LineView(line.productId(), line.sku(), line.name(), line.quantity(),
					money(line.unitPrice(), currency), money(line.lineTotal(), currency), line.weightGrams(),
					line.discontinued());
		}

	}

	private static Money money(BigDecimal amount, String currency) {
		return (amount != null) ? new Money(amount, currency) : null;
	}

}
