package io.souq.order;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.souq.events.Topics;
import io.souq.events.inventory.ReleaseReservation;
import io.souq.events.inventory.ReservationReleased;
import io.souq.events.inventory.ReserveStock;
import io.souq.events.inventory.StockReserved;
import io.souq.events.order.OrderConfirmed;
import io.souq.events.order.OrderPlaced;
import io.souq.events.payment.AuthorizePayment;
import io.souq.events.payment.PaymentAuthorized;
import io.souq.events.shipping.CreateShipment;
import io.souq.events.shipping.ShipmentCreated;
import io.souq.test.ApiClient;
import io.souq.test.EventSamples;
import io.souq.test.TestTokens;
import io.souq.test.TopicRecords;
import io.souq.test.WithSouqInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * order-service over real HTTP, the real broker and the MongoDB-protocol server:
 * checkout, the saga's commands and answers (the test plays the participants on their
 * topics), deadlines, ownership and the operators' views.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "souq.order.saga.reserve-stock=3s", "souq.order.saga.resend-after=2s",
				"souq.order.saga.sweep-interval=200ms" })
@WithSouqInfrastructure
class OrderIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration EVENTUALLY = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	Environment environment;

	@DynamicPropertySource
	static void downstreams(DynamicPropertyRegistry registry) {
		TestTokens.issuer().register(registry);
		String uri = Downstreams.get().uri();
		registry.add("souq.order.checkout.cart-uri", () -> uri);
		registry.add("souq.order.checkout.customer-uri", () -> uri);
		registry.add("souq.order.checkout.shipping-uri", () -> uri);
	}

	@Test
	void checksOutOnceAndRunsTheSagaToConfirmation() throws Exception {
		String customer = "c-" + UUID.randomUUID();
		String token = customerWithCart(customer);
		Map<String, String> once = Map.of("Idempotency-Key", "checkout-" + customer);
		HttpResponse<String> placed = ApiClient.on(this.port).send("POST", "/api/orders", checkout(), token, once);
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
		String id = JsonPath.read(placed.body(), "$.id");
		assertThat(placed.headers().firstValue("Location")).hasValue("/api/orders/" + id);
		assertThat(JsonPath.<String>read(placed.body(), "$.status")).isEqualTo("PENDING");
		assertThat(JsonPath.<String>read(placed.body(), "$.total.amount")).isEqualTo("25.90");
		assertThat(JsonPath.<String>read(placed.body(), "$.shipping.amount")).isEqualTo("4.90");
		HttpResponse<String> again = ApiClient.on(this.port).send("POST", "/api/orders", checkout(), token, once);
		assertThat(JsonPath.<String>read(again.body(), "$.id")).isEqualTo(id);

		ConsumerRecord<String, String> orderPlaced = one(Topics.ORDER_EVENTS, id, OrderPlaced.TYPE);
		EventSamples.assertSameShape(orderPlaced.value());
		assertThat(JsonPath.<String>read(orderPlaced.value(), "$.data.customerId")).isEqualTo(customer);
		EventSamples.assertSameShape(one(Topics.INVENTORY_COMMANDS, id, ReserveStock.TYPE).value());

		answer(Topics.INVENTORY_EVENTS, StockReserved.TYPE, id, (data) -> {
		});
		ConsumerRecord<String, String> authorize = one(Topics.PAYMENT_COMMANDS, id, AuthorizePayment.TYPE);
		EventSamples.assertSameShape(authorize.value());
		assertThat(JsonPath.<String>read(authorize.value(), "$.data.amount.amount")).isEqualTo("25.90");
		assertThat(JsonPath.<String>read(authorize.value(), "$.data.paymentMethodToken")).isEqualTo("pm_test");
		assertThat(JsonPath.<String>read(authorize.value(), "$.correlationId")).isEqualTo(id);

		answer(Topics.PAYMENT_EVENTS, PaymentAuthorized.TYPE, id, (data) -> data.put("customerId", customer));
		ConsumerRecord<String, String> ship = one(Topics.SHIPPING_COMMANDS, id, CreateShipment.TYPE);
		EventSamples.assertSameShape(ship.value());
		assertThat(JsonPath.<String>read(ship.value(), "$.data.address.country")).isEqualTo("SA");

		String created = answer(Topics.SHIPPING_EVENTS, ShipmentCreated.TYPE, id, (data) -> {
		});
		await().atMost(EVENTUALLY)
			.until(() -> JsonPath.<String>read(get("/api/orders/" + id, token).body(), "$.status").equals("CONFIRMED"));
		this.kafka.send(new ProducerRecord<>(Topics.SHIPPING_EVENTS, id, created)).get();
		ConsumerRecord<String, String> confirmed = one(Topics.ORDER_EVENTS, id, OrderConfirmed.TYPE);
		EventSamples.assertSameShape(confirmed.value());

		HttpResponse<String> order = get("/api/orders/" + id, token);
		assertThat(JsonPath.<String>read(order.body(), "$.payment.status")).isEqualTo("AUTHORIZED");
		assertThat(JsonPath.<String>read(order.body(), "$.payment.last4")).isEqualTo("4242");
		assertThat(JsonPath.<String>read(order.body(), "$.shipment.trackingNumber")).isEqualTo("SQ-AR-000184");
		assertThat(JsonPath.<List<String>>read(order.body(), "$.history[*].status")).containsExactly("PENDING",
				"CONFIRMED");
		assertThat(JsonPath.<List<String>>read(get("/api/orders", token).body(), "$.content[*].id"))
			.containsExactly(id);
		assertThat(get("/actuator/prometheus", null).body()).contains("souq_orders_placed_total")
			.contains("souq_orders_confirmed_total")
			.containsPattern("souq_saga_duration_seconds_count\\{[^}]*outcome=\"confirmed\"");
	}

	@Test
	void aStepPastItsDeadlineCompensatesAndTheOrderEndsTimedOut() throws Exception {
		String customer = "c-" + UUID.randomUUID();
		String token = customerWithCart(customer);
		String id = JsonPath.read(post("/api/orders", checkout(), token).body(), "$.id");
		// nobody answers the reservation: after 3 s the saga releases whatever may have
		// been reserved, and sends it again until inventory acknowledges
		await().atMost(EVENTUALLY)
			.until(() -> TopicRecords
				.awaitMatching(bootstrap(), Topics.INVENTORY_COMMANDS,
						(r) -> id.equals(r.key()) && r.value().contains(ReleaseReservation.TYPE), EVENTUALLY)
				.size() >= 2);
		HttpResponse<String> waiting = get("/api/admin/sagas", TestTokens.issuer().admin());
		assertThat(waiting.body()).contains(id).contains("stock.reservation-released");

		answer(Topics.INVENTORY_EVENTS, ReservationReleased.TYPE, id, (data) -> data.putArray("lines"));
		await().atMost(EVENTUALLY)
			.until(() -> JsonPath.<String>read(get("/api/orders/" + id, token).body(), "$.status").equals("CANCELLED"));
		assertThat(JsonPath.<String>read(get("/api/orders/" + id, token).body(), "$.failureReason"))
			.isEqualTo("TIMED_OUT");
	}

	@Test
	void refusesBadCheckoutsAndKeepsOrdersToTheirOwners() {
		String customer = "c-" + UUID.randomUUID();
		String token = TestTokens.issuer().customer(customer);
		Downstreams.get().cart(token, cart("[]", "0.00", true));
		HttpResponse<String> empty = post("/api/orders", checkout(), token);
		assertThat(empty.statusCode()).isEqualTo(422);
		assertThat(JsonPath.<String>read(empty.body(), "$.type")).endsWith("empty-cart");

		String owner = customerWithCart("c-" + UUID.randomUUID());
		HttpResponse<String> bad = post("/api/orders", "{\"shippingOption\": \"BY_CAMEL\"}", owner);
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<List<String>>read(bad.body(), "$.errors[*].field")).contains("shippingOption",
				"paymentMethodToken");
		HttpResponse<String> unknownAddress = post("/api/orders", """
				{"addressName": "office", "paymentMethodToken": "pm_test", "shippingOption": "STANDARD"}""", owner);
		assertThat(unknownAddress.statusCode()).isEqualTo(422);

		String id = JsonPath.read(post("/api/orders", """
				{"addressName": "home", "paymentMethodToken": "pm_test", "shippingOption": "STANDARD"}""", owner)
			.body(), "$.id");
		assertThat(get("/api/orders/" + id, token).statusCode()).as("another customer's order").isEqualTo(404);
		assertThat(post("/api/orders/" + id + "/cancel", null, token).statusCode()).isEqualTo(404);
		assertThat(get("/api/orders/" + id, TestTokens.issuer().admin()).statusCode()).isEqualTo(200);
		assertThat(get("/api/orders/" + id, null).statusCode()).isEqualTo(401);
		assertThat(get("/api/admin/orders", owner).statusCode()).isEqualTo(403);
		HttpResponse<String> pending = get("/api/admin/orders?status=pending&size=100", TestTokens.issuer().admin());
		assertThat(JsonPath.<List<String>>read(pending.body(), "$.content[*].id")).contains(id);
		assertThat(get("/api/admin/orders?status=LOST&from=yesterday", TestTokens.issuer().admin()).statusCode())
			.isEqualTo(400);

		HttpResponse<String> cancelled = post("/api/orders/" + id + "/cancel", null, owner);
		assertThat(cancelled.statusCode()).isEqualTo(202);
		assertThat(JsonPath.<String>read(cancelled.body(), "$.failureReason")).isEqualTo("CUSTOMER_CANCELLED");
	}

	/** A customer whose cart holds two lines, and a quote for Saudi Arabia. */
	private static String customerWithCart(String customer) {
		String token = TestTokens.issuer().customer(customer);
		Downstreams.get()
			.cart(token,
					cart("""
							[{"productId": "p-1", "sku": "TEA-MINT-250", "name": "Mint tea", "quantity": 2,
							  "unitPrice": {"amount": "7.50", "currency": "EUR"}, "lineTotal": {"amount": "15.00", "currency": "EUR"},
							  "weightGrams": 280, "discontinued": false},
							 {"productId": "p-2", "sku": "SPC-SAFFRON-1G", "name": "Saffron", "quantity": 1,
							  "unitPrice": {"amount": "6.00", "currency": "EUR"}, "lineTotal": {"amount": "6.00", "currency": "EUR"},
							  "weightGrams": 20, "discontinued": false}]""",
							"21.00", true));
		Downstreams.get().quote("""
				{"country": "SA", "zone": "DOMESTIC", "currency": "EUR", "options": [
				 {"option": "STANDARD", "carrier": "Aramex", "price": {"amount": "4.90", "currency": "EUR"}},
				 {"option": "EXPRESS", "carrier": "DHL Express", "price": {"amount": "12.00", "currency": "EUR"}}]}""");
		return token;
	}

	private static String cart(String lines, String total, boolean orderable) {
		return """
				{"id": "cart", "currency": "EUR", "lines": %s, "total": {"amount": "%s", "currency": "EUR"},
				 "weightGrams": 580, "checkoutAllowed": %s}""".formatted(lines, total, orderable);
	}

	private static String checkout() {
		return """
				{"shippingAddress": {"name": "Layla Haddad", "line1": "12 King Fahd Road", "city": "Riyadh",
				 "postalCode": "12271", "country": "SA"}, "paymentMethodToken": "pm_test", "shippingOption": "STANDARD"}""";
	}

	/** Publishes a participant's answer: the sample of the type, for this order. */
	private String answer(String topic, String type, String orderId, java.util.function.Consumer<ObjectNode> edit)
			throws Exception {
		ObjectNode envelope = (ObjectNode) JSON.readTree(EventSamples.json(type, 1));
		envelope.put("id", UUID.randomUUID().toString()).put("subject", orderId).put("correlationId", orderId);
		ObjectNode data = (ObjectNode) envelope.get("data");
		data.put("orderId", orderId);
		edit.accept(data);
		String json = JSON.writeValueAsString(envelope);
		this.kafka.send(new ProducerRecord<>(topic, orderId, json)).get();
		return json;
	}

	private ConsumerRecord<String, String> one(String topic, String orderId, String type) {
		List<ConsumerRecord<String, String>> records = TopicRecords.awaitMatching(bootstrap(), topic,
				(r) -> orderId.equals(r.key()) && type.equals(JsonPath.read(r.value(), "$.type")), EVENTUALLY);
		assertThat(records).as(type + " for " + orderId).hasSize(1);
		return records.get(0);
	}

	private String bootstrap() {
		return this.environment.getProperty("spring.kafka.bootstrap-servers");
	}

	private HttpResponse<String> get(String path, String token) {
		return ApiClient.on(this.port).send("GET", path, null, token);
	}

	private HttpResponse<String> post(String path, String body, String token) {
		return ApiClient.on(this.port).send("POST", path, body, token);
	}

}
