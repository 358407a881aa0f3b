package io.souq.cart;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import com.jayway.jsonpath.JsonPath;
import io.souq.events.Topics;
import io.souq.events.catalog.ProductCreated;
import io.souq.events.catalog.ProductDiscontinued;
import io.souq.events.catalog.ProductPriceChanged;
import io.souq.events.catalog.ProductUpdated;
import io.souq.events.order.OrderPlaced;
import io.souq.test.ApiClient;
import io.souq.test.EventSamples;
import io.souq.test.TestTokens;
import io.souq.test.WithSouqInfrastructure;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Cart rows of the API contract over real HTTP, priced from catalog events on the
 * real broker and MongoDB-protocol server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@WithSouqInfrastructure
class CartIT {

	static final Duration EVENTUALLY = Duration.ofSeconds(30);

	static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		TestTokens.issuer().register(registry);
	}

	@Test
	void pricesTheCartFromTheCatalogAndFollowsPriceChangesInOrderAndOnce() throws Exception {
		Product tea = publishNewProduct(data -> {
		});
		String aliceId = "customer-" + UUID.randomUUID();
		String alice = TestTokens.issuer().customer(aliceId);

		HttpResponse<String> added = awaitAdded(alice, tea.id(), 2, "");
		assertThat(read(added, "$.id")).isEqualTo(Cart.idOf(aliceId));
		assertThat(read(added, "$.currency")).isEqualTo("EUR");
		assertThat(read(added, "$.lines[0].productId")).isEqualTo(tea.id());
		assertThat(read(added, "$.lines[0].sku")).isEqualTo(tea.sku());
		assertThat(read(added, "$.lines[0].name")).isEqualTo("Moroccan mint tea, 250 g");
		assertThat(JsonPath.<Integer>read(added.body(), "$.lines[0].quantity")).isEqualTo(2);
		assertThat(read(added, "$.lines[0].unitPrice.amount")).isEqualTo("7.50");
		assertThat(read(added, "$.lines[0].unitPrice.currency")).isEqualTo("EUR");
		assertThat(read(added, "$.lines[0].lineTotal.amount")).isEqualTo("15.00");
		assertThat(JsonPath.<Boolean>read(added.body(), "$.lines[0].discontinued")).isFalse();
		assertThat(read(added, "$.total.amount")).isEqualTo("15.00");
		assertThat(read(added, "$.total.currency")).isEqualTo("EUR");
		assertThat(JsonPath.<Integer>read(added.body(), "$.itemCount")).isEqualTo(2);
		assertThat(JsonPath.<Integer>read(added.body(), "$.weightGrams")).isEqualTo(560);
		assertThat(JsonPath.<Boolean>read(added.body(), "$.checkoutAllowed")).isTrue();

		HttpResponse<String> more = add(alice, tea.id(), 1, "");
		assertThat(JsonPath.<Integer>read(more.body(), "$.lines[0].quantity")).isEqualTo(3);
		assertThat(read(more, "$.total.amount")).isEqualTo("22.50");
		HttpResponse<String> tooMany = add(alice, tea.id(), 97, "");
		assertProblem(tooMany, 422, "quantity-limit");

		String firstChange = event(ProductPriceChanged.TYPE, tea, "2026-11-23T11:00:00Z",
				data -> prices(data, "6.90", "7.99", "29.00"));
		publish(tea, firstChange);
		awaitTotal(alice, "20.70");
		publish(tea, event(ProductPriceChanged.TYPE, tea, "2026-11-23T12:00:00Z",
				data -> prices(data, "5.55", "7.99", "29.00")));
		awaitTotal(alice, "16.65");

		// another customer's cart is their own
		String bobId = "customer-" + UUID.randomUUID();
		String bob = TestTokens.issuer().customer(bobId);
		HttpResponse<String> bobsCart = get(bob);
		assertThat(read(bobsCart, "$.id")).isEqualTo(Cart.idOf(bobId)).isNotEqualTo(Cart.idOf(aliceId));
		assertThat(JsonPath.<List<Object>>read(bobsCart.body(), "$.lines")).isEmpty();
		assertThat(JsonPath.<Integer>read(add(bob, tea.id(), 1, "").body(), "$.lines[0].quantity")).isEqualTo(1);
		assertThat(send("DELETE", "/api/cart", null, bob).statusCode()).isEqualTo(204);
		assertThat(JsonPath.<List<Object>>read(get(bob).body(), "$.lines")).isEmpty();
		assertThat(JsonPath.<Integer>read(get(alice).body(), "$.lines[0].quantity")).isEqualTo(3);

		// the first change again (same message), then events older than what was applied
		publish(tea, firstChange);
		publish(tea, event(ProductPriceChanged.TYPE, tea, "2026-11-23T11:30:00Z",
				data -> prices(data, "9.99", "9.99", "39.00")));
		publish(tea, event(ProductUpdated.TYPE, tea, "2026-11-23T10:00:00Z", data -> {
			data.put("name", "An old name");
			prices(data, "1.00", "1.00", "1.00");
		}));
		// behind them on the same partition, an event that touches neither name nor
		// prices:
		// once it shows, the ones before were consumed
		publish(tea, event(ProductDiscontinued.TYPE, tea, "2026-11-24T09:00:00Z", data -> {
		}));
		await().atMost(EVENTUALLY).until(() -> JsonPath.<Boolean>read(get(alice).body(), "$.lines[0].discontinued"));
		HttpResponse<String> cart = get(alice);
		assertThat(read(cart, "$.lines[0].name")).isEqualTo("Moroccan mint tea, 250 g");
		assertThat(read(cart, "$.lines[0].unitPrice.amount")).isEqualTo("5.55");
		assertThat(read(cart, "$.total.amount")).isEqualTo("16.65");
		assertThat(JsonPath.<Boolean>read(cart.body(), "$.checkoutAllowed")).isFalse();
	}

	@Test
	void takesTheOrderedProductsOutOfTheCartOnceTheOrderIsPlaced() throws Exception {
		Product tea = publishNewProduct(data -> {
		});
		Product pot = publishNewProduct(data -> {
		});
		String customerId = "customer-" + UUID.randomUUID();
		String token = TestTokens.issuer().customer(customerId);
		awaitAdded(token, tea.id(), 2, "");
		awaitAdded(token, pot.id(), 1, "");

		ObjectNode placed = (ObjectNode) json.readTree(EventSamples.json(OrderPlaced.TYPE, 1));
		String orderId = UUID.randomUUID().toString();
		placed.put("id", UUID.randomUUID().toString()).put("subject", orderId);
		ObjectNode data = (ObjectNode) placed.get("data");
		data.put("orderId", orderId).put("customerId", customerId);
		((ObjectNode) data.get("lines").get(0)).put("productId", tea.id());
		String order = json.writeValueAsString(placed);
		this.kafka.send(new ProducerRecord<>(Topics.ORDER_EVENTS, orderId, order)).get();
		this.kafka.send(new ProducerRecord<>(Topics.ORDER_EVENTS, orderId, order)).get();

		await().atMost(EVENTUALLY)
			.untilAsserted(() -> assertThat(JsonPath.<List<String>>read(get(token).body(), "$.lines[*].productId"))
				.containsExactly(pot.id()));
	}

	@Test
	void keepsADiscontinuedProductFlaggedAndRefusesToAddIt() throws Exception {
		Product tea = publishNewProduct(data -> {
		});
		Product mug = publishNewProduct(data -> data.put("name", "Tea glass"));
		String carol = TestTokens.issuer().customer("customer-" + UUID.randomUUID());
		awaitAdded(carol, tea.id(), 2, "");
		awaitAdded(carol, mug.id(), 1, "");

		publish(tea, event(ProductDiscontinued.TYPE, tea, "2026-11-24T09:00:00Z", data -> {
		}));
		await().atMost(EVENTUALLY).until(() -> JsonPath.<Boolean>read(get(carol).body(), "$.lines[0].discontinued"));
		publish(mug, event(ProductUpdated.TYPE, mug, "2026-11-24T10:00:00Z", data -> {
			data.put("name", "Tea glass, set of 6");
			prices(data, "8.00", "8.50", "31.00");
		}));
		await().atMost(EVENTUALLY).until(() -> read(get(carol), "$.lines[1].name").equals("Tea glass, set of 6"));
		HttpResponse<String> cart = get(carol);
		assertThat(JsonPath.<Boolean>read(cart.body(), "$.checkoutAllowed")).isFalse();
		assertThat(JsonPath.<Boolean>read(cart.body(), "$.lines[0].discontinued")).isTrue();
		assertThat(JsonPath.<Boolean>read(cart.body(), "$.lines[1].discontinued")).isFalse();
		assertThat(read(cart, "$.lines[1].unitPrice.amount")).isEqualTo("8.00");
		assertThat(read(cart, "$.total.amount")).isEqualTo("23.00");
		assertProblem(add(carol, tea.id(), 1, ""), 422, "product-discontinued");
		assertProblem(send("PUT", "/api/cart/items/" + tea.id(), "{\"quantity\":3}", carol), 422,
				"product-discontinued");

		HttpResponse<String> removed = send("PUT", "/api/cart/items/" + tea.id(), "{\"quantity\":0}", carol);
		assertThat(removed.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(removed.body(), "$.lines[*].productId")).containsExactly(mug.id());
		assertThat(JsonPath.<Boolean>read(removed.body(), "$.checkoutAllowed")).isTrue();
		assertProblem(send("PUT", "/api/cart/items/" + tea.id(), "{\"quantity\":1}", carol), 404, "not-found");

		HttpResponse<String> set = send("PUT", "/api/cart/items/" + mug.id(), "{\"quantity\":4}", carol);
		assertThat(read(set, "$.total.amount")).isEqualTo("32.00");
		assertThat(send("DELETE", "/api/cart/items/" + mug.id(), null, carol).statusCode()).isEqualTo(204);
		assertThat(send("DELETE", "/api/cart/items/" + mug.id(), null, carol).statusCode()).isEqualTo(204);
		HttpResponse<String> empty = get(carol);
		assertThat(JsonPath.<List<Object>>read(empty.body(), "$.lines")).isEmpty();
		assertThat(read(empty, "$.total.amount")).isEqualTo("0.00");
		assertThat(JsonPath.<Boolean>read(empty.body(), "$.checkoutAllowed")).isFalse();
	}

	@Test
	void holdsOneCurrencyChosenByTheFirstAdd() throws Exception {
		Product tea = publishNewProduct(data -> {
			ArrayNode prices = data.putArray("prices");
			prices.addObject().put("amount", "7.50").put("currency", "EUR");
			prices.addObject().put("amount", "29.00").put("currency", "SAR");
		});
		String dave = TestTokens.issuer().customer("customer-" + UUID.randomUUID());
		HttpResponse<String> fresh = get(dave);
		assertThat(fresh.statusCode()).isEqualTo(200);
		assertThat(read(fresh, "$.currency")).isEqualTo("EUR");
		assertThat(read(fresh, "$.total.amount")).isEqualTo("0.00");
		assertThat(JsonPath.<Integer>read(fresh.body(), "$.itemCount")).isZero();

		HttpResponse<String> sar = awaitAdded(dave, tea.id(), 1, "?currency=SAR");
		assertThat(read(sar, "$.currency")).isEqualTo("SAR");
		assertThat(read(sar, "$.lines[0].unitPrice.amount")).isEqualTo("29.00");
		assertThat(read(sar, "$.lines[0].unitPrice.currency")).isEqualTo("SAR");
		assertProblem(add(dave, tea.id(), 1, "?currency=EUR"), 422, "currency-mismatch");
		HttpResponse<String> same = add(dave, tea.id(), 1, "");
		assertThat(read(same, "$.total.amount")).isEqualTo("58.00");
		assertThat(read(same, "$.total.currency")).isEqualTo("SAR");

		for (String bad : List.of("GBP", "sar", "EURO", "%20")) {
			HttpResponse<String> refused = add(dave, tea.id(), 1, "?currency=" + bad);
			assertProblem(refused, 400, "validation");
			assertThat(JsonPath.<List<String>>read(refused.body(), "$.errors[*].field")).containsExactly("currency");
		}

		assertThat(send("DELETE", "/api/cart", null, dave).statusCode()).isEqualTo(204);
		assertProblem(add(dave, tea.id(), 1, "?currency=USD"), 422, "no-price-in-currency");
		HttpResponse<String> eur = add(dave, tea.id(), 1, "?currency=EUR");
		assertThat(read(eur, "$.currency")).isEqualTo("EUR");
		assertThat(read(eur, "$.total.amount")).isEqualTo("7.50");
	}

	@Test
	void refusesBadInputAsProblemsAndNeedsACustomersToken() {
		String erin = TestTokens.issuer().customer("customer-" + UUID.randomUUID());
		for (String body : List.of("{\"productId\":\"p-1\",\"quantity\":0}", "{\"productId\":\"p-1\",\"quantity\":100}",
				"{\"productId\":\"p-1\"}")) {
			HttpResponse<String> invalid = send("POST", "/api/cart/items", body, erin);
			assertProblem(invalid, 400, "validation");
			assertThat(JsonPath.<List<String>>read(invalid.body(), "$.errors[*].field")).containsExactly("quantity");
		}
		HttpResponse<String> noProduct = send("POST", "/api/cart/items", "{\"quantity\":1}", erin);
		assertThat(JsonPath.<List<String>>read(noProduct.body(), "$.errors[*].field")).containsExactly("productId");
		for (String body : List.of("{\"productId\":\"p-1\",\"quantity\":\"two\"}", "{\"productId\":", "[1]", "")) {
			assertProblem(send("POST", "/api/cart/items", body, erin), 400, null);
		}
		for (String body : List.of("{\"quantity\":-1}", "{\"quantity\":100}", "{}")) {
			HttpResponse<String> invalid = send("PUT", "/api/cart/items/p-1", body, erin);
			assertProblem(invalid, 400, "validation");
			assertThat(JsonPath.<List<String>>read(invalid.body(), "$.errors[*].field")).containsExactly("quantity");
		}
		assertProblem(send("PUT", "/api/cart/items/p-1", "{\"quantity\":1}", erin), 404, "not-found");
		assertProblem(add(erin, "no-such-product-" + UUID.randomUUID(), 1, ""), 422, "unknown-product");
		assertThat(send("DELETE", "/api/cart/items/p-1", null, erin).statusCode()).isEqualTo(204);

		assertThat(send("GET", "/api/cart", null, null).statusCode()).isEqualTo(401);
		assertThat(send("POST", "/api/cart/items", "{\"productId\":\"p-1\",\"quantity\":1}", null).statusCode())
			.isEqualTo(401);
		assertThat(send("DELETE", "/api/cart", null, null).statusCode()).isEqualTo(401);
		assertThat(send("GET", "/api/cart", null, TestTokens.issuer().expired("c-1", "CUSTOMER")).statusCode())
			.isEqualTo(401);
		assertThat(send("GET", "/api/cart", null, TestTokens.issuer().token("svc-1")).statusCode()).isEqualTo(403);
	}

	record Product(String id, String sku) {
	}

	/** Publishes {@code product.created}: the sample with a new id and SKU, edited. */
	private Product publishNewProduct(Consumer<ObjectNode> data) throws Exception {
		Product product = new Product(UUID.randomUUID().toString(),
				"SKU-" + UUID.randomUUID().toString().substring(0, 8));
		publish(product, event(ProductCreated.TYPE, product, null, data));
		return product;
	}

	/**
	 * The sample document of a type for a product, with a new message id, the time of the
	 * fact (unless {@code null}), and the payload edited.
	 */
	private static String event(String type, Product product, String at, Consumer<ObjectNode> edit) {
		ObjectNode envelope = (ObjectNode) json.readTree(EventSamples.json(type, 1));
		envelope.put("id", UUID.randomUUID().toString());
		envelope.put("subject", product.id());
		ObjectNode data = (ObjectNode) envelope.get("data");
		data.put("productId", product.id());
		data.put("sku", product.sku());
		if (at != null) {
			envelope.put("time", at);
			data.put("at", at);
		}
		edit.accept(data);
		return json.writeValueAsString(envelope);
	}

	private static void prices(ObjectNode data, String eur, String usd, String sar) {
		ArrayNode prices = data.putArray("prices");
		prices.addObject().put("amount", eur).put("currency", "EUR");
		prices.addObject().put("amount", usd).put("currency", "USD");
		prices.addObject().put("amount", sar).put("currency", "SAR");
	}

	private void publish(Product product, String event) throws Exception {
		this.kafka.send(new ProducerRecord<>(Topics.CATALOG_EVENTS, product.id(), event)).get();
	}

	/** Adds once the product has reached the cart's read model. */
	private HttpResponse<String> awaitAdded(String token, String productId, int quantity, String query) {
		AtomicReference<HttpResponse<String>> added = new AtomicReference<>();
		await().atMost(EVENTUALLY).until(() -> {
			added.set(add(token, productId, quantity, query));
			return added.get().statusCode() == 200;
		});
		return added.get();
	}

	private void awaitTotal(String token, String amount) {
		await().atMost(EVENTUALLY).until(() -> read(get(token), "$.total.amount").equals(amount));
	}

	private HttpResponse<String> add(String token, String productId, int quantity, String query) {
		return send("POST", "/api/cart/items" + query,
				"{\"productId\":\"" + productId + "\",\"quantity\":" + quantity + "}", token);
	}

	private HttpResponse<String> get(String token) {
		return send("GET", "/api/cart", null, token);
	}

	private static String read(HttpResponse<String> response, String path) {
		return JsonPath.read(response.body(), path);
	}

	private static void assertProblem(HttpResponse<String> response, int status, String type) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(value -> assertThat(value).startsWith("application/problem+json"));
		if (type != null) {
			assertThat(JsonPath.<String>read(response.body(), "$.type")).isEqualTo("https://souq.io/problems/" + type);
		}
	}

	private HttpResponse<String> send(String method, String path, String body, String token) {
		return ApiClient.on(this.port).send(method, path, body, token);
	}

}
