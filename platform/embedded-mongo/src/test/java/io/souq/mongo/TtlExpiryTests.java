package io.souq.mongo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * TTL indexes on the file storage: a pass of the TTL monitor deletes the documents whose
 * field holds a date (or an array holding one) older than now minus
 * {@code expireAfterSeconds}, and their entries in every secondary index with them; a
 * date in the future or within the offset, a missing field and a value that is not a date
 * keep the document. On its schedule the monitor expires documents by itself.
 */
class TtlExpiryTests {

	private static final String DATABASE = "shop";

	@TempDir
	Path tempDir;

	private EmbeddedMongoServer server;

	private MongoClient client;

	@BeforeEach
	void start() {
		this.server = EmbeddedMongoServer.startWithDataDir(this.tempDir.resolve("data"));
		this.client = TestBackend.client(this.server);
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.server.close();
	}

	@Test
	void passDeletesExpiredDocumentsAndTheirIndexEntriesAndKeepsTheOthers() {
		Instant now = Instant.now();
		MongoCollection<Document> keys = ttlCollection("keys", "expiresAt", 0);
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			documents.add(new Document("_id", "past-" + i).append("expiresAt", date(now.minusSeconds(60 + i)))
				.append("status", "S" + (i % 3)));
		}
		documents.add(new Document("_id", "past-in-array").append("expiresAt",
				List.of("not a date", date(now.minusSeconds(3600)))));
		for (int i = 0; i < 10; i++) {
			documents.add(new Document("_id", "future-" + i).append("expiresAt", date(now.plusSeconds(3600 + i)))
				.append("status", "S1"));
		}
		documents.add(new Document("_id", "missing").append("status", "S2"));
		documents.add(new Document("_id", "null").append("expiresAt", null));
		documents.add(new Document("_id", "text").append("expiresAt", "2020-01-01T00:00:00Z"));
		documents.add(new Document("_id", "number").append("expiresAt", 0L));
		keys.insertMany(documents);
		SecondaryIndex ttlIndex = TestBackend.secondaryIndex(this.server, DATABASE, "keys", "expiresAt_1");
		SecondaryIndex statusIndex = TestBackend.secondaryIndex(this.server, DATABASE, "keys", "status_1");
		long ttlEntries = ttlIndex.getCount();
		long statusEntries = statusIndex.getCount();

		int deleted = this.server.backend().ttlMonitor().pass();

		assertThat(deleted).isEqualTo(41);
		assertThat(ids(keys)).containsExactlyInAnyOrder("future-0", "future-1", "future-2", "future-3", "future-4",
				"future-5", "future-6", "future-7", "future-8", "future-9", "missing", "null", "text", "number");
		assertThat(ttlIndex.getCount()).isEqualTo(ttlEntries - 42);
		assertThat(statusIndex.getCount()).isEqualTo(statusEntries - 41);
		assertThat(TestBackend.indexDifferences(this.server, this.client, DATABASE)).isEmpty();
		assertThat(keys.countDocuments(Filters.eq("status", "S0"))).isZero();
		assertThat(this.server.backend().ttlMonitor().pass()).isZero();
	}

	@Test
	void expireAfterSecondsIsAddedToTheDate() {
		Instant now = Instant.now();
		MongoCollection<Document> oneSecond = ttlCollection("one_second", "processedAt", 1);
		MongoCollection<Document> oneHour = ttlCollection("one_hour", "processedAt", 3600);
		for (MongoCollection<Document> collection : List.of(oneSecond, oneHour)) {
			collection
				.insertMany(List.of(new Document("_id", "minute-ago").append("processedAt", date(now.minusSeconds(60))),
						new Document("_id", "day-ago").append("processedAt", date(now.minusSeconds(86_400))),
						new Document("_id", "in-a-minute").append("processedAt", date(now.plusSeconds(60)))));
		}

		assertThat(this.server.backend().ttlMonitor().pass()).isEqualTo(3);

		assertThat(ids(oneSecond)).containsExactly("in-a-minute");
		assertThat(ids(oneHour)).containsExactlyInAnyOrder("minute-ago", "in-a-minute");
		assertThat(TestBackend.secondaryIndex(this.server, DATABASE, "one_second", "processedAt_1").getCount()).isOne();
		assertThat(TestBackend.indexDifferences(this.server, this.client, DATABASE)).isEmpty();
	}

	@Test
	void scheduledPassesExpireDocumentsWithinThePeriod() {
		MongoCollection<Document> keys = ttlCollection("keys", "expiresAt", 0);
		long passes = this.server.backend().ttlMonitor().passes();
		this.server.backend().ttlMonitor().period(Duration.ofMillis(200));
		Instant now = Instant.now();
		keys.insertMany(List.of(new Document("_id", "expired").append("expiresAt", date(now.minusSeconds(1))),
				new Document("_id", "soon").append("expiresAt", date(now.plusMillis(600))),
				new Document("_id", "later").append("expiresAt", date(now.plusSeconds(3600)))));

		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertThat(ids(keys)).containsExactly("later"));
		assertThat(this.server.backend().ttlMonitor().passes()).isGreaterThan(passes + 1);
		Document souq = this.client.getDatabase("admin")
			.runCommand(new Document("serverStatus", 1))
			.get("souq", Document.class);
		assertThat(souq.get("ttlDeleted", Number.class).longValue()).isEqualTo(2);
		assertThat(TestBackend.indexDifferences(this.server, this.client, DATABASE)).isEmpty();
	}

	private MongoCollection<Document> ttlCollection(String name, String field, long expireAfterSeconds) {
		MongoCollection<Document> collection = this.client.getDatabase(DATABASE).getCollection(name);
		collection.createIndex(Indexes.ascending(field),
				new IndexOptions().expireAfter(expireAfterSeconds, TimeUnit.SECONDS));
		collection.createIndex(Indexes.ascending("status"));
		return collection;
	}

	private static List<Object> ids(MongoCollection<Document> collection) {
		return collection.find().map((document) -> document.get("_id")).into(new ArrayList<>());
	}

	private static Date date(Instant instant) {
		return Date.from(instant);
	}

}
