package io.souq.catalog;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.souq.events.Topics;
import io.souq.events.catalog.ProductCreated;
import io.souq.events.catalog.ProductDiscontinued;
import io.souq.events.catalog.ProductPriceChanged;
import io.souq.events.catalog.ProductUpdated;
import io.souq.events.inventory.StockLevelChanged;
import io.souq.test.ApiClient;
import io.souq.test.EventSamples;
import io.souq.test.TestTokens;
import io.souq.test.TopicRecords;
import io.souq.test.WithSouqInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
 * The Catalog rows of the API contract over real HTTP, the catalog events on the real
 * broker, and stock from inventory events, on the MongoDB-protocol server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@WithSouqInfrastructure
class CatalogIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	Environment environment;

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		TestTokens.issuer().register(registry);
	}

	@Test
	void operatorsCreateUpdateAndDiscontinueProductsAndEveryChangeIsPublished() throws Exception {
		String sku = sku();
		HttpResponse<String> created = admin("POST", "/api/products",
				product(sku, "Moroccan mint tea", "kitchen/tea", "7.50", "29.00"));
		assertThat(created.statusCode()).isEqualTo(201);
		String id = JsonPath.read(created.body(), "$.id");
		assertThat(created.headers().firstValue("Location")).hasValue("/api/products/" + id);
		assertThat(JsonPath.<List<String>>read(created.body(), "$.prices[?(@.currency == 'EUR')].amount"))
			.containsExactly("7.50");
		assertThat(JsonPath.<String>read(created.body(), "$.status")).isEqualTo("ACTIVE");

		HttpResponse<String> duplicate = admin("POST", "/api/products",
				product(sku, "Another tea", "kitchen/tea", "1.00", "4.00"));
		assertThat(duplicate.statusCode()).isEqualTo(409);
		assertThat(duplicate.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));

		HttpResponse<String> renamed = admin("PUT", "/api/products/" + id,
				product(sku, "Moroccan mint tea, 250 g", "kitchen/tea", "7.50", "29.00"));
		assertThat(renamed.statusCode()).isEqualTo(200);
		HttpResponse<String> repriced = admin("PUT", "/api/products/" + id,
				product(sku, "Moroccan mint tea, 250 g", "kitchen/tea", "8.25", "31.00"));
		assertThat(JsonPath.<String>read(repriced.body(), "$.name")).isEqualTo("Moroccan mint tea, 250 g");
		assertThat(
				admin("PUT", "/api/products/" + id, product(sku() + "X", "Tea", "kitchen/tea", "1", "4")).statusCode())
			.isEqualTo(422);

		assertThat(admin("DELETE", "/api/products/" + id, null).statusCode()).isEqualTo(204);
		assertThat(admin("DELETE", "/api/products/" + id, null).statusCode()).isEqualTo(204);
		HttpResponse<String> discontinued = send("GET", "/api/products/" + id, null, null);
		assertThat(discontinued.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(discontinued.body(), "$.status")).isEqualTo("DISCONTINUED");
		assertThat(admin("PUT", "/api/products/" + id, product(sku, "Tea", "kitchen/tea", "1", "4")).statusCode())
			.isEqualTo(422);
		assertThat(JsonPath.<Integer>read(list("q=" + sku).body(), "$.totalElements")).isZero();

		List<ConsumerRecord<String, String>> events = await().atMost(Duration.ofSeconds(30))
			.until(() -> TopicRecords.awaitMatching(bootstrap(), Topics.CATALOG_EVENTS, (r) -> id.equals(r.key()),
					Duration.ofSeconds(30)), (records) -> records.size() >= 5);
		assertThat(events).extracting((r) -> JsonPath.<String>read(r.value(), "$.type"))
			.containsExactly(ProductCreated.TYPE, ProductUpdated.TYPE, ProductUpdated.TYPE, ProductPriceChanged.TYPE,
					ProductDiscontinued.TYPE);
		for (ConsumerRecord<String, String> event : events) {
			EventSamples.assertSameShape(event.value());
		}
		String priceChanged = events.get(3).value();
		assertThat(JsonPath.<List<String>>read(priceChanged, "$.data.previousPrices[*].amount")).containsExactly("7.50",
				"29.00");
		assertThat(JsonPath.<List<String>>read(priceChanged, "$.data.prices[*].amount")).containsExactly("8.25",
				"31.00");
	}

	@Test
	void shoppersSearchFilterSortAndPageTheActiveProducts() {
		String top = "t" + UUID.randomUUID().toString().substring(0, 8);
		String mint = create(product(sku(), "Moroccan MINT tea", top + "/tea", "7.50", "29.00"));
		String green = create(product(sku(), "Sencha green tea", top + "/tea", "9.00", "35.00"));
		String dates = create(productWithDescription(sku(), "تمر مجدول", "تمر فاخر من المدينة، بالنعناع",
				top + "/dates", "12.00", "45.00"));
		String pot = create(product(sku(), "Brass teapot", top + "/ware", "30.00", "120.00"));
		String gone = create(product(sku(), "Old mint tea", top + "/tea", "1.00", "4.00"));
		admin("DELETE", "/api/products/" + gone, null);

		assertThat(ids(list("category=" + top + "&sort=name,asc"))).containsExactly(pot, mint, green, dates);
		assertThat(ids(list("category=" + top + "/tea"))).containsExactlyInAnyOrder(mint, green);
		assertThat(ids(list("category=" + top + "&q=mInT"))).containsExactly(mint);
		assertThat(ids(list("category=" + top + "&q=" + enc("النعناع")))).containsExactly(dates);
		assertThat(ids(list("category=" + top + "&q=tea+sencha"))).containsExactly(green);
		assertThat(ids(list("category=" + top + "&q=" + enc("(tea")))).isEmpty();
		assertThat(ids(list("category=" + top + "&currency=SAR&minPrice=35&maxPrice=120&sort=price,desc")))
			.containsExactly(pot, dates, green);
		assertThat(ids(list("category=" + top + "&minPrice=9.00&maxPrice=12&sort=price,asc"))).containsExactly(green,
				dates);

		HttpResponse<String> first = list("category=" + top + "&sort=price,asc&size=3&page=0");
		assertThat(ids(first)).containsExactly(mint, green, dates);
		assertThat(JsonPath.<Integer>read(first.body(), "$.totalElements")).isEqualTo(4);
		assertThat(JsonPath.<Integer>read(first.body(), "$.totalPages")).isEqualTo(2);
		assertThat(ids(list("category=" + top + "&sort=price,asc&size=3&page=1"))).containsExactly(pot);
		assertThat(JsonPath.<Integer>read(list("size=500").body(), "$.size")).isEqualTo(100);

		HttpResponse<String> tree = send("GET", "/api/categories", null, null);
		assertThat(tree.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<List<Integer>>read(tree.body(), "$.categories[?(@.path == '" + top + "')].productCount"))
			.containsExactly(4);
		assertThat(
				JsonPath.<List<String>>read(tree.body(), "$.categories[?(@.path == '" + top + "')].children[*].path"))
			.containsExactly(top + "/dates", top + "/tea", top + "/ware");
	}

	@Test
	void showsTheStockThatInventoryReportsAndIgnoresOlderOrRepeatedLevels() throws Exception {
		String sku = sku();
		String id = create(product(sku, "Saffron, 1 g", "kitchen/spices", "6.00", "24.00"));
		stockLevel(sku, 12, "2026-11-23T10:00:00Z");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					JsonPath.<Integer>read(send("GET", "/api/products/" + id, null, null).body(), "$.available"))
				.isEqualTo(12));
		stockLevel(sku, 3, "2026-11-23T09:00:00Z");
		stockLevel(sku, 7, "2026-11-23T11:00:00Z");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					JsonPath.<Integer>read(send("GET", "/api/products/" + id, null, null).body(), "$.available"))
				.isEqualTo(7));
	}

	@Test
	void refusesBadInputWithProblemDetailsAndProtectsTheWrites() {
		HttpResponse<String> invalid = admin("POST", "/api/products", """
				{"sku": "bad sku", "name": "", "category": "Kitchen//Tea", "weightGrams": 0,
				 "prices": [{"amount": "-1", "currency": "EUR"}, {"amount": "2", "currency": "GBP"}]}""");
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<List<String>>read(invalid.body(), "$.errors[*].field")).contains("sku", "name", "category",
				"weightGrams", "prices[0].amount");
		HttpResponse<String> currency = admin("POST", "/api/products", """
				{"sku": "%s", "name": "Tea", "category": "kitchen/tea", "weightGrams": 100,
				 "prices": [{"amount": "2", "currency": "GBP"}, {"amount": "2", "currency": "EUR"},
				            {"amount": "3", "currency": "EUR"}]}""".formatted(sku()));
		assertThat(JsonPath.<List<String>>read(currency.body(), "$.errors[*].field"))
			.containsExactly("prices[0].currency", "prices[2].currency");
		assertThat(admin("POST", "/api/products", "{not json").statusCode()).isEqualTo(400);
		assertThat(admin("POST", "/api/products", "{\"weightGrams\": \"heavy\"}").statusCode()).isEqualTo(400);

		HttpResponse<String> query = list("minPrice=abc&maxPrice=-1&sort=colour&currency=XYZ&page=-1&size=0");
		assertThat(query.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<List<String>>read(query.body(), "$.errors[*].field")).contains("minPrice", "maxPrice",
				"sort", "currency", "page", "size");
		assertThat(send("GET", "/api/products/no-such-product", null, null).statusCode()).isEqualTo(404);
		assertThat(admin("PUT", "/api/products/no-such-product", product(sku(), "Tea", "kitchen/tea", "1", "4"))
			.statusCode()).isEqualTo(404);

		String body = product(sku(), "Tea", "kitchen/tea", "1.00", "4.00");
		assertThat(send("POST", "/api/products", body, null).statusCode()).isEqualTo(401);
		assertThat(send("POST", "/api/products", body, TestTokens.issuer().customer("c-1")).statusCode())
			.isEqualTo(403);
		assertThat(send("DELETE", "/api/products/x", null, TestTokens.issuer().customer("c-1")).statusCode())
			.isEqualTo(403);
	}

	private void stockLevel(String sku, int available, String at) throws Exception {
		String event = EventSamples.json(StockLevelChanged.TYPE, 1);
		JsonNode sample = JSON.readTree(event);
		String sampleSku = sample.get("data").get("sku").asString();
		String sampleAt = sample.get("data").get("at").asString();
		event = event.replace(sample.get("id").asString(), UUID.randomUUID().toString())
			.replace(sampleSku, sku)
			.replace("\"available\": " + sample.get("data").get("available").asInt(), "\"available\": " + available)
			.replace(sampleAt, at);
		assertThat(JSON.readTree(event).get("data").get("available").asInt()).isEqualTo(available);
		this.kafka.send(new ProducerRecord<>(Topics.INVENTORY_EVENTS, sku, event)).get();
		this.kafka.send(new ProducerRecord<>(Topics.INVENTORY_EVENTS, sku, event)).get();
	}

	private String create(String body) {
		HttpResponse<String> created = admin("POST", "/api/products", body);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JsonPath.read(created.body(), "$.id");
	}

	private static List<String> ids(HttpResponse<String> page) {
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		return JsonPath.read(page.body(), "$.content[*].id");
	}

	private HttpResponse<String> list(String query) {
		return send("GET", "/api/products?" + query, null, null);
	}

	private static String product(String sku, String name, String category, String eur, String sar) {
		return productWithDescription(sku, name, "A fine product.", category, eur, sar);
	}

	private static String productWithDescription(String sku, String name, String description, String category,
			String eur, String sar) {
		return """
				{"sku": "%s", "name": "%s", "description": "%s", "category": "%s",
				 "attributes": {"origin": "MA"}, "weightGrams": 280,
				 "prices": [{"amount": "%s", "currency": "EUR"}, {"amount": "%s", "currency": "SAR"}]}""".formatted(sku,
				name, description, category, eur, sar);
	}

	private static String sku() {
		return "SKU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	private static String enc(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
	}

	private String bootstrap() {
		return this.environment.getProperty("spring.kafka.bootstrap-servers");
	}

	private HttpResponse<String> admin(String method, String path, String body) {
		return send(method, path, body, TestTokens.issuer().admin());
	}

	private HttpResponse<String> send(String method, String path, String body, String token) {
		return ApiClient.on(this.port).send(method, path, body, token);
	}

}
