package io.souq.mongo;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.ConnectionString;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@link MongoServerMain} as its own process: no acknowledged write is lost on SIGKILL,
 * unique indexes survive a restart, SIGTERM stops it cleanly, and wrong arguments or a
 * port in use end it with a one-line message.
 */
class MongoServerMainIT {

	private static final int ACKNOWLEDGED_INSERTS = 3_000;

	@TempDir
	Path tempDir;

	@Test
	void noAcknowledgedWriteIsLostOnSigkillAndUniqueIndexesSurviveTheRestart() throws Exception {
		Path dataDir = this.tempDir.resolve("data");
		Set<Integer> inserted = ConcurrentHashMap.newKeySet();
		Set<Integer> updated = ConcurrentHashMap.newKeySet();
		Set<Integer> deleted = ConcurrentHashMap.newKeySet();

		try (LauncherProcess launcher = LauncherProcess.start("--port", "0", "--data-dir", dataDir.toString());
				MongoClient client = client(launcher.awaitListening())) {
			MongoCollection<Document> orders = client.getDatabase("shop").getCollection("orders");
			orders.createIndex(Indexes.ascending("reference"), new IndexOptions().unique(true));
			AtomicBoolean writing = new AtomicBoolean(true);
			Thread writer = new Thread(() -> {
				try {
					for (int i = 0; writing.get(); i++) {
						orders.insertOne(new Document("_id", i).append("reference", "R-" + i).append("status", "NEW"));
						inserted.add(i);
						if (i % 5 == 0) {
							orders.updateOne(Filters.eq("_id", i), Updates.set("status", "PAID"));
							updated.add(i);
						}
						if (i % 7 == 3) {
							orders.deleteOne(Filters.eq("_id", i));
							deleted.add(i);
						}
					}
				}
				catch (MongoException ex) {
					// the server was killed mid-write: that write was not acknowledged
				}
			}, "writer");
			writer.start();
			await().atMost(Duration.ofMinutes(2)).until(() -> inserted.size() >= ACKNOWLEDGED_INSERTS);
			launcher.kill();
			writing.set(false);
			writer.join(TimeUnit.MINUTES.toMillis(1));
			assertThat(writer.isAlive()).isFalse();
			assertThat(launcher.stdout()).noneMatch((line) -> line.contains("stopped"));
		}

		try (LauncherProcess launcher = LauncherProcess.start("--port", "0", "--data-dir", dataDir.toString());
				MongoClient client = client(launcher.awaitListening())) {
			MongoCollection<Document> orders = client.getDatabase("shop").getCollection("orders");
			List<Integer> missing = new ArrayList<>();
			List<Integer> notUpdated = new ArrayList<>();
			List<Integer> notDeleted = new ArrayList<>();
			for (int id : inserted) {
				Document order = orders.find(Filters.eq("_id", id)).first();
				if (deleted.contains(id)) {
					if (order != null) {
						notDeleted.add(id);
					}
				}
				else if (order == null) {
					missing.add(id);
				}
				else if (updated.contains(id) && !"PAID".equals(order.getString("status"))) {
					notUpdated.add(id);
				}
			}
			assertThat(inserted).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_INSERTS);
			assertThat(missing).as("acknowledged inserts lost").isEmpty();
			assertThat(notUpdated).as("acknowledged updates lost").isEmpty();
			assertThat(notDeleted).as("acknowledged deletes lost").isEmpty();

			assertThat(orders.listIndexes()).anySatisfy((index) -> {
				assertThat(index.get("key", Document.class)).containsEntry("reference", 1);
				assertThat(index.getBoolean("unique")).isTrue();
			});
			assertThatExceptionOfType(MongoWriteException.class)
				.isThrownBy(() -> orders.insertOne(new Document("_id", -1).append("reference", "R-0")))
				.satisfies((ex) -> assertThat(ex.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));

			orders.insertOne(new Document("_id", -2).append("reference", "R-last"));
			launcher.terminate();
			assertThat(launcher.awaitExit()).isEqualTo(143);
			assertThat(launcher.stdout()).as("stdout, stderr: %s", launcher.stderr())
				.last()
				.isEqualTo("souq-embedded-mongo stopped");
			assertThat(launcher.stderr()).isEmpty();
		}

		try (LauncherProcess launcher = LauncherProcess.start("--port", "0", "--data-dir", dataDir.toString());
				MongoClient client = client(launcher.awaitListening())) {
			MongoCollection<Document> orders = client.getDatabase("shop").getCollection("orders");
			assertThat(orders.find(Filters.eq("_id", -2)).first()).containsEntry("reference", "R-last");
			launcher.terminate();
			assertThat(launcher.awaitExit()).isEqualTo(143);
		}
	}

	@Test
	void inMemoryLauncherServesClients() throws Exception {
		try (LauncherProcess launcher = LauncherProcess.start("--port", "0", "--in-memory");
				MongoClient client = client(launcher.awaitListening())) {
			assertThat(launcher.stdout()).first().asString().endsWith("(in-memory)");
			Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));
			assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
			launcher.terminate();
			assertThat(launcher.awaitExit()).isEqualTo(143);
		}
	}

	@Test
	void wrongArgumentEndsWithOneLineAndExitCode2() throws Exception {
		try (LauncherProcess launcher = LauncherProcess.start("--in-memory", "--port", "lots")) {
			assertThat(launcher.awaitExit()).isEqualTo(2);
			assertThat(launcher.stderr()).singleElement()
				.asString()
				.startsWith("souq-embedded-mongo: --port must be a number between 0 and 65535, not 'lots'");
			assertThat(launcher.stdout()).isEmpty();
		}
	}

	@Test
	void portInUseEndsWithOneLineAndExitCode1() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
				LauncherProcess launcher = LauncherProcess.start("--in-memory", "--port",
						String.valueOf(taken.getLocalPort()))) {
			assertThat(launcher.awaitExit()).isEqualTo(1);
			assertThat(launcher.stderr()).containsExactly(
					"souq-embedded-mongo: port " + taken.getLocalPort() + " on 127.0.0.1 is already in use");
			assertThat(launcher.stdout()).isEmpty();
		}
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
