package io.souq.order.checkout;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.souq.events.Money;
import io.souq.events.order.OrderLine;
import io.souq.events.order.ShippingAddress;
import io.souq.order.Order;
import io.souq.order.Orders;
import io.souq.starter.web.ProblemException;
import io.souq.starter.web.ProblemException.FieldProblem;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Checkout: turns the caller's cart into a {@code PENDING} order priced with its
 * shipping, which starts the saga. The same {@code Idempotency-Key} answers the order
 * placed with it, creating nothing new.
 */
@Service
public class Checkouts {

	private final CheckoutClients clients;

	private final Orders orders;

	Checkouts(CheckoutClients clients, Orders orders) {
		this.clients = clients;
		this.orders = orders;
	}

	/**
	 * Places the order of the caller's cart.
	 * @param customerId the caller
	 * @param bearerToken the caller's token, passed on to cart-service and
	 * customer-service
	 * @param idempotencyKey the request's {@code Idempotency-Key}, or {@code null}
	 * @throws ProblemException 422 for an empty or unorderable cart, an unknown address
	 * name or an unavailable shipping option; 400 for an incomplete request; 503 when a
	 * service checkout needs does not answer
	 */
	public Order checkout(String customerId, String bearerToken, CheckoutRequest request, String idempotencyKey) {
		try {
			return place(customerId, bearerToken, request, idempotencyKey);
		}
		catch (HttpClientErrorException ex) {
			// the caller's own token was refused downstream: nothing the caller can fix
			// here
			throw new ProblemException(HttpStatus.BAD_GATEWAY, "dependency-refused", "Bad gateway",
					"A service checkout needs refused the request (" + ex.getStatusCode().value() + ").");
		}
	}

	private Order place(String customerId, String bearerToken, CheckoutRequest request, String idempotencyKey) {
		Optional<Order> placed = this.orders.placed(customerId, idempotencyKey);
		if (placed.isPresent()) {
			return placed.get();
		}
		if ((request.shippingAddress() == null) == (request.addressName() == null)) {
			throw ProblemException.invalidFields(List.of(new FieldProblem("shippingAddress",
					"give either shippingAddress or addressName (one of your saved addresses)")));
		}
		JsonNode cart = this.clients.cart(bearerToken);
		String currency = cart.path("currency").asString();
		List<OrderLine> lines = lines(cart, currency);
		if (lines.isEmpty()) {
			throw ProblemException.unprocessable("empty-cart", "Your cart is empty: there is nothing to order.");
		}
		if (!cart.path("checkoutAllowed").asBoolean(false)) {
			throw ProblemException.unprocessable("cart-not-orderable",
					"Your cart holds a product that is discontinued or has no price in " + currency
							+ "; remove it to check out.");
		}
		ShippingAddress address = address(request, bearerToken);
		BigDecimal subtotal = lines.stream()
			.map((l) -> l.lineTotal().amount())
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		int weightGrams = Math.max(1, cart.path("weightGrams").asInt(0));
		BigDecimal shipping = shippingPrice(address.country(), weightGrams, subtotal, currency,
				request.shippingOption());
		return this.orders.place(new Order.Checkout(customerId, idempotencyKey, lines, currency, shipping,
				request.shippingOption(), address, weightGrams, request.paymentMethodToken()));
	}

	private static List<OrderLine> lines(JsonNode cart, String currency) {
		List<OrderLine> lines = new ArrayList<>();
		for (JsonNode line : cart.path("lines")) {
			JsonNode unitPrice = line.path("unitPrice");
			JsonNode lineTotal = line.path("lineTotal");
			if (unitPrice.isMissingNode() || unitPrice.isNull() || lineTotal.isNull()) {
				throw ProblemException.unprocessable("cart-not-orderable",
						"A product in your cart has no price in " + currency + "; remove it to check out.");
			}
			lines.add(new OrderLine(line.path("productId").asString(), line.path("sku").asString(),
					line.path("name").asString(), line.path("quantity").asInt(),
					new Money(new BigDecimal(unitPrice.path("amount").asString()), currency),
					new Money(new BigDecimal(lineTotal.path("amount").asString()), currency)));
		}
		return lines;
	}

	private ShippingAddress address(CheckoutRequest request, String bearerToken) {
		CheckoutRequest.AddressRequest given = request.shippingAddress();
		if (given != null) {
			String name = (given.name() != null && !given.name().isBlank()) ? given.name()
					: this.clients.profile(bearerToken).path("name").asString();
			return new ShippingAddress(name, given.line1(), given.line2(), given.city(), given.postalCode(),
					given.country(), given.phone());
		}
		JsonNode profile = this.clients.profile(bearerToken);
		JsonNode saved = profile.path("addresses").path(request.addressName());
		if (saved.isMissingNode() || saved.isNull()) {
			throw ProblemException.unprocessable("unknown-address",
					"You have no address named '" + request.addressName() + "'.");
		}
		return new ShippingAddress(profile.path("name").asString(), saved.path("line1").asString(),
				text(saved.path("line2")), saved.path("city").asString(), saved.path("postalCode").asString(),
				saved.path("country").asString(), text(saved.path("phone")));
	}

	private BigDecimal shippingPrice(String country, int weightGrams, BigDecimal subtotal, String currency,
			String option) {
		JsonNode quote;
		try {
			quote = this.clients.quote(country, weightGrams, subtotal, currency);
		}
		catch (HttpClientErrorException ex) {
			throw ProblemException.unprocessable("shipping-option-unavailable",
					"There is no shipping to " + country + " for this order.");
		}
		for (JsonNode offered : quote.path("options")) {
			if (option.equals(offered.path("option").asString())) {
				return new BigDecimal(offered.path("price").path("amount").asString());
			}
		}
		throw ProblemException.unprocessable("shipping-option-unavailable",
				option + " shipping is not offered to " + country + ".");
	}

	private static String text(JsonNode node) {
		return (node.isMissingNode() || node.isNull()) ? null : node.asString();
	}

}
