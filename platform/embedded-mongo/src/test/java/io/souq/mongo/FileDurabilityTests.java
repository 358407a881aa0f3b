package io.souq.mongo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every acknowledged write of the file storage is in its files before the reply: a copy
 * of the files taken while the server runs (what a killed process leaves behind) holds
 * every acknowledged write.
 */
class FileDurabilityTests {

	@TempDir
	Path tempDir;

	@Test
	void everyKindOfWriteIsInTheFileWhenAcknowledged() throws IOException {
		Path dataDir = this.tempDir.resolve("data");
		try (EmbeddedMongoServer server = EmbeddedMongoServer.startWithDataDir(dataDir);
				MongoClient client = TestBackend.client(server)) {
			MongoDatabase shop = client.getDatabase("shop");
			MongoCollection<Document> orders = shop.getCollection("orders");

			orders.insertOne(new Document("_id", 1).append("status", "NEW"));
			assertThat(orderAfterCrash(dataDir, 1)).containsEntry("status", "NEW");

			orders.updateOne(Filters.eq("_id", 1), Updates.set("status", "PAID"));
			assertThat(orderAfterCrash(dataDir, 1)).containsEntry("status", "PAID");

			orders.findOneAndUpdate(Filters.eq("_id", 1), Updates.set("status", "SHIPPED"));
			assertThat(orderAfterCrash(dataDir, 1)).containsEntry("status", "SHIPPED");

			orders.createIndex(Indexes.ascending("reference"), new IndexOptions().unique(true));
			assertThat(namesAfterCrash(dataDir, FileDurabilityTests::indexNames)).contains("reference_1");

			orders.deleteOne(Filters.eq("_id", 1));
			assertThat(orderAfterCrash(dataDir, 1)).isNull();

			shop.getCollection("payments").insertOne(new Document("_id", 2));
			assertThat(namesAfterCrash(dataDir, FileDurabilityTests::collectionNames)).contains("payments");
			shop.getCollection("payments").drop();
			assertThat(namesAfterCrash(dataDir, FileDurabilityTests::collectionNames)).doesNotContain("payments");

			client.getDatabase("scratch").getCollection("notes").insertOne(new Document("_id", 3));
			assertThat(namesAfterCrash(dataDir, FileDurabilityTests::databaseNames)).contains("scratch");
			client.getDatabase("scratch").drop();
			assertThat(namesAfterCrash(dataDir, FileDurabilityTests::databaseNames)).doesNotContain("scratch");
		}
	}

	/**
	 * Reads a copy of the running server's data file, as a killed process would leave it:
	 * no close, no final commit.
	 */
	private <T> T afterCrash(Path dataDir, Function<MongoClient, T> read) throws IOException {
		Path copy = Files.createTempDirectory(this.tempDir, "crash-copy");
		copyFiles(dataDir, copy);
		try (EmbeddedMongoServer server = EmbeddedMongoServer.startWithDataDir(copy);
				MongoClient client = TestBackend.client(server)) {
			return read.apply(client);
		}
	}

	private Document orderAfterCrash(Path dataDir, int id) throws IOException {
		return afterCrash(dataDir, (copy) -> order(copy, id));
	}

	private List<String> namesAfterCrash(Path dataDir, Function<MongoClient, List<String>> names) throws IOException {
		return afterCrash(dataDir, names);
	}

	private static Document order(MongoClient client, int id) {
		return client.getDatabase("shop").getCollection("orders").find(Filters.eq("_id", id)).first();
	}

	private static List<String> indexNames(MongoClient client) {
		return client.getDatabase("shop")
			.getCollection("orders")
			.listIndexes()
			.map((index) -> index.getString("name"))
			.into(new ArrayList<>());
	}

	private static List<String> collectionNames(MongoClient client) {
		return client.getDatabase("shop").listCollectionNames().into(new ArrayList<>());
	}

	private static List<String> databaseNames(MongoClient client) {
		return client.listDatabaseNames().into(new ArrayList<>());
	}

