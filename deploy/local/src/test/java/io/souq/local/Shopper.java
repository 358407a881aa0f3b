package io.souq.local;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.jayway.jsonpath.JsonPath;
import io.souq.test.ApiClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A customer of the end-to-end tests, talking to the gateway only: registers, signs in,
 * saves a card, fills the cart and checks out.
 */
final class Shopper {

	static final Duration EVENTUALLY = Duration.ofSeconds(60);

	static final String SA_ADDRESS = """
			{"name": "Layla Haddad", "line1": "12 King Fahd Road", "city": "Riyadh", "postalCode": "12271",
			 "country": "SA", "phone": "+966 11 555 0100"}""";

	private final String gateway;

	final String id;

	final String email;

	final String token;

	private Shopper(String gateway, String id, String email, String token) {
		this.gateway = gateway;
		this.id = id;
		this.email = email;
		this.token = token;
	}

	/** A new customer, signed in. */
	static Shopper register(String gateway) {
		return register(gateway, "en");
	}

	/** A new customer with this locale, signed in. */
	static Shopper register(String gateway, String locale) {
		String email = "shopper-" + UUID.randomUUID() + "@example.com";
		HttpResponse<String> registered = ApiClient.on(gateway)
			.send("POST", "/api/customers", """
					{"email":"%s","password":"kettle-42-mint","name":"Shopper","locale":"%s"}""".formatted(email,
					locale), null);
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		return new Shopper(gateway, JsonPath.read(registered.body(), "$.id"), email,
				signIn(gateway, email, "kettle-42-mint"));
	}

	static String signIn(String gateway, String email, String password) {
		String[] token = new String[1];
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			HttpResponse<String> response = ApiClient.on(gateway).send("POST", "/api/auth/token", """
					{"email":"%s","password":"%s"}""".formatted(email, password), null);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			token[0] = JsonPath.read(response.body(), "$.accessToken");
		});
		return token[0];
	}

	/** Saves a card and answers its payment method token. */
	String card(String number) {
		HttpResponse<String> saved = send("POST", "/api/payment-methods", """
				{"cardNumber": "%s", "expMonth": 12, "expYear": 2030, "cvc": "123", "holderName": "Layla Haddad"}"""
			.formatted(number));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
		return JsonPath.read(saved.body(), "$.token");
	}

	/** Empties the cart and puts units of a product in it (once the cart knows it). */
	Shopper cart(String productId, int quantity) {
		assertThat(send("DELETE", "/api/cart", null).statusCode()).isEqualTo(204);
		await().atMost(EVENTUALLY)
			.untilAsserted(() -> assertThat(send("POST", "/api/cart/items",
					"{\"productId\": \"%s\", \"quantity\": %d}".formatted(productId, quantity))
				.statusCode()).isEqualTo(200));
		return this;
	}

	/** Checks out to an address, answers the order's id. */
	String checkout(String paymentMethod, String address) {
		return checkout(paymentMethod, address, Map.of());
	}

	String checkout(String paymentMethod, String address, Map<String, String> headers) {
		HttpResponse<String> placed = ApiClient.on(this.gateway)
			.send("POST", "/api/orders", """
					{"shippingAddress": %s, "paymentMethodToken": "%s", "shippingOption": "STANDARD"}"""
				.formatted(address, paymentMethod), this.token, headers);
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
		assertThat(JsonPath.<String>read(placed.body(), "$.status")).isEqualTo("PENDING");
		return JsonPath.read(placed.body(), "$.id");
	}

	String order(String orderId) {
		HttpResponse<String> order = send("GET", "/api/orders/" + orderId, null);
		assertThat(order.statusCode()).as(order.body()).isEqualTo(200);
		return order.body();
	}

	/** Waits until the order reaches the status, answers the order. */
	String awaitOrder(String orderId, String status) {
		return awaitOrder(orderId, (order) -> status.equals(JsonPath.read(order, "$.status")));
	}

	String awaitOrder(String orderId, Predicate<String> condition) {
		String[] order = new String[1];
		await().atMost(EVENTUALLY).until(() -> {
			order[0] = order(orderId);
			return condition.test(order[0]);
		});
		return order[0];
	}

	List<String> cartProducts() {
		return JsonPath.read(send("GET", "/api/cart", null).body(), "$.lines[*].productId");
	}

	HttpResponse<String> send(String method, String path, String body) {
		return ApiClient.on(this.gateway).send(method, path, body, this.token);
	}

}
