package io.souq.mongo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
		return collection(server, database, collection).queryCounters();
	}

	/** The server's side of a collection (created when missing). */
	static SouqCollection collection(EmbeddedMongoServer server, String database, String collection) {
		MongoCollection<?> serverCollection = server.backend()
			.resolveDatabase(database)
			.resolveCollection(collection, true);
		return (SouqCollection) serverCollection;
	}

	/**
	 * The differences between each secondary index and its rebuild from the documents,
	 * over every collection of a database, each prefixed with its collection.
	 */
	static List<String> indexDifferences(EmbeddedMongoServer server, MongoClient client, String database) {
		List<String> differences = new ArrayList<>();
		for (String name : client.getDatabase(database).listCollectionNames()) {
			for (String difference : collection(server, database, name).verifyIndexes()) {
				differences.add(name + ": " + difference);
			}
		}
		return differences;
	}

	/** The secondary index of that name. */
	static SecondaryIndex secondaryIndex(EmbeddedMongoServer server, String database, String collection, String index) {
		return collection(server, database, collection).secondaryIndexes()
			.stream()
			.filter((candidate) -> candidate.getName().equals(index))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no index " + index + " on " + collection));
	}

}
