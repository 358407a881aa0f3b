package io.souq.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * An application as it runs locally: its executable jar extracted under
 * {@code apps/<name>/} (re-extracted when the built jar changes, so a rebuild never
 * replaces a jar under a running JVM) and, on JDK 25+, an AOT cache trained once
 * ({@code -XX:AOTCacheOutput} with {@code -Dspring.context.exit=onRefresh}) and used at
 * every start ({@code -XX:AOTCache}). The jar path is the same in training and use.
 */
final class AppImage {

	private static final String IMAGE_STAMP = "souq-image.properties";

	private static final String AOT_STAMP = "souq-aot.properties";

	private static final String AOT_FAILED = "souq-aot-failed.properties";

	/** The feature release from which the JVM has {@code -XX:AOTCache}. */
	static final int AOT_JDK = 25;

	private final Component app;

	private final Path sourceJar;

	private final Path dir;

	private final Launcher launcher;

	private final SouqHome home;

	AppImage(Component app, Path repositoryRoot, SouqHome home, Launcher launcher) {
		this(app, repositoryRoot, home, home.apps(), launcher);
	}

	AppImage(Component app, Path repositoryRoot, SouqHome home, Path apps, Launcher launcher) {
		this.app = app;
		this.sourceJar = app.executableJar(repositoryRoot);
		this.dir = apps.resolve(app.name());
		this.launcher = launcher;
		this.home = home;
	}

	/**
	 * Whether the JVM running the launcher can use AOT caches.
	 * @return {@code true} on JDK 25 and later
	 */
	static boolean aotSupported() {
		return Runtime.version().feature() >= AOT_JDK;
	}

	Path sourceJar() {
		return this.sourceJar;
	}

	/**
	 * The jar the application runs from.
	 * @return {@code apps/<name>/<jar>}
	 */
	Path jar() {
		return this.dir.resolve(this.sourceJar.getFileName().toString());
	}

	Path aotCache() {
		return this.dir.resolve("app.aot");
	}

	Path trainingLog() {
		return this.home.logs().resolve(this.app.name() + "-aot.log");
	}

	/**
	 * Checks that the application has been built.
	 * @throws SouqException naming the module to build
	 */
	void requireBuilt() {
		if (!Files.isRegularFile(this.sourceJar)) {
			throw new SouqException(missingJarMessage(this.app, this.sourceJar));
		}
	}

	static String missingJarMessage(Component app, Path jar) {
		return app.name() + ": " + jar.getFileName() + " is missing in " + app.module()
				+ "/target: build the module (./souq build, or ./mvnw -pl " + app.module()
				+ " -am -DskipTests install)";
	}

