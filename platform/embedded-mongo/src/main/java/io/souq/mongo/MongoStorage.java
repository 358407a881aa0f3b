package io.souq.mongo;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where an {@link EmbeddedMongoServer} keeps its data: in memory (lost on close) or in an
 * directory (the store's log files).
 */
public sealed interface MongoStorage {

	/**
	 * Data kept in memory only, gone when the server closes.
	 * @return the in-memory storage
	 */
	static MongoStorage inMemory() {
		return new InMemory();
	}

	/**
	 * Data kept in the store's files inside {@code directory}, which is created when
	 * missing.
	 * @param directory the data directory
	 * @return the file storage
	 */
	static MongoStorage dataDir(Path directory) {
		return new DataDir(directory);
	}

	/** Data kept in memory only. */
	record InMemory() implements MongoStorage {

		@Override
		public String toString() {
			return "in-memory";
		}

	}

	/**
	 * Data kept in the files of a directory; every acknowledged write is in them before
	 * the reply goes out.
	 *
	 * @param directory the data directory
	 */
	record DataDir(Path directory) implements MongoStorage {

		public DataDir {
			Objects.requireNonNull(directory, "directory");
			directory = directory.toAbsolutePath().normalize();
		}

		@Override
		public String toString() {
			return "data dir " + this.directory;
		}

	}

}
