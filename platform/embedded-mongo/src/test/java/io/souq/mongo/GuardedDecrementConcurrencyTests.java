package io.souq.mongo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Updates.inc;
import static org.assertj.core.api.Assertions.assertThat;

class GuardedDecrementConcurrencyTests {

	private static final int THREADS = 8;

	private static final int LAST_UNITS = 50;

	@TempDir
	Path tempDir;

	@ParameterizedTest
	@EnumSource(TestBackend.class)
	void eightThreadsRacingForTheLastUnitsNeverOversell(TestBackend backend) throws Exception {
		try (EmbeddedMongoServer server = backend.start(this.tempDir);
				MongoClient client = TestBackend.client(server)) {
			MongoCollection<Document> stock = client.getDatabase("inventory").getCollection("stock");
			List<Document> others = new ArrayList<>();
			for (int i = 0; i < 500; i++) {
				others.add(new Document("_id", "other-" + i).append("available", 1_000));
			}
			stock.insertMany(others);
			stock.insertOne(new Document("_id", "sku-hot").append("available", LAST_UNITS));

			CountDownLatch start = new CountDownLatch(1);
			Callable<Integer> buyer = () -> {
				start.await();
				int bought = 0;
				while (stock.updateOne(and(eq("_id", "sku-hot"), gte("available", 1)), inc("available", -1))
					.getModifiedCount() == 1) {
					bought++;
				}
				return bought;
			};
			ExecutorService executor = Executors.newFixedThreadPool(THREADS);
			try {
				List<Future<Integer>> buyers = new ArrayList<>();
				for (int i = 0; i < THREADS; i++) {
					buyers.add(executor.submit(buyer));
				}
				start.countDown();
				int sold = 0;
				for (Future<Integer> future : buyers) {
					sold += future.get(60, TimeUnit.SECONDS);
				}
				assertThat(sold).isEqualTo(LAST_UNITS);
			}
			finally {
				executor.shutdownNow();
			}
			assertThat(stock.find(eq("_id", "sku-hot")).first()).containsEntry("available", 0);
			assertThat(stock.countDocuments(eq("available", 1_000))).isEqualTo(500);
			assertThat(TestBackend.queryCounters(server, "inventory", "stock").plans("_id_"))
				.isGreaterThanOrEqualTo(LAST_UNITS + THREADS);
		}
	}

}
