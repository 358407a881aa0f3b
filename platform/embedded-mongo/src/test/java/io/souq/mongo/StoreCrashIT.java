package io.souq.mongo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The file store under eight concurrent writers survives SIGKILL: the server runs as its
 * own process, eight client threads insert and update documents (changing indexed fields)
 * and record every acknowledged write; the process is killed while they write. After a
 * restart on the same data directory every acknowledged write is there with its value (or
 * the value of the one write that was under way on that document), nothing else is, and
 * every index agrees with the documents. While they write, commits are shared: more
 * writes than commits.
 */
class StoreCrashIT {

	private static final int WRITERS = 8;

	private static final int ACKNOWLEDGED_BEFORE_KILL = 2_000;

	private static final String[] STATUSES = { "NEW", "PAID", "PACKED", "SHIPPED", "DONE" };

	private static final String[] TAGS = { "gift", "express", "fragile" };

	@TempDir
	Path tempDir;

	/** A document as one write left it: {@code version} says which write. */
	record State(long version, String status, int bucket, List<String> tags) {

		Document toDocument(String id, int writer) {
			return new Document("_id", id).append("writer", writer)
				.append("version", this.version)
				.append("status", this.status)
				.append("bucket", this.bucket)
				.append("tags", this.tags);
		}

		static State of(Document document) {
			return new State(document.getLong("version"), document.getString("status"), document.getInteger("bucket"),
					document.getList("tags", String.class));
		}

	}

	/** What one writer thread had acknowledged, and the write it had under way. */
	static final class Writer implements Runnable {

		final int number;

		final Map<String, State> acknowledged = new HashMap<>();

		final List<String> ids = new ArrayList<>();

		String pendingId;

		State pending;

		MongoException end;

		int unmatched;

		private final MongoCollection<Document> orders;

		private final AtomicInteger acknowledgedWrites;

		private final Random random;

		Writer(int number, MongoCollection<Document> orders, AtomicInteger acknowledgedWrites) {
			this.number = number;
			this.orders = orders;
			this.acknowledgedWrites = acknowledgedWrites;
			this.random = new Random(number);
		}

