package io.souq.mongo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reopened data file serves its secondary indexes as they were written: after a random
 * workload and a close, the reopened store holds the same documents, every index equals
 * its rebuild from them, and opening rebuilt nothing (no index was cleared or refilled,
 * nothing was scanned). An index whose build was never marked complete is rebuilt, which
 * shows that a rebuild would be noticed.
 */
class IndexRecoveryTests {

	private static final String DATABASE = "shop";

	private static final String COLLECTION = "items";

	@TempDir
	Path tempDir;

	@Test
	void reopenedStoreHasExactIndexesAndRebuildsNothing() {
		Path dataDir = this.tempDir.resolve("data");
		Written written = writeRandomWorkload(dataDir, 7L);

		try (EmbeddedMongoServer server = EmbeddedMongoServer.startWithDataDir(dataDir)) {
			boolean wroteWhileOpening = server.backend().context().commit().latestChange() > 0;
			QueryCounters counters = TestBackend.queryCounters(server, DATABASE, COLLECTION);
			assertThat(counters.scans()).as("scans while opening").isZero();
			assertThat(counters.documentsExamined()).isZero();
			assertThat(wroteWhileOpening).as("the open wrote to the store (an index was rebuilt)").isFalse();
			assertThat(indexState(server)).isEqualTo(written.indexes());
			try (MongoClient client = TestBackend.client(server)) {
				assertThat(TestBackend.indexDifferences(server, client, DATABASE)).isEmpty();
				assertThat(all(client)).isEqualTo(written.documents());
				assertThat(client.getDatabase(DATABASE)
					.getCollection(COLLECTION)
					.countDocuments(Filters.exists("outbox.messageId", true))).isEqualTo(written.pending());
			}
			assertThat(counters.lastPlan()).isEqualTo("souq_outbox_pending");
		}
	}

	@Test
	void indexWhoseBuildIsNotMarkedCompleteIsRebuiltAtOpen() {
		Path dataDir = this.tempDir.resolve("data");
		Written written = writeRandomWorkload(dataDir, 8L);
		try (EmbeddedMongoServer server = EmbeddedMongoServer.startWithDataDir(dataDir)) {
			SouqCollection items = (SouqCollection) server.backend()
				.resolveDatabase(DATABASE)
				.resolveCollection(COLLECTION, true);
			assertThat(items.metaValue("built:a_1")).isNotNull();
			server.backend().durably(true, () -> {
				items.metaRemove("built:a_1");
				return null;
			});
		}

		try (EmbeddedMongoServer server = EmbeddedMongoServer.startWithDataDir(dataDir)) {
			assertThat(server.backend().context().commit().latestChange()).as("the rebuild wrote to the store")
				.isPositive();
			assertThat(indexState(server)).isEqualTo(written.indexes());
			try (MongoClient client = TestBackend.client(server)) {
				assertThat(TestBackend.indexDifferences(server, client, DATABASE)).isEmpty();
				assertThat(all(client)).isEqualTo(written.documents());
			}
		}
	}

	private record Written(List<Document> documents, Map<String, String> indexes, long pending) {
	}

	private static Written writeRandomWorkload(Path dataDir, long seed) {
		RandomDocuments random = new RandomDocuments(seed);
		Random choices = random.random();
		try (EmbeddedMongoServer server = EmbeddedMongoServer.startWithDataDir(dataDir);
				MongoClient client = TestBackend.client(server)) {
			MongoCollection<Document> items = client.getDatabase(DATABASE).getCollection(COLLECTION);
			RandomDocuments.createIndexes(items);
			items.insertMany(random.newDocuments(300));
			for (int step = 0; step < 150; step++) {
				try {
					switch (choices.nextInt(5)) {
						case 0 -> items.updateMany(random.filter(), random.update(true));
						case 1 -> items.updateOne(Filters.eq("_id", anyId(items, choices)), random.update(false));
						case 2 -> items.deleteMany(Filters.and(random.filter(), random.filter()));
						case 3 -> items.replaceOne(Filters.eq("_id", anyId(items, choices)), random.body());
						default -> items.insertMany(random.newDocuments(1 + choices.nextInt(5)));
					}
				}
				catch (MongoException ex) {
					// e.g. a duplicate code or $push to a non-array: the write is refused
					// as a whole
				}
			}
			assertThat(TestBackend.indexDifferences(server, client, DATABASE)).isEmpty();
			long pending = items.countDocuments(Filters.exists("outbox.messageId", true));
			assertThat(pending).isPositive();
			return new Written(all(client), indexState(server), pending);
		}
	}

	private static Object anyId(MongoCollection<Document> items, Random choices) {
		List<Object> ids = items.find()
			.projection(Projections.include("_id"))
			.sort(Sorts.ascending("_id"))
			.map((document) -> document.get("_id"))
			.into(new ArrayList<>());
		return ids.isEmpty() ? -1 : ids.get(choices.nextInt(ids.size()));
	}

	/** Each secondary index: whether built, and its entry count. */
	private static Map<String, String> indexState(EmbeddedMongoServer server) {
		Map<String, String> state = new LinkedHashMap<>();
		for (SecondaryIndex index : TestBackend.collection(server, DATABASE, COLLECTION).secondaryIndexes()) {
			state.put(index.getName(), "built " + index.built() + ", " + index.getCount() + " entries");
		}
		assertThat(state).containsOnlyKeys(RandomDocuments.INDEXES);
		return state;
	}

	private static List<Document> all(MongoClient client) {
		return client.getDatabase(DATABASE)
			.getCollection(COLLECTION)
			.find()
			.sort(Sorts.ascending("_id"))
			.into(new ArrayList<>());
	}

}
