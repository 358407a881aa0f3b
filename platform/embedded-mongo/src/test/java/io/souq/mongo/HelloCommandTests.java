package io.souq.mongo;

import java.nio.file.Path;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ServerApi;
import com.mongodb.ServerApiVersion;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class HelloCommandTests {

	@TempDir
	Path tempDir;

	@ParameterizedTest
	@EnumSource(TestBackend.class)
	void helloAnswersAsAWritablePrimary(TestBackend backend) {
		try (EmbeddedMongoServer server = backend.start(this.tempDir);
				MongoClient client = TestBackend.client(server)) {
			Document reply = client.getDatabase("shop").runCommand(new Document("hello", 1));
			assertThat(reply.getBoolean("isWritablePrimary")).isTrue();
			assertThat(reply.get("ok", Number.class).doubleValue()).isEqualTo(1.0);
			assertThat(reply.getInteger("maxWireVersion")).isPositive();
			assertThat(reply.getInteger("maxBsonObjectSize")).isPositive();
		}
	}

	@ParameterizedTest
	@EnumSource(TestBackend.class)
	void helloIsAnsweredOnTheAdminDatabaseToo(TestBackend backend) {
		try (EmbeddedMongoServer server = backend.start(this.tempDir);
				MongoClient client = TestBackend.client(server)) {
			Document reply = client.getDatabase("admin").runCommand(new Document("hello", 1));
			assertThat(reply.getBoolean("isWritablePrimary")).isTrue();
		}
	}

	@ParameterizedTest
	@EnumSource(TestBackend.class)
	void stableApiClientConnectsAndWrites(TestBackend backend) {
		try (EmbeddedMongoServer server = backend.start(this.tempDir);
				MongoClient client = MongoClients.create(MongoClientSettings.builder()
					.applyConnectionString(new ConnectionString(server.connectionString()))
					.serverApi(ServerApi.builder().version(ServerApiVersion.V1).build())
					.build())) {
			MongoCollection<Document> orders = client.getDatabase("shop").getCollection("orders");
			orders.insertOne(new Document("_id", "o-1").append("total", 42));
			assertThat(orders.find(Filters.eq("_id", "o-1")).first()).containsEntry("total", 42);
		}
	}

	@Test
	void helloResponseKeepsTheIsMasterFieldsAndEndsWithOk() {
		de.bwaldvogel.mongo.bson.Document isMaster = new de.bwaldvogel.mongo.bson.Document("ismaster", true)
			.append("maxWireVersion", 13)
			.append("ok", 1.0);
		de.bwaldvogel.mongo.bson.Document hello = HelloCommand.helloResponse(isMaster);
		assertThat(hello).containsEntry("isWritablePrimary", true)
			.containsEntry("ismaster", true)
			.containsEntry("maxWireVersion", 13)
			.containsEntry("ok", 1.0);
		assertThat(hello.keySet()).last().isEqualTo("ok");
	}

	@Test
	void onlyHelloIsTakenForHello() {
		assertThat(HelloCommand.isHello("hello")).isTrue();
		assertThat(HelloCommand.isHello("Hello")).isTrue();
		assertThat(HelloCommand.isHello("isMaster")).isFalse();
	}

}