		@Override
		public void run() {
			try {
				for (int n = 0;; n++) {
					boolean insert = this.ids.isEmpty() || this.random.nextInt(10) < 4;
					String id = insert ? "w" + this.number + "-" + n
							: this.ids.get(this.random.nextInt(this.ids.size()));
					State before = this.acknowledged.get(id);
					State next = new State(insert ? 0 : before.version() + 1,
							STATUSES[this.random.nextInt(STATUSES.length)], this.random.nextInt(10),
							List.of(TAGS[this.random.nextInt(TAGS.length)]));
					this.pendingId = id;
					this.pending = next;
					if (insert) {
						this.orders.insertOne(next.toDocument(id, this.number));
						this.ids.add(id);
					}
					else {
						Bson change = Updates.combine(Updates.set("version", next.version()),
								Updates.set("status", next.status()), Updates.set("bucket", next.bucket()),
								Updates.set("tags", next.tags()));
						if (this.orders
							.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", before.version())),
									change)
							.getMatchedCount() != 1) {
							this.unmatched++;
						}
					}
					this.acknowledged.put(id, next);
					this.pendingId = null;
					this.pending = null;
					this.acknowledgedWrites.incrementAndGet();
				}
			}
			catch (MongoException ex) {
				// the server was killed: the write under way was not acknowledged
				this.end = ex;
			}
		}

	}

	@Test
	void everyAcknowledgedWriteOfEightWritersSurvivesSigkillAndIndexesMatchTheDocuments() throws Exception {
		Path dataDir = this.tempDir.resolve("data");
		List<Writer> writers = new ArrayList<>();
		Document statusAtStart;
		Document statusBeforeKill;
		try (LauncherProcess launcher = LauncherProcess.start("--port", "0", "--data-dir", dataDir.toString());
				MongoClient client = client(launcher.awaitListening())) {
			MongoCollection<Document> orders = client.getDatabase("shop").getCollection("orders");
			orders.createIndex(Indexes.ascending("status"));
			orders.createIndex(Indexes.descending("bucket"));
			orders.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("bucket")));
			orders.createIndex(Indexes.ascending("tags"));
			AtomicInteger acknowledgedWrites = new AtomicInteger();
			List<Thread> threads = new ArrayList<>();
			for (int i = 0; i < WRITERS; i++) {
				Writer writer = new Writer(i, orders, acknowledgedWrites);
				writers.add(writer);
				Thread thread = new Thread(writer, "writer-" + i);
				threads.add(thread);
			}
			threads.forEach(Thread::start);
			await().atMost(Duration.ofMinutes(1)).until(() -> acknowledgedWrites.get() >= 200);
			statusAtStart = souqStatus(client);
			await().atMost(Duration.ofMinutes(2)).until(() -> acknowledgedWrites.get() >= ACKNOWLEDGED_BEFORE_KILL);
			statusBeforeKill = souqStatus(client);
			launcher.kill();
			for (Thread thread : threads) {
				thread.join(TimeUnit.SECONDS.toMillis(30));
				assertThat(thread.isAlive()).isFalse();
			}
			assertThat(launcher.stdout()).noneMatch((line) -> line.contains("stopped"));
		}
		assertThat(writers).allSatisfy((writer) -> {
			assertThat(writer.end).as("writer %d ended", writer.number).isNotNull();
			assertThat(writer.unmatched).as("updates of writer %d that found no document", writer.number).isZero();
		});
		long writes = number(statusBeforeKill, "writes") - number(statusAtStart, "writes");
		long commits = number(statusBeforeKill, "commits") - number(statusAtStart, "commits");
		assertThat(commits).isPositive();
		assertThat((double) writes / commits).as("writes per commit (%d writes, %d commits)", writes, commits)
			.isGreaterThan(1.0);

		try (EmbeddedMongoServer server = EmbeddedMongoServer.startWithDataDir(dataDir);
				MongoClient client = TestBackend.client(server)) {
			MongoCollection<Document> orders = client.getDatabase("shop").getCollection("orders");
			Map<String, Document> stored = new HashMap<>();
			orders.find().forEach((document) -> stored.put(document.getString("_id"), document));
			List<String> lost = new ArrayList<>();
			for (Writer writer : writers) {
				for (Map.Entry<String, State> entry : writer.acknowledged.entrySet()) {
					Document document = stored.remove(entry.getKey());
					State found = (document != null) ? State.of(document) : null;
					boolean pendingHere = entry.getKey().equals(writer.pendingId);
					if (!entry.getValue().equals(found) && !(pendingHere && writer.pending.equals(found))) {
						lost.add(entry.getKey() + ": acknowledged " + entry.getValue() + ", found " + found);
					}
				}
				if (writer.pendingId != null && !writer.acknowledged.containsKey(writer.pendingId)) {
					Document document = stored.remove(writer.pendingId);
					if (document != null && !State.of(document).equals(writer.pending)) {
						lost.add(writer.pendingId + ": inserted " + writer.pending + ", found " + document);
					}
				}
			}
			assertThat(lost).as("acknowledged writes lost or changed").isEmpty();
			assertThat(stored).as("documents nobody wrote").isEmpty();

			assertThat(TestBackend.indexDifferences(server, client, "shop")).isEmpty();
			List<Document> all = orders.find().into(new ArrayList<>());
			QueryCounters counters = TestBackend.queryCounters(server, "shop", "orders");
			for (String status : STATUSES) {
				long expected = all.stream().filter((order) -> status.equals(order.getString("status"))).count();
				assertThat(orders.countDocuments(Filters.eq("status", status))).isEqualTo(expected);
				assertThat(orders.find(Filters.eq("status", status)).into(new ArrayList<>())).hasSize((int) expected);
				assertThat(counters.lastPlan()).startsWith("status_1");
				for (int bucket = 0; bucket < 10; bucket += 3) {
					int low = bucket;
					long inRange = all.stream()
						.filter((order) -> status.equals(order.getString("status"))
								&& order.getInteger("bucket") >= low)
						.count();
					assertThat(orders
						.countDocuments(Filters.and(Filters.eq("status", status), Filters.gte("bucket", low))))
						.isEqualTo(inRange);
					assertThat(counters.lastPlan()).isEqualTo("status_1_bucket_-1");
				}
			}
			for (String tag : TAGS) {
				long expected = all.stream()
					.filter((order) -> order.getList("tags", String.class).contains(tag))
					.count();
				assertThat(orders.countDocuments(Filters.eq("tags", tag))).isEqualTo(expected);
				assertThat(counters.lastPlan()).isEqualTo("tags_1");
			}
			for (int bucket = 0; bucket < 10; bucket++) {
				int low = bucket;
				long expected = all.stream().filter((order) -> order.getInteger("bucket") > low).count();
				assertThat(orders.countDocuments(Filters.gt("bucket", low))).isEqualTo(expected);
				assertThat(counters.lastPlan()).isEqualTo("bucket_-1");
			}
		}
	}

	private static Document souqStatus(MongoClient client) {
		return client.getDatabase("admin").runCommand(new Document("serverStatus", 1)).get("souq", Document.class);
	}

	private static long number(Document status, String name) {
		return status.get(name, Number.class).longValue();
	}

	private static MongoClient client(String connectionString) {
		return MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(connectionString))
			.retryWrites(false)
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
			.applyToSocketSettings((socket) -> socket.connectTimeout(5, TimeUnit.SECONDS))
			.build());
	}

}