	/**
	 * Extracts the jar if it has not been extracted yet or its content has changed since.
	 * A rebuild that only changes timestamps (every Maven build does) keeps the extracted
	 * copy and its AOT cache.
	 * @return {@code true} if it was (re-)extracted
	 */
	boolean extractIfNeeded() {
		requireBuilt();
		Path stampFile = this.dir.resolve(IMAGE_STAMP);
		Properties stored = load(stampFile);
		Properties current = fileStamp();
		if (Files.isRegularFile(jar()) && !stored.isEmpty()) {
			if (current.getProperty("size").equals(stored.getProperty("size"))
					&& current.getProperty("modified").equals(stored.getProperty("modified"))) {
				return false;
			}
			current.setProperty("fingerprint", fingerprint(this.sourceJar));
			if (current.getProperty("fingerprint").equals(stored.getProperty("fingerprint"))) {
				store(stampFile, current);
				return false;
			}
		}
		else {
			current.setProperty("fingerprint", fingerprint(this.sourceJar));
		}
		Path staging = this.dir.resolveSibling(this.app.name() + ".extracting");
		deleteRecursively(staging);
		int exit = this.launcher.runHelper(
				this.app.name() + ": extracting " + this.sourceJar.getFileName(), List.of("-Djarmode=tools", "-jar",
						this.sourceJar.toString(), "extract", "--destination", staging.toString()),
				Map.of(), trainingLog(), Duration.ofMinutes(2));
		if (exit != 0 || !Files.isRegularFile(staging.resolve(this.sourceJar.getFileName().toString()))) {
			throw new SouqException(
					this.app.name() + ": extracting " + this.sourceJar + " failed (see " + trainingLog() + ")");
		}
		store(staging.resolve(IMAGE_STAMP), current);
		deleteRecursively(this.dir);
		try {
			Files.move(staging, this.dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return true;
	}

	/**
	 * A digest of a jar's content that ignores timestamps: every entry's name and CRC,
	 * and for the project's own nested jars ({@code souq-*.jar}, rebuilt with new
	 * timestamps by every build) the names and CRCs of their entries.
	 * @param jar the jar
	 * @return the digest, hex-encoded
	 */
	static String fingerprint(Path jar) {
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			List<? extends ZipEntry> entries = zip.stream()
				.filter((entry) -> !entry.isDirectory())
				.sorted(Comparator.comparing(ZipEntry::getName))
				.toList();
			for (ZipEntry entry : entries) {
				String name = entry.getName();
				String fileName = name.substring(name.lastIndexOf('/') + 1);
				digest.update((name + "\n").getBytes(StandardCharsets.UTF_8));
				if (fileName.startsWith("souq-") && fileName.endsWith(".jar")) {
					for (String part : nestedEntries(zip, entry)) {
						digest.update((part + "\n").getBytes(StandardCharsets.UTF_8));
					}
				}
				else {
					digest.update((entry.getCrc() + ":" + entry.getSize() + "\n").getBytes(StandardCharsets.UTF_8));
				}
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			throw new SouqException("cannot read " + jar + ": " + ex.getMessage(), ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> nestedEntries(ZipFile zip, ZipEntry jar) throws IOException {
		List<String> parts = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(zip.getInputStream(jar))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				if (entry.isDirectory()) {
					continue;
				}
				CRC32 crc = new CRC32();
				crc.update(in.readAllBytes());
				parts.add(entry.getName() + ":" + crc.getValue());
			}
		}
		parts.sort(null);
		return parts;
	}

	/**
	 * Whether a usable AOT cache exists for these JVM options.
	 * @param jvmOptions the options the application runs with
	 * @return {@code true} if the cache matches the jar, the JDK and the options
	 */
	boolean hasAotCache(List<String> jvmOptions) {
		return aotSupported() && Files.isRegularFile(aotCache())
				&& aotStamp(jvmOptions).equals(load(this.dir.resolve(AOT_STAMP)));
	}

	/**
	 * Whether training should be tried: AOT is supported, there is no matching cache, and
	 * training has not already failed for this jar, JDK and options.
	 * @param jvmOptions the options the application runs with
	 * @return {@code true} if a training run is due
	 */
	boolean needsTraining(List<String> jvmOptions) {
		return aotSupported() && !hasAotCache(jvmOptions)
				&& !aotStamp(jvmOptions).equals(load(this.dir.resolve(AOT_FAILED)));
	}

	/**
	 * Runs the training run that writes the AOT cache.
	 * @param jvmOptions the options the application runs with
	 * @param environment the environment it runs with
	 * @param timeout how long training may take
	 * @return {@code true} if a cache was written
	 */
	boolean train(List<String> jvmOptions, Map<String, String> environment, Duration timeout) {
		Path cache = aotCache();
		try {
			Files.deleteIfExists(cache);
			Files.deleteIfExists(cache.resolveSibling(cache.getFileName() + ".config"));
			Files.deleteIfExists(this.dir.resolve(AOT_STAMP));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> arguments = new ArrayList<>(jvmOptions);
		arguments.add("-XX:AOTCacheOutput=" + cache);
		arguments.add("-Dspring.context.exit=onRefresh");
		arguments.add("-jar");
		arguments.add(jar().toString());
		int exit;
		try {
			exit = this.launcher.runHelper(this.app.name() + ": AOT training run", arguments, environment,
					trainingLog(), timeout);
		}
		catch (SouqException ex) {
			if (this.launcher.isAborted()) {
				throw ex;
			}
			exit = -1;
		}
		if (this.launcher.isAborted() || exit == 130 || exit == 143) {
			// Ctrl-C reached the training JVM too (it shares the terminal): not a failure
			throw new SouqException(this.app.name() + ": AOT training interrupted");
		}
		Properties stamp = aotStamp(jvmOptions);
		if (exit == 0 && Files.isRegularFile(cache)) {
			store(this.dir.resolve(AOT_STAMP), stamp);
			return true;
		}
		store(this.dir.resolve(AOT_FAILED), stamp);
		return false;
	}

	/**
	 * The arguments that run the application.
	 * @param jvmOptions the JVM options
	 * @param useAotCache whether to add {@code -XX:AOTCache}
	 * @return the JVM's arguments
	 */
	List<String> runArguments(List<String> jvmOptions, boolean useAotCache) {
		List<String> arguments = new ArrayList<>(jvmOptions);
		if (useAotCache) {
			arguments.add("-XX:AOTCache=" + aotCache());
		}
		arguments.add("-jar");
		arguments.add(jar().toString());
		return arguments;
	}

	private Properties fileStamp() {
		try {
			BasicFileAttributes attributes = Files.readAttributes(this.sourceJar, BasicFileAttributes.class);
			Properties stamp = new Properties();
			stamp.setProperty("jar", this.sourceJar.toString());
			stamp.setProperty("size", Long.toString(attributes.size()));
			stamp.setProperty("modified", Long.toString(attributes.lastModifiedTime().toMillis()));
			return stamp;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Properties aotStamp(List<String> jvmOptions) {
		Properties stamp = new Properties();
		stamp.setProperty("fingerprint", load(this.dir.resolve(IMAGE_STAMP)).getProperty("fingerprint", ""));
		stamp.setProperty("java.home", System.getProperty("java.home"));
		stamp.setProperty("java.version", Runtime.version().toString());
		stamp.setProperty("options", String.join(" ", jvmOptions));
		return stamp;
	}

	private static Properties load(Path file) {
		Properties properties = new Properties();
		if (Files.isRegularFile(file)) {
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
			catch (IOException ex) {
				// an unreadable stamp counts as none
			}
		}
		return properties;
	}

	private static void store(Path file, Properties properties) {
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			properties.store(writer, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void deleteRecursively(Path path) {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(path)) {
			for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(each);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
