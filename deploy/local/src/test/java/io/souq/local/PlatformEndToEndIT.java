package io.souq.local;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
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
import org.junit.jupiter.api.Nested;
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
			// short saga deadlines, so a stopped participant times an order out quickly
			.appEnvironment(Map.of("SOUQ_SAGA_RESERVE_STOCK_TIMEOUT", "10s", "SOUQ_SAGA_AUTHORIZE_PAYMENT_TIMEOUT",
					"12s", "SOUQ_SAGA_CREATE_SHIPMENT_TIMEOUT", "10s", "SOUQ_SAGA_RESEND_AFTER", "2s"))
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
				"/api/cart/items/no-such-product", "order-service", "/api/orders/no-such-order", "payment-service",
				"/api/payment-methods/no-such-method", "inventory-service", "/api/inventory/SKU-1", "shipping-service",
				"/api/shipments/TRK-1", "notification-service", "/api/notifications/no-such-notification");
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
		String route = platform.gatewayUrl() + "/api/payment-methods/no-such-method";
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

	/**
	 * Orders through the gateway, with the saga running over the real broker between the
	 * real services.
	 */
	@Nested
	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	class PlacingOrders {

		final String gateway = platform.gatewayUrl();

		final String admin = Shopper.signIn(this.gateway, platform.adminEmail(), platform.adminPassword());

		@Test
		@Order(1)
		void anOrderIsConfirmedShippedAndDeliveredWithPaymentCapturedStockCommittedAndTheCartEmptied() {
			Product tea = product(50);
			Shopper shopper = Shopper.register(this.gateway);
			String card = shopper.card("4242 4242 4242 4242");
			String id = shopper.cart(tea.id(), 3).checkout(card, Shopper.SA_ADDRESS);

			String confirmed = shopper.awaitOrder(id, "CONFIRMED");
			assertThat(JsonPath.<String>read(confirmed, "$.payment.status")).isEqualTo("AUTHORIZED");
			assertThat(JsonPath.<String>read(confirmed, "$.payment.last4")).isEqualTo("4242");
			assertThat(JsonPath.<String>read(confirmed, "$.shipment.status")).isEqualTo("CREATED");
			assertThat(stock(tea.sku(), "$.reserved")).isEqualTo(3);
			await().atMost(Shopper.EVENTUALLY).until(() -> shopper.cartProducts().isEmpty());

			String trackingNumber = JsonPath.read(confirmed, "$.shipment.trackingNumber");
			carrier(trackingNumber, "DISPATCHED");
			String shipped = shopper.awaitOrder(id, (order) -> "SHIPPED".equals(JsonPath.read(order, "$.status"))
					&& "CAPTURED".equals(JsonPath.read(order, "$.payment.status")));
			assertThat(JsonPath.<String>read(shipped, "$.shipment.status")).isEqualTo("DISPATCHED");
			await().atMost(Shopper.EVENTUALLY).untilAsserted(() -> {
				assertThat(stock(tea.sku(), "$.onHand")).isEqualTo(47);
				assertThat(stock(tea.sku(), "$.reserved")).isZero();
			});
			HttpResponse<String> tracking = shopper.send("GET", "/api/shipments/" + trackingNumber, null);
			assertThat(tracking.statusCode()).isEqualTo(200);
			assertThat(
					Shopper.register(this.gateway).send("GET", "/api/shipments/" + trackingNumber, null).statusCode())
				.as("another customer's shipment")
				.isEqualTo(404);

			carrier(trackingNumber, "IN_TRANSIT");
			carrier(trackingNumber, "DELIVERED");
			String delivered = shopper.awaitOrder(id, "DELIVERED");
			assertThat(JsonPath.<List<String>>read(delivered, "$.history[*].status")).containsExactly("PENDING",
					"CONFIRMED", "SHIPPED", "DELIVERED");
			assertThat(Shopper.register(this.gateway).send("GET", "/api/orders/" + id, null).statusCode())
				.as("another customer's order")
				.isEqualTo(404);
		}

		@Test
		@Order(2)
		void declinedCardsInsufficientFundsAndAnUnavailableProviderCancelAndReleaseTheStock() {
			Product tea = product(30);
			Map<String, String> cards = Map.of("4000 0000 0000 0002", "card_declined", "4000 0000 0000 9995",
					"insufficient_funds", "4000 0000 0000 0119", "provider_unavailable");
			Map<String, Shopper> shoppers = new java.util.HashMap<>();
			Map<String, String> orders = new java.util.HashMap<>();
			cards.forEach((number, reason) -> {
				Shopper shopper = Shopper.register(this.gateway);
				shoppers.put(reason, shopper);
				orders.put(reason, shopper.cart(tea.id(), 2).checkout(shopper.card(number), Shopper.SA_ADDRESS));
			});
			cards.values().forEach((reason) -> {
				String order = shoppers.get(reason).awaitOrder(orders.get(reason), "CANCELLED");
				assertThat(JsonPath.<String>read(order, "$.failureReason"))
					.isEqualTo(reason.equals("provider_unavailable") ? "PAYMENT_FAILED" : "PAYMENT_DECLINED");
				assertThat(JsonPath.<String>read(order, "$.failureDetail")).isEqualTo(reason);
				assertThat(JsonPath.<String>read(order, "$.payment.status")).isEqualTo("DECLINED");
				assertThat(JsonPath.<Object>read(order, "$.shipment")).isNull();
			});
			assertThat(stock(tea.sku(), "$.reserved")).isZero();
			assertThat(stock(tea.sku(), "$.available")).isEqualTo(30);
		}

		@Test
		@Order(3)
		void outOfStockAndAnUnservedDestinationCancelWithEverythingCompensated() {
			Product scarce = product(1);
			Shopper greedy = Shopper.register(this.gateway);
			String tooMany = greedy.cart(scarce.id(), 2).checkout(greedy.card("4242424242424242"), Shopper.SA_ADDRESS);
			assertThat(JsonPath.<String>read(greedy.awaitOrder(tooMany, "CANCELLED"), "$.failureReason"))
				.isEqualTo("OUT_OF_STOCK");
			assertThat(stock(scarce.sku(), "$.available")).isEqualTo(1);

			Product tea = product(10);
			Shopper explorer = Shopper.register(this.gateway);
			String antarctica = explorer.cart(tea.id(), 1)
				.checkout(explorer.card("5555 5555 5555 4444"), Shopper.SA_ADDRESS.replace("\"SA\"", "\"AQ\""));
			String order = explorer.awaitOrder(antarctica, "CANCELLED");
			assertThat(JsonPath.<String>read(order, "$.failureReason")).isEqualTo("SHIPPING_UNAVAILABLE");
			assertThat(JsonPath.<String>read(order, "$.payment.status")).isEqualTo("VOIDED");
			assertThat(stock(tea.sku(), "$.available")).isEqualTo(10);
		}

		@Test
		@Order(4)
		void customersCancelUntilDispatchAndAnIdempotencyKeyPlacesOneOrder() {
			Product tea = product(20);
			Shopper shopper = Shopper.register(this.gateway);
			String card = shopper.card("4242 4242 4242 4242");
			Map<String, String> once = Map.of("Idempotency-Key", "checkout-" + shopper.id);
			String first = shopper.cart(tea.id(), 2).checkout(card, Shopper.SA_ADDRESS, once);
			assertThat(shopper.checkout(card, Shopper.SA_ADDRESS, once)).isEqualTo(first);
			assertThat(JsonPath.<Integer>read(shopper.send("GET", "/api/orders", null).body(), "$.totalElements"))
				.isEqualTo(1);

			shopper.awaitOrder(first, "CONFIRMED");
			assertThat(shopper.send("POST", "/api/orders/" + first + "/cancel", null).statusCode()).isEqualTo(202);
			String cancelled = shopper.awaitOrder(first, "CANCELLED");
			assertThat(JsonPath.<String>read(cancelled, "$.failureReason")).isEqualTo("CUSTOMER_CANCELLED");
			assertThat(JsonPath.<String>read(cancelled, "$.payment.status")).isEqualTo("VOIDED");
			assertThat(JsonPath.<String>read(cancelled, "$.shipment.status")).isEqualTo("CANCELLED");
			assertThat(stock(tea.sku(), "$.available")).isEqualTo(20);

			String second = shopper.cart(tea.id(), 1).checkout(card, Shopper.SA_ADDRESS);
			String confirmed = shopper.awaitOrder(second, "CONFIRMED");
			carrier(JsonPath.read(confirmed, "$.shipment.trackingNumber"), "DISPATCHED");
			shopper.awaitOrder(second, "SHIPPED");
			assertThat(shopper.send("POST", "/api/orders/" + second + "/cancel", null).statusCode()).isEqualTo(409);
		}

		@Test
		@Order(5)
		void twentyCustomersOrderingTheLastFiveUnitsConfirmExactlyFive() throws Exception {
			Product last = product(5);
			List<Shopper> shoppers = new java.util.ArrayList<>();
			List<String> cards = new java.util.ArrayList<>();
			for (int i = 0; i < 20; i++) {
				Shopper shopper = Shopper.register(this.gateway);
				cards.add(shopper.card("4242 4242 4242 4242"));
				shoppers.add(shopper.cart(last.id(), 1));
			}
			List<String> orders;
			try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
				List<java.util.concurrent.Future<String>> placed = new java.util.ArrayList<>();
				for (int i = 0; i < 20; i++) {
					Shopper shopper = shoppers.get(i);
					String card = cards.get(i);
					placed.add(executor.submit(() -> shopper.checkout(card, Shopper.SA_ADDRESS)));
				}
				orders = new java.util.ArrayList<>();
				for (java.util.concurrent.Future<String> order : placed) {
					orders.add(order.get());
				}
			}
			Map<String, Integer> outcomes = new java.util.TreeMap<>();
			for (int i = 0; i < 20; i++) {
				String order = shoppers.get(i).awaitOrder(orders.get(i), (o) -> {
					String status = JsonPath.read(o, "$.status");
					return status.equals("CONFIRMED") || status.equals("CANCELLED");
				});
				String outcome = JsonPath.<String>read(order, "$.status")
						+ (JsonPath.<String>read(order, "$.status").equals("CANCELLED")
								? " " + JsonPath.read(order, "$.failureReason") : "");
				outcomes.merge(outcome, 1, Integer::sum);
			}
			assertThat(outcomes)
				.containsExactlyInAnyOrderEntriesOf(Map.of("CONFIRMED", 5, "CANCELLED OUT_OF_STOCK", 15));
			assertThat(stock(last.sku(), "$.available")).isZero();
			assertThat(stock(last.sku(), "$.reserved")).isEqualTo(5);
		}

		@Test
		@Order(6)
		void anOrderWhosePaymentServiceIsStoppedTimesOutWithItsStockReleased() {
			Product tea = product(10);
			Shopper shopper = Shopper.register(this.gateway);
			String card = shopper.card("4242 4242 4242 4242");
			shopper.cart(tea.id(), 2);
			assertThat(platform.stop("payment-service")).isTrue();
			try {
				String id = shopper.checkout(card, Shopper.SA_ADDRESS);
				String timedOut = shopper.awaitOrder(id,
						(order) -> "TIMED_OUT".equals(JsonPath.read(order, "$.failureReason")));
				assertThat(JsonPath.<String>read(timedOut, "$.status")).isNotIn("CONFIRMED", "SHIPPED");
				await().atMost(Shopper.EVENTUALLY)
					.untilAsserted(() -> assertThat(stock(tea.sku(), "$.available")).isEqualTo(10));
			}
			finally {
				platform.start("payment-service");
			}
			String next = shopper.cart(tea.id(), 1).checkout(card, Shopper.SA_ADDRESS);
			shopper.awaitOrder(next, "CONFIRMED");
		}

		@Test
		@Order(7)
		void anArabicSpeakingCustomerGetsEachEmailOnceInArabicAndSeesThemListed() throws Exception {
			Product tea = product(10);
			Shopper shopper = Shopper.register(this.gateway, "ar");
			String id = shopper.cart(tea.id(), 1).checkout(shopper.card("4242 4242 4242 4242"), Shopper.SA_ADDRESS);
			String confirmed = shopper.awaitOrder(id, "CONFIRMED");
			String trackingNumber = JsonPath.read(confirmed, "$.shipment.trackingNumber");
			carrier(trackingNumber, "DISPATCHED");
			shopper.awaitOrder(id, "SHIPPED");
			carrier(trackingNumber, "DELIVERED");
			shopper.awaitOrder(id, "DELIVERED");

			String orderNumber = id.substring(0, 8);
			List<String> expected = List.of("أهلاً بك في سوق", "تم تأكيد طلبك " + orderNumber,
					"طلبك " + orderNumber + " في الطريق إليك", "تم تسليم طلبك " + orderNumber);
			await().atMost(Shopper.EVENTUALLY)
				.untilAsserted(() -> assertThat(inbox(shopper.email)).containsExactlyInAnyOrderElementsOf(expected));
			await().atMost(Shopper.EVENTUALLY).untilAsserted(() -> {
				HttpResponse<String> listed = shopper.send("GET", "/api/notifications", null);
				assertThat(JsonPath.<List<String>>read(listed.body(), "$.content[*].template"))
					.containsExactlyInAnyOrder("welcome", "order-confirmed", "order-shipped", "order-delivered");
				assertThat(JsonPath.<List<String>>read(listed.body(), "$.content[*].subject"))
					.containsExactlyInAnyOrderElementsOf(expected);
			});
			assertThat(JsonPath.<List<String>>read(
					Shopper.register(this.gateway).send("GET", "/api/notifications", null).body(),
					"$.content[*].orderId"))
				.as("another customer's notifications")
				.doesNotContain(id);
			String mail = mailTo(shopper.email, "تم تأكيد طلبك");
			assertThat(mail).contains("dir=\"rtl\"").contains(trackingNumber);
		}

		/** The subjects of the mails the SMTP server received for an address. */
		private List<String> inbox(String email) throws Exception {
			String messages = get(platform.greenMailApiUrl() + "/api/user/" + email + "/messages/INBOX").body();
			return JsonPath.read(messages, "$[*].subject");
		}

		private String mailTo(String email, String subjectStart) {
			String messages = get(platform.greenMailApiUrl() + "/api/user/" + email + "/messages/INBOX").body();
			List<String> mails = JsonPath.read(messages, "$[?(@.subject =~ /" + subjectStart + ".*/)].mimeMessage");
			assertThat(mails).hasSize(1);
			return decoded(mails.get(0));
		}

		/** A MIME message with its quoted-printable and base64 parts decoded. */
		private String decoded(String mime) {
			try {
				jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(
						jakarta.mail.Session.getInstance(new java.util.Properties()),
						new java.io.ByteArrayInputStream(mime.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
				StringBuilder text = new StringBuilder();
				collect(message.getContent(), text);
				return text.toString();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		private void collect(Object content, StringBuilder text) throws Exception {
			if (content instanceof jakarta.mail.Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					collect(multipart.getBodyPart(i).getContent(), text);
				}
			}
			else {
				text.append(content).append('\n');
			}
		}

		/** A new product with this stock, known to the cart. */
		private Product product(int stock) {
			String sku = "E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
			HttpResponse<String> created = ApiClient.on(this.gateway)
				.send("POST", "/api/products",
						"""
								{"sku": "%s", "name": "Saga tea %s", "description": "For the saga tests.", "category": "e2e/saga",
								 "weightGrams": 250, "prices": [{"amount": "7.50", "currency": "EUR"}, {"amount": "29.00", "currency": "SAR"}]}"""
							.formatted(sku, sku),
						this.admin);
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			await().atMost(Shopper.EVENTUALLY)
				.untilAsserted(() -> assertThat(ApiClient.on(this.gateway)
					.send("PUT", "/api/inventory/" + sku, "{\"onHand\": %d}".formatted(stock), this.admin)
					.statusCode()).isEqualTo(200));
			return new Product(JsonPath.read(created.body(), "$.id"), sku);
		}

		private int stock(String sku, String field) {
			HttpResponse<String> stock = ApiClient.on(this.gateway)
				.send("GET", "/api/inventory/" + sku, null, this.admin);
			return JsonPath.<Integer>read(stock.body(), field);
		}

		private void carrier(String trackingNumber, String status) {
			HttpResponse<String> event = ApiClient.on(this.gateway)
				.send("POST", "/api/shipments/" + trackingNumber + "/events", "{\"status\": \"%s\"}".formatted(status),
						this.admin);
			assertThat(event.statusCode()).as(event.body()).isEqualTo(200);
		}

		record Product(String id, String sku) {
		}

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