	@Test
	void failedWriteStillCommitsWhatItWrote() throws IOException {
		try (EmbeddedMongoServer server = EmbeddedMongoServer.startWithDataDir(this.tempDir.resolve("data"));
				MongoClient client = TestBackend.client(server)) {
			MongoCollection<Document> orders = client.getDatabase("shop").getCollection("orders");
			orders.insertOne(new Document("_id", 1));
			assertThatExceptionOfType(com.mongodb.MongoBulkWriteException.class).isThrownBy(() -> orders.insertMany(
					List.of(new Document("_id", 2), new Document("_id", 1), new Document("_id", 3)),
					new com.mongodb.client.model.InsertManyOptions().ordered(false)));
			Long count = afterCrash(this.tempDir.resolve("data"),
					(copy) -> copy.getDatabase("shop").getCollection("orders").countDocuments());
			assertThat(count).isEqualTo(3);
		}
	}

	@Test
	void copyOfTheRunningServersFileHoldsEveryAcknowledgedWrite() throws IOException {
		Path dataDir = this.tempDir.resolve("data");
		Path crashCopy = this.tempDir.resolve("crash-copy");
		try (EmbeddedMongoServer server = EmbeddedMongoServer.startWithDataDir(dataDir);
				MongoClient client = TestBackend.client(server)) {
			MongoCollection<Document> orders = client.getDatabase("shop").getCollection("orders");
			orders.createIndex(Indexes.ascending("reference"), new IndexOptions().unique(true));
			for (int i = 0; i < 200; i++) {
				orders.insertOne(new Document("_id", i).append("reference", "R-" + i).append("status", "NEW"));
			}
			orders.updateOne(Filters.eq("_id", 7), Updates.set("status", "PAID"));
			orders.deleteOne(Filters.eq("_id", 8));
			// the file as a killed process would leave it: no close, no final commit
			Files.createDirectories(crashCopy);
			copyFiles(dataDir, crashCopy);
		}
		try (EmbeddedMongoServer server = EmbeddedMongoServer.startWithDataDir(crashCopy);
				MongoClient client = TestBackend.client(server)) {
			MongoCollection<Document> orders = client.getDatabase("shop").getCollection("orders");
			assertThat(orders.countDocuments()).isEqualTo(199);
			assertThat(orders.find(Filters.eq("_id", 7)).first()).containsEntry("status", "PAID");
			assertThat(orders.find(Filters.eq("_id", 8)).first()).isNull();
			assertThat(orders.find(Filters.eq("_id", 199)).first()).containsEntry("reference", "R-199");
			assertThatExceptionOfType(MongoWriteException.class)
				.isThrownBy(() -> orders.insertOne(new Document("_id", 1_000).append("reference", "R-5")))
				.satisfies((ex) -> assertThat(ex.getError().getCode()).isEqualTo(11000));
		}
	}

	@Test
	void commandsThatMayWriteAreKnown() {
		assertThat(SouqBackend.mayWrite("find", new de.bwaldvogel.mongo.bson.Document())).isFalse();
		assertThat(SouqBackend.mayWrite("getMore", new de.bwaldvogel.mongo.bson.Document())).isFalse();
		assertThat(SouqBackend.mayWrite("insert", new de.bwaldvogel.mongo.bson.Document())).isTrue();
		assertThat(SouqBackend.mayWrite("findAndModify", new de.bwaldvogel.mongo.bson.Document())).isTrue();
		assertThat(SouqBackend.mayWrite("aggregate",
				new de.bwaldvogel.mongo.bson.Document("pipeline", List
					.of(new de.bwaldvogel.mongo.bson.Document("$match", new de.bwaldvogel.mongo.bson.Document())))))
			.isFalse();
		assertThat(SouqBackend.mayWrite("aggregate", new de.bwaldvogel.mongo.bson.Document("pipeline",
				List.of(new de.bwaldvogel.mongo.bson.Document("$out", "copy")))))
			.isTrue();
	}

	/** The store's log files as they are now (not its lock file). */
	private static void copyFiles(Path dataDir, Path copy) throws IOException {
		try (java.util.stream.Stream<Path> files = Files.list(dataDir)) {
			for (Path file : files.filter((each) -> each.getFileName().toString().endsWith(".jdb")).sorted().toList()) {
				Files.copy(file, copy.resolve(file.getFileName()));
			}
		}
	}

}
