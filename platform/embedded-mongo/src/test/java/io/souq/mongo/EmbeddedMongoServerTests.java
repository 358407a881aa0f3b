package io.souq.mongo;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EmbeddedMongoServerTests {

	@TempDir
	Path tempDir;

	@Test
	void inMemoryServerListensOnAFreeLoopbackPort() {
		try (EmbeddedMongoServer server = EmbeddedMongoServer.startInMemory();
				MongoClient client = TestBackend.client(server)) {
			assertThat(server.connectionString()).isEqualTo("mongodb://127.0.0.1:" + server.port());
			assertThat(server.port()).isPositive();
			assertThat(server.host()).isEqualTo("127.0.0.1");
			assertThat(server.storage()).isEqualTo(MongoStorage.inMemory());
			MongoCollection<Document> customers = client.getDatabase("crm").getCollection("customers");
			customers.insertOne(new Document("_id", "c-1").append("name", "Amal"));
			assertThat(customers.find(Filters.eq("_id", "c-1")).first()).containsEntry("name", "Amal");
		}
	}

	@Test
	void closedServerNoLongerAcceptsConnections() {
		EmbeddedMongoServer server = EmbeddedMongoServer.startInMemory();
		int port = server.port();
		server.close();
		server.close();
		assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
			}
		});
	}

	@Test
	void dataDirIsCreatedAndKeepsTheDataAcrossRestarts() throws IOException {
		Path dataDir = this.tempDir.resolve("nested/data");
		try (EmbeddedMongoServer server = EmbeddedMongoServer.startWithDataDir(dataDir);
				MongoClient client = TestBackend.client(server)) {
			client.getDatabase("shop").getCollection("orders").insertOne(new Document("_id", "o-1"));
		}
		try (java.util.stream.Stream<Path> files = Files.list(dataDir)) {
			assertThat(files.map((file) -> file.getFileName().toString())).anyMatch((name) -> name.endsWith(".jdb"));
		}
		try (EmbeddedMongoServer server = EmbeddedMongoServer.startWithDataDir(dataDir);
				MongoClient client = TestBackend.client(server)) {
			assertThat(server.storage()).isEqualTo(MongoStorage.dataDir(dataDir));
			assertThat(client.getDatabase("shop").getCollection("orders").countDocuments()).isOne();
			assertThat(client.listDatabaseNames()).containsExactly("shop");
		}
	}

	@Test
	void dataDirInUseByAnotherServerIsRefused() {
		Path dataDir = this.tempDir.resolve("data");
		try (EmbeddedMongoServer first = EmbeddedMongoServer.startWithDataDir(dataDir)) {
			assertThatExceptionOfType(EmbeddedMongoException.class)
				.isThrownBy(() -> EmbeddedMongoServer.startWithDataDir(dataDir))
				.withMessageContaining("in use by another")
				.withMessageContaining(dataDir.toString());
			assertThat(first.port()).isPositive();
		}
	}

	@Test
	void dataDirThatIsAFileIsRefused() throws IOException {
		Path file = Files.createFile(this.tempDir.resolve("not-a-dir"));
		assertThatExceptionOfType(EmbeddedMongoException.class)
			.isThrownBy(() -> EmbeddedMongoServer.startWithDataDir(file))
			.withMessageStartingWith("cannot create data dir " + file);
	}

	@Test
	void portInUseIsReportedInOneLine() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
			assertThatExceptionOfType(EmbeddedMongoException.class)
				.isThrownBy(() -> EmbeddedMongoServer.start(MongoStorage.inMemory(), "127.0.0.1", taken.getLocalPort()))
				.withMessage("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use");
		}
	}

	@Test
	void portInUseReleasesTheDataFile() throws IOException {
		Path dataDir = this.tempDir.resolve("data");
		try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
			assertThatExceptionOfType(EmbeddedMongoException.class).isThrownBy(
					() -> EmbeddedMongoServer.start(MongoStorage.dataDir(dataDir), "127.0.0.1", taken.getLocalPort()));
		}
		try (EmbeddedMongoServer server = EmbeddedMongoServer.startWithDataDir(dataDir)) {
			assertThat(server.port()).isPositive();
		}
	}

	@Test
	void unresolvableBindAddressIsReported() {
		assertThatExceptionOfType(EmbeddedMongoException.class)
			.isThrownBy(() -> EmbeddedMongoServer.start(MongoStorage.inMemory(), "no-such-host.invalid", 0))
			.withMessage("cannot resolve bind address 'no-such-host.invalid'");
	}

	@Test
	void portOutOfRangeIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmbeddedMongoServer.start(MongoStorage.inMemory(), "127.0.0.1", 70_000));
	}

	@Test
	void wildcardBindAddressGivesALoopbackConnectionString() {
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(MongoStorage.inMemory(), "0.0.0.0", 0)) {
			assertThat(server.connectionString()).isEqualTo("mongodb://127.0.0.1:" + server.port());
			assertThat(server.toString()).contains(server.connectionString()).contains("in-memory");
		}
	}

	@Test
	void refusesAFileOfTheOlderFormatInOneLineThatSaysWhatToDo() throws IOException {
		Path dataDir = this.tempDir.resolve("data");
		Path dataFile = dataDir.resolve(SouqBackend.OLDER_FORMAT_FILE);
		MongoServer plain = new MongoServer(new H2Backend(createdParent(dataFile).toString()));
		String connectionString = plain.bindAndGetConnectionString();
		try (MongoClient client = com.mongodb.client.MongoClients.create(connectionString)) {
			client.getDatabase("shop").getCollection("orders").insertOne(new Document("_id", "o-1").append("total", 9));
		}
		finally {
			plain.shutdownNow();
		}
		long size = Files.size(dataFile);
		assertThatExceptionOfType(EmbeddedMongoException.class)
			.isThrownBy(() -> EmbeddedMongoServer.startWithDataDir(dataDir))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\n")
				.contains(dataDir.toString())
				.contains("older storage format")
				.contains("./souq reset"));
		// refused, not rewritten: the data is still there for whoever moves it away
		assertThat(Files.size(dataFile)).isEqualTo(size);
	}

	private static Path createdParent(Path file) {
		try {
			Files.createDirectories(file.getParent());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return file;
	}

}
