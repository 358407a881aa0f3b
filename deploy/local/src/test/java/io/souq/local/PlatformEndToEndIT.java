package io.souq.local;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import io.souq.test.ApiClient;
import io.souq.test.ServiceChecks;
import io.souq.test.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole platform started the way {@code ./souq up} starts it (a broker, the
 * MongoDB-protocol server, an SMTP server and every app, each its own process), driven
 * over real HTTP, through the gateway and the services' own ports.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformEndToEndIT {

	static final List<String> SERVICES = List.of("customer-service", "catalog-service", "cart-service", "order-service",
			"payment-service", "inventory-service", "shipping-service", "notification-service");

	@TempDir
	static Path home;

	static LocalPlatform platform;

	static StartupReport started;

	@BeforeAll
	static void up() {
		String root = System.getProperty("souq.repository.root");
		platform = LocalPlatform.builder(root != null ? Path.of(root) : LocalPlatform.findRepositoryRoot())
			.home(home)
			.portOffset(22000)
			.aot(Boolean.getBoolean("souq.it.aot"))
			.build();
		started = platform.up();
	}

	@AfterAll
	static void down() {
		if (platform == null) {
			return;
		}
		List<Long> pids = started.components().stream().flatMap(c -> c.pid().stream().boxed()).toList();
		platform.down();
		assertThat(pids).isNotEmpty();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(pids)
				.noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
	}

	@Test
	@Order(1)
	void startsEveryComponentAsItsOwnProcessAndEveryReadinessProbeIsUp() {
		assertThat(started.components()).extracting(StartupReport.Started::name)
			.contains("kafka", "mongo", "smtp", "gateway")
			.containsAll(SERVICES);
		assertThat(started.components()).allSatisfy(c -> assertThat(c.pid()).isPresent());
		assertThat(started.components().stream().map(c -> c.pid().getAsLong()).distinct())
			.hasSize(started.components().size());
		assertThat(platform.status()).allSatisfy(c -> assertThat(c.health()).as(c.name()).isEqualTo(Health.UP));
		for (String service : SERVICES) {
			ServiceChecks.on(platform.url(service)).awaitReady();
		}
		HttpResponse<String> gateway = get(platform.gatewayUrl() + "/actuator/health");
		assertThat(gateway.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(gateway.body(), "$.status")).isEqualTo("UP");
	}

	@Test
	@Order(2)
	void sendsAnEventThroughTheRealBrokerFromOneServiceToAnother() {
		assertThat(ServiceChecks.on(platform.url("order-service")).probe("payment-service"))
			.startsWith("payment-service@");
		assertThat(ServiceChecks.on(platform.url("catalog-service")).probe("inventory-service"))
			.startsWith("inventory-service@");
	}

	@Test
	@Order(3)
	void registersSignsInAndRoutesThroughTheGatewayToTheLiveServices() {
		String email = "e2e-" + System.nanoTime() + "@example.com";
		HttpResponse<String> registered = send("POST", platform.gatewayUrl() + "/api/customers", """
				{"email":"%s","password":"kettle-42-mint","name":"E2E","locale":"ar"}""".formatted(email), null);
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		String token = token(email, "kettle-42-mint");

		assertThat(send("GET", platform.gatewayUrl() + "/api/customers/me", null, null).statusCode()).isEqualTo(401);
		HttpResponse<String> me = send("GET", platform.gatewayUrl() + "/api/customers/me", null, token);
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(me.body(), "$.email")).isEqualTo(email);

		String admin = token(platform.adminEmail(), platform.adminPassword());
		assertThat(send("GET", platform.gatewayUrl() + "/api/admin/sagas", null, token).statusCode()).isEqualTo(403);
		Map<String, String> paths = Map.of("catalog-service", "/api/products/no-such-product", "cart-service",
				"/api/cart/items/no-such-product", "order-service", "/api/orders", "payment-service",
				"/api/payment-methods", "inventory-service", "/api/inventory/SKU-1", "shipping-service",
				"/api/shipments/TRK-1", "notification-service", "/api/notifications");
		for (var route : paths.entrySet()) {
			boolean cart = route.getKey().equals("cart-service");
			HttpResponse<String> response = send(cart ? "PUT" : "GET", platform.gatewayUrl() + route.getValue(),
					"{\"quantity\": 1}", cart ? token : admin);
			// the owning service answers with its own problem document (nothing there, or
			// not implemented yet), naming the path it received
			assertThat(response.statusCode()).as(route.getKey()).isEqualTo(404);
			assertThat(response.headers().firstValue("Content-Type")).as(route.getKey())
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(JsonPath.<String>read(response.body(), "$.instance")).isEqualTo(route.getValue());
			assertThat(response.headers().allValues("X-Correlation-Id")).hasSize(1);
		}
	}

	@Test
	@Order(4)
	void loadsTheDemoCatalogOnceThroughTheServicesOwnApis() {
		HttpResponse<String> all = send("GET", platform.gatewayUrl() + "/api/products?size=1", null, null);
		assertThat(JsonPath.<Integer>read(all.body(), "$.totalElements")).isGreaterThanOrEqualTo(50);
		HttpResponse<String> arabic = send("GET", platform.gatewayUrl() + "/api/products?q=" + encode("تمر"), null,
				null);
		assertThat(JsonPath.<List<String>>read(arabic.body(), "$.content[*].name"))
			.anySatisfy((name) -> assertThat(name).contains("تمر"));
		HttpResponse<String> inSar = send("GET",
				platform.gatewayUrl() + "/api/products?category=kitchen&currency=SAR&sort=price,desc&size=100", null,
				null);
		assertThat(JsonPath.<List<String>>read(inSar.body(), "$.content[*].category"))
			.allSatisfy((category) -> assertThat(category).startsWith("kitchen/"))
			.hasSizeGreaterThan(10);
		HttpResponse<String> categories = send("GET", platform.gatewayUrl() + "/api/categories", null, null);
		assertThat(JsonPath.<List<String>>read(categories.body(), "$.categories[*].path")).contains("kitchen", "home",
				"fashion", "beauty", "books", "electronics");

		String admin = token(platform.adminEmail(), platform.adminPassword());
		HttpResponse<String> stock = send("GET", platform.gatewayUrl() + "/api/inventory/TEA-MINT-250", null, admin);
		assertThat(JsonPath.<Integer>read(stock.body(), "$.onHand")).isEqualTo(120);
		String mintTea = JsonPath
			.<List<String>>read(send("GET", platform.gatewayUrl() + "/api/products?q=TEA-MINT-250", null, null).body(),
					"$.content[*].id")
			.get(0);
		// the stock shown to shoppers follows inventory's events
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(JsonPath.<Integer>read(
					send("GET", platform.gatewayUrl() + "/api/products/" + mintTea, null, null).body(), "$.available"))
				.isEqualTo(120));
		assertThat(platform.loadDemoCatalog()).as("loaded once only").isFalse();
	}

	@Test
	@Order(5)
	void shopsThroughTheGatewayWithPricesThatFollowTheCatalogOverKafka() throws Exception {
		String gateway = platform.gatewayUrl();
		String email = "shopper-" + System.nanoTime() + "@example.com";
		assertThat(send("POST", gateway + "/api/customers", """
				{"email":"%s","password":"kettle-42-mint","name":"Shopper"}""".formatted(email), null).statusCode())
			.isEqualTo(201);
		String shopper = token(email, "kettle-42-mint");
		String admin = token(platform.adminEmail(), platform.adminPassword());

		String word = "zest" + Long.toString(System.nanoTime(), 36);
		String sku = "E2E-" + Long.toString(System.nanoTime(), 36).toUpperCase();
		String category = "e2e/" + word;
		Map<String, String> once = Map.of("Idempotency-Key", "create-" + sku);
		HttpResponse<String> created = ApiClient.on(gateway)
			.send("POST", "/api/products", product(sku, word, category, "10.00"), admin, once);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = JsonPath.read(created.body(), "$.id");
		// a retry with the same key gets the same answer through the gateway, nothing new
		HttpResponse<String> retried = ApiClient.on(gateway)
			.send("POST", "/api/products", product(sku, word, category, "10.00"), admin, once);
		assertThat(retried.statusCode()).isEqualTo(201);
		assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(JsonPath.<String>read(retried.body(), "$.id")).isEqualTo(id);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					send("PUT", gateway + "/api/inventory/" + sku, "{\"onHand\": 25, \"reorderPoint\": 3}", admin)
						.statusCode())
				.isEqualTo(200));

		assertThat(JsonPath.<List<String>>read(
				send("GET", gateway + "/api/products?q=" + word.toUpperCase(), null, null).body(), "$.content[*].id"))
			.containsExactly(id);
		assertThat(JsonPath.<List<String>>read(send("GET", gateway + "/api/products?category=e2e", null, null).body(),
				"$.content[*].id"))
			.contains(id);

		// the cart learns the product from catalog.events
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(send("POST", gateway + "/api/cart/items",
					"{\"productId\": \"%s\", \"quantity\": 2}".formatted(id), shopper)
				.statusCode()).isEqualTo(200));
		HttpResponse<String> cart = send("GET", gateway + "/api/cart", null, shopper);
		assertThat(JsonPath.<String>read(cart.body(), "$.lines[0].unitPrice.amount")).isEqualTo("10.00");
		assertThat(JsonPath.<String>read(cart.body(), "$.total.amount")).isEqualTo("20.00");

		// a price change reaches the open cart
		assertThat(
				send("PUT", gateway + "/api/products/" + id, product(sku, word, category, "12.50"), admin).statusCode())
			.isEqualTo(200);
		awaitCart(shopper, "12.50", "25.00");
		assertThat(
				send("PUT", gateway + "/api/products/" + id, product(sku, word, category, "11.00"), admin).statusCode())
			.isEqualTo(200);
		awaitCart(shopper, "11.00", "22.00");

		// the first price change delivered again (same message) changes nothing
		ConsumerRecord<String, String> firstChange = TopicRecords
			.awaitMatching(platform.kafkaBootstrap(), "catalog.events",
					(r) -> id.equals(r.key()) && r.value().contains("product.price-changed"), Duration.ofSeconds(30))
			.get(0);
		try (KafkaProducer<String, String> producer = producer()) {
			ProducerRecord<String, String> again = new ProducerRecord<>("catalog.events", null, id, firstChange.value(),
					firstChange.headers());
			producer.send(again).get();
			// a poison message in the same partition, then a later change
			String poison = "{\"type\": \"product.price-changed\", \"poison\": \"" + word + "\"";
			producer.send(new ProducerRecord<>("catalog.events", id, poison)).get();
			List<ConsumerRecord<String, String>> dead = TopicRecords.awaitMatching(platform.kafkaBootstrap(),
					"catalog.events.cart-service.dlq", (r) -> poison.equals(r.value()), Duration.ofSeconds(60));
			assertThat(dead).hasSize(1);
			assertThat(dead.get(0).key()).isEqualTo(id);
		}
		assertThat(send("PUT", gateway + "/api/products/" + id, product(sku, word + " fresh", category, "9.90"), admin)
			.statusCode()).isEqualTo(200);
		awaitCart(shopper, "9.90", "19.80");
		assertThat(JsonPath.<String>read(send("GET", gateway + "/api/cart", null, shopper).body(), "$.lines[0].name"))
			.isEqualTo(word + " fresh");
		HttpResponse<String> deadLetters = send("GET", platform.url("cart-service") + "/actuator/deadletters", null,
				null);
		assertThat(deadLetters.body()).contains("catalog.events.cart-service.dlq");
	}

	@Test
	@Order(6)
	void stopsAndStartsASingleServiceWhileTheRestKeepsRunning() {
		String route = platform.gatewayUrl() + "/api/payment-methods";
		String token = token(platform.adminEmail(), platform.adminPassword());
		assertThat(send("GET", route, null, token).statusCode()).isEqualTo(404);
		OptionalLong before = pidOf("catalog-service");

		assertThat(platform.stop("payment-service")).isTrue();
		assertThat(healthOf("payment-service")).isEqualTo(Health.STOPPED);
		assertThat(send("GET", route, null, token).statusCode()).as("the gateway cannot reach a stopped service")
			.isGreaterThanOrEqualTo(500);

		platform.start("payment-service");
		assertThat(healthOf("payment-service")).isEqualTo(Health.UP);
		assertThat(send("GET", route, null, token).statusCode()).isEqualTo(404);
		assertThat(ServiceChecks.on(platform.url("order-service")).probe("payment-service"))
			.startsWith("payment-service@");
		assertThat(pidOf("catalog-service")).isEqualTo(before);
	}

	@Test
	@Order(7)
	void aSecondUpStartsNoDuplicates() {
		Map<String, Long> before = pids();
		StartupReport again = platform.up();
		assertThat(again.components()).allSatisfy(c -> assertThat(c.alreadyRunning()).as(c.name()).isTrue());
		assertThat(pids()).isEqualTo(before);
	}

	private static void awaitCart(String token, String unitPrice, String total) {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			String cart = send("GET", platform.gatewayUrl() + "/api/cart", null, token).body();
			assertThat(JsonPath.<String>read(cart, "$.lines[0].unitPrice.amount")).isEqualTo(unitPrice);
			assertThat(JsonPath.<String>read(cart, "$.total.amount")).isEqualTo(total);
		});
	}

	private static String product(String sku, String name, String category, String eur) {
		return """
				{"sku": "%s", "name": "%s", "description": "Citrus peel, candied.", "category": "%s",
				 "weightGrams": 150, "prices": [{"amount": "%s", "currency": "EUR"}, {"amount": "40.00", "currency": "SAR"}]}"""
			.formatted(sku, name, category, eur);
	}

	private static KafkaProducer<String, String> producer() {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap(),
				ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static Map<String, Long> pids() {
		return platform.status()
			.stream()
			.filter(c -> c.pid().isPresent())
			.collect(Collectors.toMap(ComponentStatus::name, c -> c.pid().getAsLong()));
	}

	private static OptionalLong pidOf(String name) {
		return platform.status().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().pid();
	}

	private static Health healthOf(String name) {
		return platform.status().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().health();
	}

	private static String token(String email, String password) {
		String[] token = new String[1];
		// the seeded admin appears shortly after customer-service is ready
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			HttpResponse<String> response = send("POST", platform.gatewayUrl() + "/api/auth/token", """
					{"email":"%s","password":"%s"}""".formatted(email, password), null);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			token[0] = JsonPath.read(response.body(), "$.accessToken");
		});
		return token[0];
	}

	private static HttpResponse<String> get(String url) {
		return send("GET", url, null, null);
	}

	private static HttpResponse<String> send(String method, String url, String body, String token) {
		return ApiClient.on(url).send(method, "", body, token);
	}

}
