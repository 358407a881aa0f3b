package io.souq.inventory;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.souq.events.Topics;
import io.souq.events.catalog.ProductCreated;
import io.souq.events.inventory.StockBelowReorderPoint;
import io.souq.events.inventory.StockLevelChanged;
import io.souq.test.ApiClient;
import io.souq.test.EventSamples;
import io.souq.test.TestTokens;
import io.souq.test.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Inventory rows of the API contract over real HTTP, and stock records created from
 * catalog events, on the real broker and MongoDB-protocol server.
 */
class InventoryIT extends InventoryContext {

	@Test
	void createsAStockRecordForEveryNewProductOnceEvenWhenTheEventComesTwice() throws Exception {
		String sku = newProduct();
		String admin = TestTokens.issuer().admin();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(send("GET", "/api/inventory/" + sku, null, admin).statusCode()).isEqualTo(200));
		HttpResponse<String> stock = send("GET", "/api/inventory/" + sku, null, admin);
		assertThat(JsonPath.<Integer>read(stock.body(), "$.onHand")).isZero();
		assertThat(JsonPath.<Integer>read(stock.body(), "$.reorderPoint")).isEqualTo(5);

		List<ConsumerRecord<String, String>> created = TopicRecords.awaitMatching(bootstrap(), Topics.INVENTORY_EVENTS,
				r -> sku.equals(r.key()) && r.value().contains("\"CREATED\""), Duration.ofSeconds(30));
		assertThat(created).hasSize(1);
	}

	@Test
	void countsReceivesAndWritesOffButNeverBelowWhatIsReserved() throws Exception {
		String sku = newProduct();
		String admin = TestTokens.issuer().admin();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(send("GET", "/api/inventory/" + sku, null, admin).statusCode()).isEqualTo(200));

		HttpResponse<String> counted = send("PUT", "/api/inventory/" + sku, "{\"onHand\":20,\"reorderPoint\":5}",
				admin);
		assertThat(counted.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<Integer>read(counted.body(), "$.available")).isEqualTo(20);

		HttpResponse<String> received = send("POST", "/api/inventory/" + sku + "/adjustments",
				"{\"delta\":5,\"reason\":\"delivery 42\"}", admin);
		assertThat(JsonPath.<Integer>read(received.body(), "$.onHand")).isEqualTo(25);

		HttpResponse<String> writtenOff = send("POST", "/api/inventory/" + sku + "/adjustments",
				"{\"delta\":-22,\"reason\":\"water damage\"}", admin);
		assertThat(JsonPath.<Integer>read(writtenOff.body(), "$.available")).isEqualTo(3);

		HttpResponse<String> tooMuch = send("POST", "/api/inventory/" + sku + "/adjustments",
				"{\"delta\":-4,\"reason\":\"lost\"}", admin);
		assertThat(tooMuch.statusCode()).isEqualTo(422);
		assertThat(tooMuch.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

		List<ConsumerRecord<String, String>> alerts = TopicRecords.awaitMatching(bootstrap(), Topics.INVENTORY_EVENTS,
				r -> sku.equals(r.key()) && r.value().contains(StockBelowReorderPoint.TYPE), Duration.ofSeconds(30));
		assertThat(alerts).hasSize(1);
		assertThat(JsonPath.<Integer>read(alerts.get(0).value(), "$.data.available")).isEqualTo(3);
		List<ConsumerRecord<String, String>> levels = TopicRecords.awaitMatching(bootstrap(), Topics.INVENTORY_EVENTS,
				r -> sku.equals(r.key()) && r.value().contains(StockLevelChanged.TYPE), Duration.ofSeconds(30));
		assertThat(levels).extracting(r -> JsonPath.<String>read(r.value(), "$.data.reason"))
			.contains("CREATED", "STOCK_COUNT", "RECEIVED", "WRITTEN_OFF");
	}

	@Test
	void validatesInputAndProtectsThePaths() {
		String admin = TestTokens.issuer().admin();
		assertThat(send("GET", "/api/inventory/NO-SUCH-SKU", null, admin).statusCode()).isEqualTo(404);
		HttpResponse<String> bad = send("PUT", "/api/inventory/NO-SUCH-SKU", "{\"onHand\":-3}", admin);
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<List<String>>read(bad.body(), "$.errors[*].field")).contains("onHand");
		assertThat(send("POST", "/api/inventory/X/adjustments", "{\"delta\":1}", admin).statusCode()).isEqualTo(400);
		assertThat(send("GET", "/api/inventory/X", null, null).statusCode()).isEqualTo(401);
		assertThat(send("GET", "/api/inventory/X", null, TestTokens.issuer().customer("c-1")).statusCode())
			.isEqualTo(403);
	}

	/** Publishes product.created (the sample document with a new id and SKU) twice. */
	private String newProduct() throws Exception {
		String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
		String productId = UUID.randomUUID().toString();
		String event = EventSamples.json(ProductCreated.TYPE, 1)
			.replace("TEA-MINT-250", sku)
			.replace("8f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f", productId)
			.replace("3c9a1e52-7f0b-4d1e-8a2c-5b6d7e8f9a10", UUID.randomUUID().toString());
		for (int i = 0; i < 2; i++) {
			this.kafka.send(new ProducerRecord<>(Topics.CATALOG_EVENTS, productId, event)).get();
		}
		return sku;
	}

	private HttpResponse<String> send(String method, String path, String body, String token) {
		return ApiClient.on(this.port).send(method, path, body, token);
	}

}
