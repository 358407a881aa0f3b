package io.souq.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The directory a platform keeps everything in ({@code SOUQ_HOME}, default
 * {@code <repository>/.souq}): data, logs, pid files, extracted applications and
 * generated configuration.
 *
 * @param root the directory
 */
public record SouqHome(Path root) {

	/**
	 * Creates the home from a path, made absolute.
	 * @param root the directory
	 */
	public SouqHome {
		root = root.toAbsolutePath().normalize();
	}

	/**
	 * The data directory: Kafka's log dirs, MongoDB's files. Wiped by {@code reset}.
	 * @return {@code data/}
	 */
	public Path data() {
		return this.root.resolve("data");
	}

	/**
	 * The logs directory.
	 * @return {@code logs/}
	 */
	public Path logs() {
		return this.root.resolve("logs");
	}

	/**
	 * The pid files directory.
	 * @return {@code run/}
	 */
	public Path run() {
		return this.root.resolve("run");
	}

	/**
	 * Extracted application jars and their AOT caches.
	 * @return {@code apps/}
	 */
	public Path apps() {
		return this.root.resolve("apps");
	}

	/**
	 * Generated configuration (Kafka's server.properties, log4j2 files).
	 * @return {@code config/}
	 */
	public Path config() {
		return this.root.resolve("config");
	}

	/**
	 * A private copy of the launcher classpath that infrastructure processes run from, so
	 * that a rebuild of deploy/local does not replace jars under a running JVM.
	 * @return {@code lib/}
	 */
	public Path lib() {
		return this.root.resolve("lib");
	}

	/**
	 * The lock files, one per component, that serialise its starts and stops across
	 * {@code ./souq} commands.
	 * @return {@code locks/}
	 */
	public Path locks() {
		return this.root.resolve("locks");
	}

	/**
	 * A component's log file.
	 * @param name the component
	 * @return {@code logs/<name>.log}
	 */
	public Path log(String name) {
		return logs().resolve(name + ".log");
	}

	/**
	 * A component's pid file.
	 * @param name the component
	 * @return {@code run/<name>.pid}
	 */
	public Path pidFile(String name) {
		return run().resolve(name + ".pid");
	}

	/**
	 * Creates the directories.
	 * @return this home
	 */
	public SouqHome create() {
		try {
			for (Path dir : new Path[] { data(), logs(), run(), apps(), config(), lib(), locks() }) {
				Files.createDirectories(dir);
			}
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
