package io.souq.mongo;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where an {@link EmbeddedMongoServer} keeps its data: in memory (lost on close) or in an
 * H2 MVStore file inside a directory.
 */
public sealed interface MongoStorage {

	/**
	 * Name of the H2 MVStore file that {@link #dataDir(Path)} storage keeps its data in.
	 */
	String DATA_FILE_NAME = "souq.mv.db";

	/**
	 * Data kept in memory only, gone when the server closes.
	 * @return the in-memory storage
	 */
	static MongoStorage inMemory() {
		return new InMemory();
	}

	/**
	 * Data kept in the file {@value #DATA_FILE_NAME} inside {@code directory}, which is
	 * created when missing.
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
	 * Data kept in an H2 MVStore file; every acknowledged write is committed to it before
	 * the reply goes out.
	 *
	 * @param directory the data directory
	 */
	record DataDir(Path directory) implements MongoStorage {

		public DataDir {
			Objects.requireNonNull(directory, "directory");
			directory = directory.toAbsolutePath().normalize();
		}

		/**
		 * The H2 MVStore file inside the directory.
		 * @return the data file
		 */
		public Path dataFile() {
			return this.directory.resolve(DATA_FILE_NAME);
		}

		@Override
		public String toString() {
			return "data file " + dataFile();
		}

	}

}
