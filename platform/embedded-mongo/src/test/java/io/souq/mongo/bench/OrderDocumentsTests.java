package io.souq.mongo.bench;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderDocumentsTests {

	private final OrderDocuments documents = new OrderDocuments(1_000, 3_000, Instant.now());

	@Test
	void documentsAreReproducibleAndAddressableByIndex() {
		Document first = this.documents.filled(42).document();
		Document again = new OrderDocuments(1_000, 3_000, Instant.now()).filled(42).document();
		assertThat(first.getString("_id")).isEqualTo(OrderDocuments.orderId(42)).isEqualTo(again.getString("_id"));
		assertThat(first.getString("customerId")).isEqualTo(again.getString("customerId"));
	}

	@Test
	void idsAndCheckoutKeysAreUniqueAndCustomersAreATenth() {
		Set<String> ids = new HashSet<>();
		Set<String> keys = new HashSet<>();
		Set<String> customers = new HashSet<>();
		for (int i = 0; i < 1_000; i++) {
			Document order = this.documents.filled(i).document();
			ids.add(order.getString("_id"));
			keys.add(order.getString("checkoutKey"));
			customers.add(order.getString("customerId"));
		}
		assertThat(ids).hasSize(1_000);
		assertThat(keys).hasSize(1_000);
		assertThat(customers).hasSizeLessThanOrEqualTo(100).hasSizeGreaterThan(90);
	}

	@Test
	void ordersHaveTheFieldsOfOrderServiceAndNoOutbox() {
		for (int i = 0; i < 100; i++) {
			Document order = this.documents.filled(i).document();
			assertThat(order).containsKeys("_id", "customerId", "checkoutKey", "lines", "currency", "subtotal",
					"shipping", "total", "address", "status", "step", "stepSince", "pending", "history", "createdAt",
					"updatedAt", "version", "appliedMessageIds", "_class");
			assertThat(order).doesNotContainKey("outbox");
			String status = order.getString("status");
			boolean finished = List.of("DELIVERED", "CANCELLED").contains(status);
			if (!finished) {
				assertThat(order).containsKey("wakeAt");
			}
		}
	}

}
