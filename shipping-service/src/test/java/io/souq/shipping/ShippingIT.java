package io.souq.shipping;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

import com.jayway.jsonpath.JsonPath;
import io.souq.events.Topics;
import io.souq.events.shipping.CancelShipment;
import io.souq.events.shipping.CreateShipment;
import io.souq.events.shipping.ShipmentCancelled;
import io.souq.events.shipping.ShipmentCreated;
import io.souq.events.shipping.ShipmentDelivered;
import io.souq.events.shipping.ShipmentDispatched;
import io.souq.events.shipping.ShipmentFailed;
import io.souq.events.shipping.ShipmentInTransit;
import io.souq.test.ApiClient;
import io.souq.test.EventSamples;
import io.souq.test.TestTokens;
import io.souq.test.TopicRecords;
import io.souq.test.WithSouqInfrastructure;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Shipping rows of the API contract over real HTTP, and the saga's shipping commands
 * and their answers on the real broker, on the MongoDB-protocol server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@WithSouqInfrastructure
@Import(TestIssuer.class)
class ShippingIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	Environment environment;

	@Test
	void quotesEveryDestinationInEveryCurrencyWithFreeStandardShippingFromTheThreshold() {
		assertPrices(quote("country=SA&weightGrams=580&currency=SAR"), "SA", "DOMESTIC", "SAR", "21.00", "45.00");
		assertPrices(quote("country=AE&weightGrams=1200&currency=SAR"), "AE", "REGIONAL", "SAR", "75.00", "140.00");
		assertPrices(quote("country=DE&weightGrams=2000&currency=SAR"), "DE", "REST_OF_WORLD", "SAR", "170.00",
				"300.00");
		assertPrices(quote("country=SA&weightGrams=580&currency=EUR"), "SA", "DOMESTIC", "EUR", "5.40", "11.40");
		assertPrices(quote("country=ae&weightGrams=1200&currency=eur"), "AE", "REGIONAL", "EUR", "19.00", "34.25");
		assertPrices(quote("country=DE&weightGrams=1200"), "DE", "REST_OF_WORLD", "EUR", "37.00", "66.50");

		HttpResponse<String> options = quote("country=SA&weightGrams=580&currency=SAR&subtotal=120.00");
		assertThat(JsonPath.<List<String>>read(options.body(), "$.options[*].carrier")).containsExactly("Aramex",
				"DHL Express");
		assertThat(JsonPath.<List<Integer>>read(options.body(), "$.options[*].estimatedDays.min")).containsExactly(2,
				1);
		assertThat(JsonPath.<List<Integer>>read(options.body(), "$.options[*].estimatedDays.max")).containsExactly(4,
				2);
		assertThat(JsonPath.<List<String>>read(options.body(), "$.options[*].price.currency")).containsOnly("SAR");

		assertPrices(quote("country=SA&weightGrams=580&currency=SAR&subtotal=200"), "SA", "DOMESTIC", "SAR", "0.00",
				"45.00");
		assertPrices(quote("country=DE&weightGrams=1200&currency=EUR&subtotal=49.99"), "DE", "REST_OF_WORLD", "EUR",
				"37.00", "66.50");
		assertPrices(quote("country=DE&weightGrams=1200&currency=EUR&subtotal=50.00"), "DE", "REST_OF_WORLD", "EUR",
				"0.00", "66.50");
		assertPrices(quote("country=US&weightGrams=1200&currency=USD&subtotal=55"), "US", "REST_OF_WORLD", "USD",
				"0.00", "72.00");

		assertInvalid(quote("country=XX&weightGrams=0&subtotal=-1&currency=GBP"), "country", "currency", "subtotal",
				"weightGrams");
		assertInvalid(quote(""), "country", "weightGrams");
		assertInvalid(quote("country=SAU&weightGrams=70001&subtotal=abc"), "country", "subtotal", "weightGrams");
		assertInvalid(quote("country=SA&weightGrams=1.5"), "weightGrams");
	}

	@Test
	void createsOneShipmentPerOrderThatOnlyItsCustomerAndAdministratorsCanTrack() {
		String orderId = UUID.randomUUID().toString();
		String customerId = UUID.randomUUID().toString();
		ObjectNode command = createShipment(orderId, customerId, (address) -> {
		});
		publish(command);

		JsonNode created = answers(orderId, ShipmentCreated.TYPE, 1).get(0);
		EventSamples.assertSameShape(created);
		assertThat(created.get("causationId").asString()).isEqualTo(command.get("id").asString());
		assertThat(created.get("correlationId").asString()).isEqualTo(command.get("correlationId").asString());
		assertThat(created.get("source").asString()).isEqualTo("shipping-service");
		JsonNode data = created.get("data");
		assertThat(data.get("orderId").asString()).isEqualTo(orderId);
		assertThat(data.get("customerId").asString()).isEqualTo(customerId);
		assertThat(data.get("carrier").asString()).isEqualTo("Aramex");
		assertThat(data.get("option").asString()).isEqualTo("STANDARD");
		assertThat(data.get("estimatedDays").asInt()).isEqualTo(4);
		String trackingNumber = data.get("trackingNumber").asString();
		assertThat(trackingNumber).matches("SQ-AR-\\d{10}");

		HttpResponse<String> owner = send("GET", "/api/shipments/" + trackingNumber, null,
				TestTokens.issuer().customer(customerId));
		assertThat(owner.statusCode()).as(owner.body()).isEqualTo(200);
		assertThat(JsonPath.<String>read(owner.body(), "$.trackingNumber")).isEqualTo(trackingNumber);
		assertThat(JsonPath.<String>read(owner.body(), "$.orderId")).isEqualTo(orderId);
		assertThat(JsonPath.<String>read(owner.body(), "$.carrier")).isEqualTo("Aramex");
		assertThat(JsonPath.<String>read(owner.body(), "$.option")).isEqualTo("STANDARD");
		assertThat(JsonPath.<String>read(owner.body(), "$.status")).isEqualTo("CREATED");
		assertThat(JsonPath.<String>read(owner.body(), "$.address.city")).isEqualTo("Riyadh");
		assertThat(JsonPath.<String>read(owner.body(), "$.address.country")).isEqualTo("SA");
		assertThat(JsonPath.<List<String>>read(owner.body(), "$.events[*].status")).containsExactly("CREATED");
		assertThat(JsonPath.<String>read(owner.body(), "$.createdAt")).isEqualTo(data.get("at").asString());

		HttpResponse<String> stranger = send("GET", "/api/shipments/" + trackingNumber, null,
				TestTokens.issuer().customer(UUID.randomUUID().toString()));
		assertThat(stranger.statusCode()).isEqualTo(404);
		assertThat(stranger.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(send("GET", "/api/shipments/" + trackingNumber, null, TestTokens.issuer().admin()).statusCode())
			.isEqualTo(200);
		assertThat(send("GET", "/api/shipments/" + trackingNumber, null, null).statusCode()).isEqualTo(401);
		assertThat(send("GET", "/api/shipments/SQ-AR-0000000000", null, TestTokens.issuer().admin()).statusCode())
			.isEqualTo(404);

		HttpResponse<String> label = send("GET", "/api/shipments/" + trackingNumber + "/label", null,
				TestTokens.issuer().customer(customerId));
		assertThat(label.statusCode()).isEqualTo(200);
		assertThat(label.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain"));
		assertThat(label.body()).contains(trackingNumber, "Aramex", "580 g", "Layla Haddad", "12 King Fahd Road",
				"12271 Riyadh");
		assertThat(send("GET", "/api/shipments/" + trackingNumber + "/label", null,
				TestTokens.issuer().customer(UUID.randomUUID().toString()))
			.statusCode()).isEqualTo(404);

		// the very same message again (a redelivery) has one effect; the command sent
		// again (a saga retry) is answered again, with the same shipment
		publish(command);
		ObjectNode retry = command.deepCopy();
		retry.put("id", UUID.randomUUID().toString());
		publish(retry);
		List<JsonNode> answers = answers(orderId, ShipmentCreated.TYPE, 2);
		assertThat(answers).last()
			.satisfies((last) -> assertThat(last.get("causationId").asString()).isEqualTo(retry.get("id").asString()));
		assertThat(answers).hasSize(2);
		assertThat(answers).extracting((answer) -> answer.get("data")).containsOnly(data);
	}

	@Test
	void refusesUnservedDestinationsAndIncompleteAddressesAndAcknowledgesEveryCancellation() {
		String unserved = UUID.randomUUID().toString();
		String customerId = UUID.randomUUID().toString();
		ObjectNode command = createShipment(unserved, customerId, (address) -> address.put("country", "KP"));
		publish(command);
		JsonNode failed = answers(unserved, ShipmentFailed.TYPE, 1).get(0);
		EventSamples.assertSameShape(failed);
		assertThat(failed.get("data").get("reason").asString()).isEqualTo("DESTINATION_NOT_SERVED");
		assertThat(failed.get("data").get("country").asString()).isEqualTo("KP");
		assertThat(failed.get("data").get("customerId").asString()).isEqualTo(customerId);
		command.put("id", UUID.randomUUID().toString());
		publish(command);
		assertThat(answers(unserved, ShipmentFailed.TYPE, 2)).extracting((answer) -> answer.get("data"))
			.containsOnly(failed.get("data"));

		String incomplete = UUID.randomUUID().toString();
		publish(createShipment(incomplete, customerId, (address) -> address.putNull("postalCode")));
		assertThat(answers(incomplete, ShipmentFailed.TYPE, 1).get(0).get("data").get("reason").asString())
			.isEqualTo("ADDRESS_REJECTED");

		publish(cancelShipment(unserved, "SHIPPING_UNAVAILABLE"));
		JsonNode cancelled = answers(unserved, ShipmentCancelled.TYPE, 1).get(0);
		EventSamples.assertSameShape(cancelled);
		assertThat(cancelled.get("data").get("trackingNumber").isNull()).isTrue();
		assertThat(cancelled.get("data").get("customerId").asString()).isEqualTo(customerId);

		String unknown = UUID.randomUUID().toString();
		publish(cancelShipment(unknown, "TIMED_OUT"));
		JsonNode acknowledged = answers(unknown, ShipmentCancelled.TYPE, 1).get(0);
		EventSamples.assertSameShape(acknowledged);
		assertThat(acknowledged.get("data").get("trackingNumber").isNull()).isTrue();
		assertThat(acknowledged.get("data").get("reason").asString()).isEqualTo("TIMED_OUT");
	}

	@Test
	void cancelsAShipmentBeforeDispatchButNotAfter() {
		String orderId = UUID.randomUUID().toString();
		String customerId = UUID.randomUUID().toString();
		String trackingNumber = createdShipment(orderId, customerId);
		publish(cancelShipment(orderId, "CUSTOMER_CANCELLED"));
		JsonNode cancelled = answers(orderId, ShipmentCancelled.TYPE, 1).get(0);
		EventSamples.assertSameShape(cancelled);
		assertThat(cancelled.get("data").get("trackingNumber").asString()).isEqualTo(trackingNumber);
		assertThat(cancelled.get("data").get("reason").asString()).isEqualTo("CUSTOMER_CANCELLED");
		HttpResponse<String> shipment = send("GET", "/api/shipments/" + trackingNumber, null,
				TestTokens.issuer().customer(customerId));
		assertThat(JsonPath.<String>read(shipment.body(), "$.status")).isEqualTo("CANCELLED");
		assertThat(JsonPath.<List<String>>read(shipment.body(), "$.events[*].status")).containsExactly("CREATED",
				"CANCELLED");
		assertThat(carrierEvent(trackingNumber, "DISPATCHED", null, null, TestTokens.issuer().admin()).statusCode())
			.isEqualTo(422);

		String dispatchedOrder = UUID.randomUUID().toString();
		String dispatched = createdShipment(dispatchedOrder, customerId);
		assertThat(carrierEvent(dispatched, "DISPATCHED", null, "Riyadh hub", TestTokens.issuer().admin()).statusCode())
			.isEqualTo(200);
		publish(cancelShipment(dispatchedOrder, "CUSTOMER_CANCELLED"));
		// a command for the same order behind it: once it is answered, the cancel has
		// been handled
		ObjectNode behind = createShipment(dispatchedOrder, customerId, (address) -> {
		});
		publish(behind);
		await().atMost(TIMEOUT)
			.until(() -> answers(dispatchedOrder, ShipmentCreated.TYPE, 1), (answers) -> answers.stream()
				.anyMatch((a) -> a.get("causationId").asString().equals(behind.get("id").asString())));
		assertThat(records(dispatchedOrder)).extracting((record) -> record.get("type").asString())
			.containsExactly(ShipmentCreated.TYPE, ShipmentDispatched.TYPE, ShipmentCreated.TYPE);
		assertThat(JsonPath.<String>read(
				send("GET", "/api/shipments/" + dispatched, null, TestTokens.issuer().admin()).body(), "$.status"))
			.isEqualTo("DISPATCHED");
	}

	@Test
	void followsTheCarrierWebhookToDeliveryAndRefusesWhatItCannotApply() {
		String orderId = UUID.randomUUID().toString();
		String customerId = UUID.randomUUID().toString();
		String trackingNumber = createdShipment(orderId, customerId);
		String admin = TestTokens.issuer().admin();
		String dispatchedAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
		String inTransitAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();

		HttpResponse<String> early = carrierEvent(trackingNumber, "DELIVERED", null, null, admin);
		assertThat(early.statusCode()).isEqualTo(422);
		assertThat(early.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));

		HttpResponse<String> dispatched = carrierEvent(trackingNumber, "DISPATCHED", dispatchedAt, "Riyadh hub", admin);
		assertThat(dispatched.statusCode()).as(dispatched.body()).isEqualTo(200);
		assertThat(JsonPath.<String>read(dispatched.body(), "$.status")).isEqualTo("DISPATCHED");
		HttpResponse<String> retried = carrierEvent(trackingNumber, "DISPATCHED", dispatchedAt, "Riyadh hub", admin);
		assertThat(retried.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(retried.body(), "$.events[*].status")).containsExactly("CREATED",
				"DISPATCHED");
		assertThat(carrierEvent(trackingNumber, "IN_TRANSIT", inTransitAt, "Dammam sorting centre", admin).statusCode())
			.isEqualTo(200);
		assertThat(carrierEvent(trackingNumber, "DISPATCHED", null, null, admin).statusCode()).isEqualTo(422);
		HttpResponse<String> delivered = carrierEvent(trackingNumber, "DELIVERED", null, "Dammam", admin);
		assertThat(delivered.statusCode()).isEqualTo(200);
		assertThat(carrierEvent(trackingNumber, "IN_TRANSIT", null, "Riyadh", admin).statusCode()).isEqualTo(422);

		HttpResponse<String> tracked = send("GET", "/api/shipments/" + trackingNumber, null,
				TestTokens.issuer().customer(customerId));
		assertThat(JsonPath.<String>read(tracked.body(), "$.status")).isEqualTo("DELIVERED");
		assertThat(JsonPath.<List<String>>read(tracked.body(), "$.events[*].status")).containsExactly("CREATED",
				"DISPATCHED", "IN_TRANSIT", "DELIVERED");
		assertThat(JsonPath.<List<String>>read(tracked.body(), "$.events[*].location")).containsExactly(null,
				"Riyadh hub", "Dammam sorting centre", "Dammam");
		assertThat(JsonPath.<List<String>>read(tracked.body(), "$.events[1:3].at")).containsExactly(dispatchedAt,
				inTransitAt);

		List<JsonNode> events = await().atMost(TIMEOUT).until(() -> records(orderId), (records) -> records.size() >= 4);
		assertThat(events).extracting((record) -> record.get("type").asString())
			.containsExactly(ShipmentCreated.TYPE, ShipmentDispatched.TYPE, ShipmentInTransit.TYPE,
					ShipmentDelivered.TYPE);
		String correlationId = events.get(0).get("correlationId").asString();
		for (JsonNode event : events.subList(1, 4)) {
			EventSamples.assertSameShape(event);
			assertThat(event.get("correlationId").asString()).isEqualTo(correlationId);
			assertThat(event.get("data").get("trackingNumber").asString()).isEqualTo(trackingNumber);
			assertThat(event.get("data").get("customerId").asString()).isEqualTo(customerId);
		}
		assertThat(events.get(1).get("data").get("at").asString()).isEqualTo(dispatchedAt);
		assertThat(events.get(3).get("data").get("location").asString()).isEqualTo("Dammam");

		String future = Instant.now().plus(1, ChronoUnit.HOURS).toString();
		assertInvalid(carrierEvent(trackingNumber, "LOST", future, "x".repeat(201), admin), "at", "location", "status");
		assertInvalid(carrierEvent(trackingNumber, null, "yesterday", null, admin), "at", "status");
		assertThat(send("POST", "/api/shipments/" + trackingNumber + "/events", "{not json", admin).statusCode())
			.isEqualTo(400);
		assertThat(carrierEvent("SQ-AR-0000000000", "DISPATCHED", null, null, admin).statusCode()).isEqualTo(404);
		assertThat(carrierEvent(trackingNumber, "DELIVERED", null, null, null).statusCode()).isEqualTo(401);
		assertThat(carrierEvent(trackingNumber, "DELIVERED", null, null, TestTokens.issuer().customer(customerId))
			.statusCode()).isEqualTo(403);
	}

	/** Creates a shipment through the saga's command and answers its tracking number. */
	private String createdShipment(String orderId, String customerId) {
		publish(createShipment(orderId, customerId, (address) -> {
		}));
		return answers(orderId, ShipmentCreated.TYPE, 1).get(0).get("data").get("trackingNumber").asString();
	}

	/** The sample create command with fresh ids. */
	private static ObjectNode createShipment(String orderId, String customerId, Consumer<ObjectNode> address) {
		ObjectNode command = freshIds(EventSamples.json(CreateShipment.TYPE, 1), orderId);
		ObjectNode data = (ObjectNode) command.get("data");
		data.put("customerId", customerId);
		address.accept((ObjectNode) data.get("address"));
		return command;
	}

	/** The sample cancel command with fresh ids. */
	private static ObjectNode cancelShipment(String orderId, String reason) {
		ObjectNode command = freshIds(EventSamples.json(CancelShipment.TYPE, 1), orderId);
		((ObjectNode) command.get("data")).put("reason", reason);
		return command;
	}

	private static ObjectNode freshIds(String sample, String orderId) {
		ObjectNode command = (ObjectNode) JSON.readTree(sample);
		command.put("id", UUID.randomUUID().toString());
		command.put("correlationId", UUID.randomUUID().toString());
		command.put("subject", orderId);
		((ObjectNode) command.get("data")).put("orderId", orderId);
		return command;
	}

	private void publish(ObjectNode command) {
		try {
			this.kafka
				.send(new ProducerRecord<>(Topics.SHIPPING_COMMANDS, command.get("subject").asString(),
						JSON.writeValueAsString(command)))
				.get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Waits until the order has at least that many answers of the type; all of them. */
	private List<JsonNode> answers(String orderId, String type, int atLeast) {
		return await().atMost(TIMEOUT)
			.until(() -> records(orderId).stream().filter((r) -> type.equals(r.get("type").asString())).toList(),
					(answers) -> answers.size() >= atLeast);
	}

	/** Everything published on shipping.events for the order so far, in order. */
	private List<JsonNode> records(String orderId) {
		return TopicRecords
			.awaitMatching(this.environment.getProperty("spring.kafka.bootstrap-servers"), Topics.SHIPPING_EVENTS,
					(r) -> orderId.equals(r.key()), TIMEOUT)
			.stream()
			.map((r) -> JSON.readTree(r.value()))
			.toList();
	}

	private static void assertPrices(HttpResponse<String> quote, String country, String zone, String currency,
			String standard, String express) {
		assertThat(quote.statusCode()).as(quote.body()).isEqualTo(200);
		assertThat(JsonPath.<String>read(quote.body(), "$.country")).isEqualTo(country);
		assertThat(JsonPath.<String>read(quote.body(), "$.zone")).isEqualTo(zone);
		assertThat(JsonPath.<String>read(quote.body(), "$.currency")).isEqualTo(currency);
		assertThat(JsonPath.<List<String>>read(quote.body(), "$.options[*].option")).containsExactly("STANDARD",
				"EXPRESS");
		assertThat(JsonPath.<List<String>>read(quote.body(), "$.options[*].price.amount")).containsExactly(standard,
				express);
	}

	private static void assertInvalid(HttpResponse<String> response, String... fields) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(new TreeSet<>(JsonPath.<List<String>>read(response.body(), "$.errors[*].field")))
			.containsExactly(fields);
	}

	private HttpResponse<String> quote(String query) {
		return send("GET", "/api/shipping/quotes?" + query, null, null);
	}

	private HttpResponse<String> carrierEvent(String trackingNumber, String status, String at, String location,
			String token) {
		ObjectNode body = JSON.createObjectNode();
		body.put("status", status);
		if (at != null) {
			body.put("at", at);
		}
		if (location != null) {
			body.put("location", location);
		}
		return send("POST", "/api/shipments/" + trackingNumber + "/events", JSON.writeValueAsString(body), token);
	}

	private HttpResponse<String> send(String method, String path, String body, String token) {
		return ApiClient.on(this.port).send(method, path, body, token);
	}

}
