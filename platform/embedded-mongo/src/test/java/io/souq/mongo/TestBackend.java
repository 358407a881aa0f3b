package io.souq.mongo;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoCollection;

/** The two storages every backend feature is tested with. */
enum TestBackend {

	IN_MEMORY {
		@Override
		EmbeddedMongoServer start(Path tempDir) {
			return EmbeddedMongoServer.startInMemory();
		}
	},

	H2_FILE {
		@Override
		EmbeddedMongoServer start(Path tempDir) {
			return EmbeddedMongoServer.startWithDataDir(tempDir.resolve("data"));
		}
	};

	abstract EmbeddedMongoServer start(Path tempDir);

	static MongoClient client(EmbeddedMongoServer server) {
		return MongoClients.create(server.connectionString());
	}

	static QueryCounters queryCounters(EmbeddedMongoServer server, String database, String collection) {
		MongoCollection<?> serverCollection = server.backend()
			.resolveDatabase(database)
			.resolveCollection(collection, true);
		return ((SouqCollection) serverCollection).queryCounters();
	}

}
