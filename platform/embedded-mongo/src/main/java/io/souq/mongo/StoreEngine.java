package io.souq.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.sleepycat.je.Database;
import com.sleepycat.je.DatabaseConfig;
import com.sleepycat.je.DatabaseNotFoundException;
import com.sleepycat.je.Durability;
import com.sleepycat.je.Environment;
import com.sleepycat.je.EnvironmentConfig;
import com.sleepycat.je.Transaction;
import com.sleepycat.je.TransactionConfig;

/**
 * The storage engine under the store: a Berkeley DB Java Edition environment, a
 * log-structured, transactional B-tree store in a directory (or in memory), holding one
 * database per map (a collection's documents, each of its indexes, its metadata).
 * <p>
 * Each command that writes runs in one transaction, committed before its reply without
 * writing to the file ({@link Durability.SyncPolicy#NO_SYNC}); {@link GroupCommit} then
 * writes the log of every command waiting at that moment to the file with one
 * {@link #flush()}. A crash loses only what was not flushed, whole transactions at a
 * time: recovery never sees half a command. The cleaner rewrites log files that are
 * mostly obsolete, so the files stay within about twice the live data.
 */
final class StoreEngine implements AutoCloseable {

	private static final long CACHE_BYTES = 64L << 20;

	private static final java.util.Set<Path> OPEN_DIRECTORIES = ConcurrentHashMap.newKeySet();

	private final Environment environment;

	private final Path directory;

	private final boolean persistent;

	private final Map<String, StoreMap> maps = new ConcurrentHashMap<>();

	private final TransactionConfig transactions = new TransactionConfig().setReadCommitted(true);

	private StoreEngine(Environment environment, Path directory, boolean persistent) {
		this.environment = environment;
		this.directory = directory;
		this.persistent = persistent;
	}

	/**
	 * Opens (or creates) the store in a directory.
	 * @param directory the directory, created when missing
	 * @return the engine
	 */
	static StoreEngine open(Path directory) {
		Path key = directory.toAbsolutePath().normalize();
		// JE shares one environment among the openers in a process: refuse a second one
		if (!OPEN_DIRECTORIES.add(key)) {
			throw new OpenElsewhereException(key);
		}
		try {
			return new StoreEngine(new Environment(directory.toFile(), config(false)), key, true);
		}
		catch (RuntimeException ex) {
			OPEN_DIRECTORIES.remove(key);
			throw ex;
		}
	}

	/**
	 * A store that keeps everything in memory (its directory only holds a lock file).
	 * @return the engine
	 */
	static StoreEngine inMemory() {
		try {
			Path directory = Files.createTempDirectory("souq-store-");
			return new StoreEngine(new Environment(directory.toFile(), config(true)), directory, false);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static EnvironmentConfig config(boolean inMemory) {
		EnvironmentConfig config = new EnvironmentConfig();
		config.setAllowCreate(true);
		config.setTransactional(true);
		config.setDurability(Durability.COMMIT_NO_SYNC);
		config.setCacheSize(CACHE_BYTES);
		config.setConfigParam(EnvironmentConfig.FILE_LOGGING_LEVEL, "OFF");
		config.setConfigParam(EnvironmentConfig.CONSOLE_LOGGING_LEVEL, "OFF");
		config.setConfigParam(EnvironmentConfig.LOCK_TIMEOUT, "10 s");
		config.setConfigParam(EnvironmentConfig.STATS_COLLECT, "false");
		if (inMemory) {
			config.setConfigParam(EnvironmentConfig.LOG_MEM_ONLY, "true");
		}
		return config;
	}

	boolean persistent() {
		return this.persistent;
	}

	/**
	 * A map, opened (or created) with its key order.
	 * @param name the map's name
	 * @param comparator the order of its keys, {@code null} for byte order
	 * @return the map
	 */
	StoreMap map(String name, KeyComparator comparator) {
		return this.maps.computeIfAbsent(name, (mapName) -> {
			DatabaseConfig config = new DatabaseConfig().setAllowCreate(true).setTransactional(true);
			if (comparator != null) {
				config.setBtreeComparator(comparator);
				config.setOverrideBtreeComparator(true);
			}
			Database database = this.environment.openDatabase(null, mapName, config);
			return new StoreMap(mapName, database, comparator);
		});
	}

	boolean exists(String name) {
		return this.maps.containsKey(name) || this.environment.getDatabaseNames().contains(name);
	}

	List<String> names() {
		return new ArrayList<>(this.environment.getDatabaseNames());
	}

	/**
	 * Removes a map and its content.
	 * @param name the map's name
	 */
	void remove(String name) {
		StoreMap map = this.maps.remove(name);
		if (map != null) {
			CommandScope.closeCursorsOf(map.database());
			map.database().close();
		}
		try {
			this.environment.removeDatabase(null, name);
		}
		catch (DatabaseNotFoundException ex) {
			// already gone
		}
	}

	/**
	 * Renames a map; it must be opened again under its new name.
	 * @param from the current name
	 * @param to the new name
	 */
	void rename(String from, String to) {
		StoreMap map = this.maps.remove(from);
		if (map != null) {
			CommandScope.closeCursorsOf(map.database());
			map.database().close();
		}
		this.environment.renameDatabase(null, from, to);
	}

	/** A transaction for one command's writes, committed without writing the file. */
	Transaction begin() {
		return this.environment.beginTransaction(null, this.transactions);
	}

	/** Writes the log of every commit so far to the file (not to the disk: no fsync). */
	void flush() {
		this.environment.flushLog(false);
	}

	/**
	 * The size of the store's files.
	 * @return bytes
	 */
	long fileSize() {
		if (!this.persistent) {
			return 0;
		}
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".jdb")).mapToLong((file) -> {
				try {
					return Files.size(file);
				}
				catch (IOException ex) {
					return 0;
				}
			}).sum();
		}
		catch (IOException ex) {
			return 0;
		}
	}

	@Override
	public void close() {
		for (StoreMap map : this.maps.values()) {
			map.database().close();
		}
		this.maps.clear();
		this.environment.close();
		OPEN_DIRECTORIES.remove(this.directory);
		if (!this.persistent) {
			try (Stream<Path> files = Files.list(this.directory)) {
				for (Path file : files.toList()) {
					Files.deleteIfExists(file);
				}
				Files.deleteIfExists(this.directory);
			}
			catch (IOException ex) {
				// a temporary directory: the system cleans it
			}
		}
	}

	/** The directory's store is open in this process already. */
	static final class OpenElsewhereException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		OpenElsewhereException(Path directory) {
			super("the store in " + directory + " is open in this process already");
		}

	}

}
