package io.souq.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The AOT cache of Kafka or GreenMail (JDK 25+; the store runs without one, see
 * {@link LocalPlatform#MONGO_JVM_OPTIONS}). There is no separate training run: a start
 * without a cache records one ({@code -XX:AOTCacheOutput}), which the JVM writes when the
 * component stops (SIGTERM from {@code down} or {@code stop}); the next start uses it
 * ({@code -XX:AOTCache}). The cache is dropped when the classpath, the JDK or the JVM
 * options change.
 */
final class InfraCache {

	private static final String STAMP = "souq-aot.properties";

	private final Path dir;

	private final List<Path> classpath;

	private final List<String> jvmOptions;

	/**
	 * Creates the cache of one component.
	 * @param dir the component's directory under {@code apps/}
	 * @param classpath the jars (or directories of jars) it runs from
	 * @param jvmOptions its JVM options
	 */
	InfraCache(Path dir, List<Path> classpath, List<String> jvmOptions) {
		this.dir = dir;
		this.classpath = classpath;
		this.jvmOptions = jvmOptions;
	}

	Path cache() {
		return this.dir.resolve("infra.aot");
	}

	/**
	 * Whether a complete cache matching the classpath, JDK and options exists.
	 * @return {@code true} if it can be used
	 */
	boolean usable() {
		return Files.isRegularFile(cache()) && !Files.exists(this.dir.resolve("infra.aot.config"))
				&& stamp().equals(load());
	}

	/**
	 * The JVM option to add: use the cache if it is usable, otherwise record one.
	 * @return {@code -XX:AOTCache=...} or {@code -XX:AOTCacheOutput=...}
	 */
	String option() {
		if (usable()) {
			return "-XX:AOTCache=" + cache();
		}
		try {
			Files.createDirectories(this.dir);
			Files.deleteIfExists(cache());
			Files.deleteIfExists(this.dir.resolve("infra.aot.config"));
			try (Writer writer = Files.newBufferedWriter(this.dir.resolve(STAMP), StandardCharsets.UTF_8)) {
				stamp().store(writer, null);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return "-XX:AOTCacheOutput=" + cache();
	}

	private Properties load() {
		Properties properties = new Properties();
		Path file = this.dir.resolve(STAMP);
		if (Files.isRegularFile(file)) {
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
			catch (IOException ex) {
				// no stamp
			}
		}
		return properties;
	}

	private Properties stamp() {
		Properties stamp = new Properties();
		stamp.setProperty("java.home", System.getProperty("java.home"));
		stamp.setProperty("java.version", Runtime.version().toString());
		stamp.setProperty("options", String.join(" ", this.jvmOptions));
		stamp.setProperty("classpath", String.join(",", describe(this.classpath)));
		return stamp;
	}

	private static List<String> describe(List<Path> classpath) {
		List<String> result = new ArrayList<>();
		for (Path entry : classpath) {
			try {
				if (Files.isDirectory(entry)) {
					try (Stream<Path> jars = Files.list(entry)) {
						jars.filter((jar) -> jar.toString().endsWith(".jar"))
							.sorted()
							.forEach((jar) -> result.add(describe(jar)));
					}
				}
				else {
					result.add(describe(entry));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return result;
	}

	private static String describe(Path jar) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
			return jar.getFileName() + ":" + attributes.size() + ":" + attributes.lastModifiedTime().toMillis();
		}
		catch (IOException ex) {
			return jar.getFileName() + ":?";
		}
	}

}
