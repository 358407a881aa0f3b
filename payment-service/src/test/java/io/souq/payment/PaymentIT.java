package io.souq.payment;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.souq.events.Topics;
import io.souq.events.payment.AuthorizePayment;
import io.souq.events.payment.CapturePayment;
import io.souq.events.payment.PaymentAuthorized;
import io.souq.events.payment.PaymentCaptured;
import io.souq.events.payment.PaymentDeclined;
import io.souq.events.payment.PaymentRefunded;
import io.souq.events.payment.PaymentVoided;
import io.souq.events.payment.RefundPayment;
import io.souq.events.payment.VoidPayment;
import io.souq.payment.provider.ResilientPaymentProvider;
import io.souq.test.ApiClient;
import io.souq.test.EventSamples;
import io.souq.test.TestTokens;
import io.souq.test.TopicRecords;
import io.souq.test.WithSouqInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Payment methods row of the API contract over real HTTP, and the order saga's
 * payment commands answered on the real broker, with the built-in provider simulator's
 * test cards, on the MongoDB-protocol server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@WithSouqInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class PaymentIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration ANSWER = Duration.ofSeconds(30);

	/** The order, customer and token of the sample commands, replaced in every test. */
	private static final String SAMPLE_ORDER = "6513270e-269e-4d37-b2a7-4de452e6b438";

	private static final String SAMPLE_CUSTOMER = "d23f0824-128b-4f33-8c5c-7fd0a6a3a450";

	private static final String SAMPLE_TOKEN = "pm_13deef86ab1041d0b646e1f4";

	private static final String VISA = "4242424242424242";

	private static final String CVC = "987";

	@LocalServerPort
	int port;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	Environment environment;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		TestTokens.issuer().register(registry);
	}

	@Test
	void registersCardsAsTokensAndNeverKeepsLogsOrEchoesTheNumberOrTheCode(CapturedOutput output) {
		String customer = UUID.randomUUID().toString();
		String token = TestTokens.issuer().customer(customer);
		int year = Year.now(ZoneOffset.UTC).getValue() + 3;

		HttpResponse<String> created = ApiClient.on(this.port)
			.send("POST", "/api/payment-methods", card("4242 4242 4242 4242", 12, year, CVC, "Amira Haddad"), token,
					Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(created.statusCode()).isEqualTo(201);
		String paymentMethod = JsonPath.read(created.body(), "$.token");
		assertThat(paymentMethod).matches("pm_[0-9a-f]{24}");
		assertThat(created.headers().firstValue("Location")).hasValue("/api/payment-methods/" + paymentMethod);
		assertThat(JsonPath.<Map<String, Object>>read(created.body(), "$")).containsOnlyKeys("token", "brand", "last4",
				"expMonth", "expYear");
		assertThat(JsonPath.<String>read(created.body(), "$.brand")).isEqualTo("VISA");
		assertThat(JsonPath.<String>read(created.body(), "$.last4")).isEqualTo("4242");
		assertThat(JsonPath.<Integer>read(created.body(), "$.expMonth")).isEqualTo(12);
		assertThat(JsonPath.<Integer>read(created.body(), "$.expYear")).isEqualTo(year);
		// the token is random hex and may hold the code's digits by chance: look past it
		assertThat(created.body().replace(paymentMethod, "")).doesNotContain(VISA, CVC);

		Document stored = this.mongo.getCollection("payment_methods").find(new Document("_id", paymentMethod)).first();
		assertThat(stored).isNotNull().doesNotContainKeys("cardNumber", "number", "cvc");
		assertThat(stored.getString("customerId")).isEqualTo(customer);
		assertThat(stored.getString("last4")).isEqualTo("4242");
		assertThat(stored.getString("providerReference")).startsWith("sim_approved_");

		HttpResponse<String> amex = post(card("3782-822463-10005", 1, year, "4321", "A. Haddad"), token);
		assertThat(amex.statusCode()).isEqualTo(201);
		assertThat(JsonPath.<String>read(amex.body(), "$.brand")).isEqualTo("AMEX");

		HttpResponse<String> badLuhn = post(card("4242 4242 4242 4241", 12, year, CVC, "A"), token);
		assertInvalid(badLuhn, "cardNumber");
		assertThat(badLuhn.body()).doesNotContain("4242424242424241", "4242 4242 4242 4241", CVC);
		assertInvalid(post(card(VISA, 1, 2020, CVC, "A"), token), "expYear");
		HttpResponse<String> unknownBrand = post(card("6011111111111117", 12, year, CVC, "A"), token);
		assertInvalid(unknownBrand, "cardNumber");
		assertThat(unknownBrand.body()).doesNotContain("6011111111111117");
		HttpResponse<String> several = post("{\"cardNumber\":\"" + VISA
				+ "\",\"expMonth\":\"13\",\"expYear\":\"soon\",\"cvc\":\"12345\",\"holderName\":\"\"}", token);
		assertInvalid(several, "cvc", "expMonth", "expYear", "holderName");
		assertThat(several.body()).doesNotContain(VISA, "12345").doesNotContain("rejectedValue");
		HttpResponse<String> unreadable = post("{\"cardNumber\": [\"" + VISA + "\"], \"expMonth\": {}}", token);
		assertThat(unreadable.statusCode()).isEqualTo(400);
		assertThat(unreadable.body()).doesNotContain(VISA);

		assertThat(post(card(VISA, 12, year, CVC, "A"), null).statusCode()).isEqualTo(401);
		// no listing of a customer's methods yet: the path only takes POST
		HttpResponse<String> list = ApiClient.on(this.port).get("/api/payment-methods", token);
		assertThat(list.statusCode()).isEqualTo(405);
		assertThat(JsonPath.<String>read(list.body(), "$.instance")).isEqualTo("/api/payment-methods");
		assertThat(post(card(VISA, 12, year, CVC, "A"), TestTokens.issuer().token("ops", "ADMIN")).statusCode())
			.isEqualTo(403);

		for (String collection : this.mongo.getCollectionNames()) {
			for (Document document : this.mongo.getCollection(collection).find()) {
				assertThat(document.toJson()).as(collection)
					.doesNotContain(VISA, "4242 4242 4242 4242", "378282246310005", "4242424242424241",
							"6011111111111117");
			}
		}
		assertThat(output.getAll()).doesNotContain(VISA, "378282246310005", "4242424242424241", "6011111111111117");
	}

	@Test
	void authorizesOrDeclinesByTheSimulatorsTestCards() throws Exception {
		String customer = UUID.randomUUID().toString();
		String approved = authorize(customer, register(customer, "4242 4242 4242 4242"));
		assertAnswer(approved, PaymentAuthorized.TYPE, null);
		String answer = answers(approved, PaymentAuthorized.TYPE).get(0).value();
		assertThat(JsonPath.<String>read(answer, "$.data.brand")).isEqualTo("VISA");
		assertThat(JsonPath.<String>read(answer, "$.data.last4")).isEqualTo("4242");
		assertThat(JsonPath.<String>read(answer, "$.data.amount.amount")).isEqualTo("25.90");
		assertThat(JsonPath.<String>read(answer, "$.data.customerId")).isEqualTo(customer);

		String mastercard = authorize(customer, register(customer, "5555 5555 5555 4444"));
		assertAnswer(mastercard, PaymentAuthorized.TYPE, null);
		assertAnswer(authorize(customer, register(customer, "4000 0000 0000 0002")), PaymentDeclined.TYPE,
				"card_declined");
		String poor = authorize(customer, register(customer, "4000 0000 0000 9995"));
		assertAnswer(poor, PaymentDeclined.TYPE, "insufficient_funds");
		assertThat(JsonPath.<String>read(answers(poor, PaymentDeclined.TYPE).get(0).value(), "$.data.last4"))
			.isEqualTo("9995");
		assertAnswer(authorize(customer, register(customer, "4000 0000 0000 3220")), PaymentAuthorized.TYPE, null);

		String someoneElse = UUID.randomUUID().toString();
		String foreign = authorize(someoneElse, register(customer, "4242 4242 4242 4242"));
		assertAnswer(foreign, PaymentDeclined.TYPE, "unknown_payment_method");
		assertAnswer(authorize(customer, "pm_000000000000000000000000"), PaymentDeclined.TYPE,
				"unknown_payment_method");

		String failing = register(customer, "4000 0000 0000 0119");
		double attempts = providerAuthorizations();
		String unavailable = authorize(customer, failing);
		assertAnswer(unavailable, PaymentDeclined.TYPE, "provider_unavailable");
		assertThat(providerAuthorizations() - attempts).isEqualTo(3);
		assertThat(outcomes("declined", "insufficient_funds")).isPositive();
		assertThat(outcomes("authorized", "none")).isPositive();
	}

	@Test
	void answersARepeatedAuthorizationAgainAndAsksTheProviderOnce() throws Exception {
		String customer = UUID.randomUUID().toString();
		String method = register(customer, "4242 4242 4242 4242");
		String orderId = UUID.randomUUID().toString();
		double attempts = providerAuthorizations();
		String command = authorizeCommand(orderId, customer, method);
		send(orderId, command);
		send(orderId, command);
		send(orderId, authorizeCommand(orderId, customer, method));
		List<ConsumerRecord<String, String>> answers = awaitAnswers(orderId, PaymentAuthorized.TYPE, 3);
		assertThat(answers).extracting((r) -> JsonPath.<String>read(r.value(), "$.data.paymentId"))
			.containsOnly(JsonPath.<String>read(answers.get(0).value(), "$.data.paymentId"))
			.doesNotContainNull();
		assertThat(answers).extracting((r) -> JsonPath.<String>read(r.value(), "$.data.at"))
			.containsOnly(JsonPath.<String>read(answers.get(0).value(), "$.data.at"));
		assertThat(answers).extracting((r) -> JsonPath.<String>read(r.value(), "$.id")).doesNotHaveDuplicates();
		assertThat(providerAuthorizations() - attempts).isEqualTo(1);
		assertThat(answers(orderId, PaymentDeclined.TYPE)).isEmpty();
	}

	@Test
	void capturesVoidsAndRefundsAndAcknowledgesEveryCompensation() throws Exception {
		String customer = UUID.randomUUID().toString();
		String card = register(customer, "4242 4242 4242 4242");

		String shipped = authorize(customer, card);
		assertAnswer(shipped, PaymentAuthorized.TYPE, null);
		send(shipped, command(CapturePayment.TYPE, shipped));
		assertAnswer(shipped, PaymentCaptured.TYPE, null);
		send(shipped, command(CapturePayment.TYPE, shipped));
		awaitAnswers(shipped, PaymentCaptured.TYPE, 2);
		send(shipped, command(RefundPayment.TYPE, shipped));
		assertAnswer(shipped, PaymentRefunded.TYPE, "RETURNED");
		assertThat(JsonPath.<String>read(answers(shipped, PaymentRefunded.TYPE).get(0).value(), "$.data.paymentId"))
			.isNotNull();

		String cancelled = authorize(customer, card);
		assertAnswer(cancelled, PaymentAuthorized.TYPE, null);
		send(cancelled, command(VoidPayment.TYPE, cancelled));
		assertAnswer(cancelled, PaymentVoided.TYPE, "SHIPPING_UNAVAILABLE");

		String dispatchedThenCancelled = authorize(customer, card);
		assertAnswer(dispatchedThenCancelled, PaymentAuthorized.TYPE, null);
		send(dispatchedThenCancelled, command(CapturePayment.TYPE, dispatchedThenCancelled));
		assertAnswer(dispatchedThenCancelled, PaymentCaptured.TYPE, null);
		send(dispatchedThenCancelled, command(VoidPayment.TYPE, dispatchedThenCancelled));
		assertAnswer(dispatchedThenCancelled, PaymentRefunded.TYPE, "SHIPPING_UNAVAILABLE");

		String declined = authorize(customer, register(customer, "4000 0000 0000 0002"));
		assertAnswer(declined, PaymentDeclined.TYPE, "card_declined");
		send(declined, command(VoidPayment.TYPE, declined));
		assertAnswer(declined, PaymentVoided.TYPE, "SHIPPING_UNAVAILABLE");

		String neverSeen = UUID.randomUUID().toString();
		send(neverSeen, command(VoidPayment.TYPE, neverSeen));
		assertAnswer(neverSeen, PaymentVoided.TYPE, "SHIPPING_UNAVAILABLE");
		String voided = answers(neverSeen, PaymentVoided.TYPE).get(0).value();
		assertThat(JsonPath.<String>read(voided, "$.data.paymentId")).isNull();
		assertThat(JsonPath.<String>read(voided, "$.data.customerId")).isNull();

		assertThat(outcomes("captured", "none")).isPositive();
		assertThat(outcomes("voided", "none")).isPositive();
		assertThat(outcomes("refunded", "none")).isPositive();
	}

	/** Registers a card over HTTP and answers its token. */
	private String register(String customer, String number) {
		HttpResponse<String> created = post(
				card(number, 12, Year.now(ZoneOffset.UTC).getValue() + 2, CVC, "Test Customer"),
				TestTokens.issuer().customer(customer));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JsonPath.read(created.body(), "$.token");
	}

	/** Publishes payment.authorize for a new order and answers the order id. */
	private String authorize(String customer, String paymentMethod) throws Exception {
		String orderId = UUID.randomUUID().toString();
		send(orderId, authorizeCommand(orderId, customer, paymentMethod));
		return orderId;
	}

	/** The sample payment.authorize with a new id, order, customer and token. */
	private static String authorizeCommand(String orderId, String customer, String paymentMethod) {
		String command = command(AuthorizePayment.TYPE, orderId).replace(SAMPLE_CUSTOMER, customer)
			.replace(SAMPLE_TOKEN, paymentMethod);
		assertThat(JsonPath.<String>read(command, "$.data.paymentMethodToken")).isEqualTo(paymentMethod);
		return command;
	}

	/** The sample command of the type with a new id, for the order. */
	private static String command(String type, String orderId) {
		String sample = EventSamples.json(type, 1);
		String command = sample.replace(JsonPath.<String>read(sample, "$.id"), UUID.randomUUID().toString())
			.replace(SAMPLE_ORDER, orderId);
		assertThat(JsonPath.<String>read(command, "$.data.orderId")).isEqualTo(orderId);
		return command;
	}

	private void send(String orderId, String command) throws Exception {
		this.kafka.send(new ProducerRecord<>(Topics.PAYMENT_COMMANDS, orderId, command)).get();
	}

	/**
	 * Waits for the answer of the type to the order, checks that it has the sample's
	 * field names (and, when given, the reason), and that it is the only one.
	 */
	private void assertAnswer(String orderId, String type, String reason) {
		List<ConsumerRecord<String, String>> found = TopicRecords.awaitMatching(bootstrap(), Topics.PAYMENT_EVENTS,
				(r) -> orderId.equals(r.key()) && type.equals(JsonPath.read(r.value(), "$.type")), ANSWER);
		String answer = found.get(0).value();
		JsonNode event = JSON.readTree(answer);
		JsonNode sample = JSON.readTree(EventSamples.json(type, 1));
		EventSamples.assertSameShape(event);
		assertThat(event.get("source").asString()).isEqualTo("payment-service");
		assertThat(event.get("subject").asString()).isEqualTo(orderId);
		assertThat(event.get("correlationId").asString()).isEqualTo(sample.get("correlationId").asString());
		assertThat(event.get("data").get("orderId").asString()).isEqualTo(orderId);
		if (reason != null) {
			assertThat(event.get("data").get("reason").asString()).isEqualTo(reason);
		}
	}

	private List<ConsumerRecord<String, String>> awaitAnswers(String orderId, String type, int count) {
		await().atMost(ANSWER).until(() -> answers(orderId, type).size() >= count);
		List<ConsumerRecord<String, String>> answers = answers(orderId, type);
		assertThat(answers).hasSize(count);
		return answers;
	}

	/** Every answer of the type to the order on payment.events now. */
	private List<ConsumerRecord<String, String>> answers(String orderId, String type) {
		return records(Topics.PAYMENT_EVENTS,
				(r) -> orderId.equals(r.key()) && type.equals(JsonPath.read(r.value(), "$.type")));
	}

	/** The matching records of the topic, read from its beginning to its current end. */
	private List<ConsumerRecord<String, String>> records(String topic,
			Predicate<ConsumerRecord<String, String>> matching) {
		List<ConsumerRecord<String, String>> matches = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(), ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((p) -> new TopicPartition(topic, p.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((p) -> consumer.position(p) < end.get(p))) {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (matching.test(record)) {
						matches.add(record);
					}
				});
			}
		}
		return matches;
	}

	private double providerAuthorizations() {
		return this.meters.find(ResilientPaymentProvider.REQUESTS_METER)
			.tag("operation", "authorize")
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	private double outcomes(String outcome, String reason) {
		return this.meters.get(PaymentOutcomes.METER).tags("outcome", outcome, "reason", reason).counter().count();
	}

	private static String card(String number, int month, int year, String cvc, String holder) {
		return "{\"cardNumber\":\"" + number + "\",\"expMonth\":" + month + ",\"expYear\":" + year + ",\"cvc\":\"" + cvc
				+ "\",\"holderName\":\"" + holder + "\"}";
	}

	private HttpResponse<String> post(String body, String token) {
		return ApiClient.on(this.port).post("/api/payment-methods", body, token);
	}

	private static void assertInvalid(HttpResponse<String> response, String... fields) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].field")).containsExactlyInAnyOrder(fields);
	}

	private String bootstrap() {
		return this.environment.getProperty("spring.kafka.bootstrap-servers");
	}

}
