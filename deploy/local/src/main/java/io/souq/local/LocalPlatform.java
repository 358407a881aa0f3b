package io.souq.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local Souq platform: Kafka, the MongoDB-protocol server, GreenMail and the Spring
 * Boot applications, each its own JVM process, exactly as {@code ./souq up} runs them.
 * End-to-end tests use it to start a platform beside a developer's one (a separate home
 * and a port offset):
 *
 * <pre class="code">
 * LocalPlatform platform = LocalPlatform.builder(LocalPlatform.findRepositoryRoot())
 * 	.home(tempDir)
 * 	.portOffset(20000)
 * 	.build();
 * platform.up();
 * try {
 * 	// talk to platform.gatewayUrl(), platform.kafkaBootstrap() ...
 * 	platform.stop("payment-service");
 * 	platform.start("payment-service");
 * }
 * finally {
 * 	platform.down();
 * }
 * </pre>
 *
 * Nothing is built here: the applications' jars and the launcher classpath
 * ({@code deploy/local/target/lib}) must exist ({@code ./souq} builds them).
 */
public final class LocalPlatform implements AutoCloseable {

	/**
	 * How the store's launcher starts the one line it prints when it refuses to start.
	 */
	static final String STORE_FAILURE_PREFIX = "souq-embedded-mongo: ";

	private static final Logger logger = LoggerFactory.getLogger(LocalPlatform.class);

	/** The JVM options of the applications unless {@code SOUQ_APP_JAVA_OPTS} is set. */
	public static final List<String> DEFAULT_APP_JVM_OPTIONS = List.of("-Xmx192m", "-Xss512k", "-XX:+UseSerialGC",
			"-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=64m");

	static final List<String> KAFKA_JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

	/**
	 * The store's JVM options. It runs without an AOT cache: recording one while it
	 * serves ({@code -XX:AOTCacheOutput}, written at exit) crashed its JVM on the way out
	 * ({@code MethodTrainingData::cleanup}), and a cache would only save about a quarter
	 * of a second of its half-second start, which Kafka's longer start hides anyway.
	 */
	static final List<String> MONGO_JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC");

	static final List<String> SMTP_JVM_OPTIONS = List.of("-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

	static final String MONGO_MAIN = "io.souq.mongo.MongoServerMain";

	static final String GREENMAIL_MAIN = "com.icegreen.greenmail.standalone.GreenMailStandaloneRunner";

	/** The default admin account seeded by the customer service. */
	public static final String DEFAULT_ADMIN_EMAIL = "admin@souq.local";

	/** The default admin password. */
	public static final String DEFAULT_ADMIN_PASSWORD = "admin";

	private static final Duration POLL = Duration.ofMillis(250);

	static final String DEMO_CATALOG_MARKER = "demo-catalog.loaded";

	static final List<String> DEMO_CATALOG_NEEDS = List.of("gateway", "customer-service", "catalog-service",
			"inventory-service");

	private final Path repositoryRoot;

	private final SouqHome home;

	private final Path apps;

	private final Ports ports;

	private final Duration readinessTimeout;

	private final int appConcurrency;

	private final boolean aot;

	private final List<String> appJvmOptions;

	private final String adminEmail;

	private final String adminPassword;

	private final PrintStream out;

	private final boolean demoData;

	private final Map<String, String> extraAppEnvironment;

	private final Launcher launcher;

	private LocalPlatform(Builder builder) {
		this.repositoryRoot = builder.repositoryRoot.toAbsolutePath().normalize();
		this.home = new SouqHome((builder.home != null) ? builder.home : this.repositoryRoot.resolve(".souq"));
		this.apps = ((builder.apps != null) ? builder.apps : this.home.apps()).toAbsolutePath().normalize();
		this.ports = new Ports(builder.portOffset);
		this.readinessTimeout = builder.readinessTimeout;
		this.appConcurrency = builder.appConcurrency;
		this.aot = builder.aot;
		this.appJvmOptions = List.copyOf(builder.appJvmOptions);
		this.adminEmail = builder.adminEmail;
		this.adminPassword = builder.adminPassword;
		this.out = builder.out;
		this.demoData = builder.demoData;
		this.extraAppEnvironment = Map.copyOf(builder.extraAppEnvironment);
		this.launcher = new Launcher(this.home, Launcher.currentJava());
	}

	/**
	 * Starts building a platform.
	 * @param repositoryRoot the checkout (holds {@code deploy/local/target/lib} and the
	 * applications' {@code target} directories)
	 * @return a builder
	 */
	public static Builder builder(Path repositoryRoot) {
		return new Builder(repositoryRoot);
	}

	/**
	 * Finds the checkout: the {@code souq.repository.root} system property if set,
	 * otherwise the nearest directory above the working directory that holds
	 * {@code deploy/local/pom.xml}.
	 * @return the repository root
	 * @throws SouqException if there is none
	 */
	public static Path findRepositoryRoot() {
		return RepositoryRoot.find();
	}

	// ------------------------------------------------------------------ lifecycle

	/**
	 * Starts every component (see {@link #up(List)}).
	 * @return what was started and how long it took
	 */
	public StartupReport up() {
		return up(Component.ALL);
	}

	/**
	 * Starts the given components and waits until each one is ready: infrastructure first
	 * (in parallel), then the applications (a bounded number at a time, each after its
	 * jar is extracted and, on JDK 25+, its AOT cache trained). Components already
	 * running are left alone. If one fails, the components this call started are stopped
	 * again.
	 * @param components the components, e.g. {@code Component.select("infra")}
	 * @return what was started and how long it took
	 * @throws SouqException naming the component that failed, with its log's tail
	 */
	public StartupReport up(List<Component> components) {
		long begin = System.nanoTime();
		prepareHome();
		Map<String, StartupReport.Started> results = new ConcurrentHashMap<>();
		List<Component> toStart = new ArrayList<>();
		for (Component component : components) {
			Optional<ProcessHandle> running = ours(component);
			if (running.isPresent()) {
				// another command may still be starting it: wait until it is done
				try (ComponentLock lock = lock(component, "checking")) {
					running = adopt(component);
				}
			}
			if (running.isPresent()) {
				results.put(component.name(), alreadyRunning(component, running.get()));
			}
			else {
				toStart.add(component);
			}
		}
		preflight(toStart);
		Map<Component, ProcessHandle> startedNow = new ConcurrentHashMap<>();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		List<Component> infrastructure = toStart.stream().filter((c) -> !c.isApp()).toList();
		List<Component> apps = toStart.stream().filter(Component::isApp).toList();
		try {
			if (!infrastructure.isEmpty()) {
				this.out.println("Starting " + Component.names(infrastructure) + " ...");
				runAll(infrastructure, infrastructure.size(), failure,
						(component) -> results.put(component.name(), startInfrastructure(component, startedNow)));
			}
			if (!apps.isEmpty() && failure.get() == null) {
				List<String> missing = Component.ofKind(Component.Kind.INFRASTRUCTURE)
					.stream()
					.filter((c) -> ours(c).isEmpty())
					.map(Component::name)
					.toList();
				if (!missing.isEmpty()) {
					this.out.println("Note: not running: " + String.join(", ", missing) + "; the services become ready"
							+ " only once " + ((missing.size() > 1) ? "they run" : "it runs") + " (./souq start "
							+ String.join(" ", missing) + ")");
				}
				this.out.println("Starting " + Component.names(apps)
						+ ((apps.size() > 1) ? " (" + this.appConcurrency + " at a time)" : "") + " ...");
				startApps(apps, startedNow, results, failure);
			}
		}
		catch (RuntimeException ex) {
			failure.compareAndSet(null, ex);
		}
		Throwable failed = failure.get();
		if (failed != null && this.launcher.isAborted()) {
			// Ctrl-C: the shutdown hook stops everything
			throw new SouqException("start-up interrupted");
		}
		if (failed != null) {
			if (!startedNow.isEmpty()) {
				this.out.println("Stopping what this start-up launched ...");
				stopComponents(Component.ALL.stream().filter(startedNow::containsKey).toList(), true);
			}
			throw (failed instanceof SouqException souq) ? souq : new SouqException(failed.toString(), failed);
		}
		if (this.demoData) {
			loadDemoCatalog();
		}
		List<StartupReport.Started> ordered = components.stream().map((c) -> results.get(c.name())).toList();
		long rss = status().stream().mapToLong(ComponentStatus::rssKib).sum();
		return new StartupReport(ordered, Duration.ofNanos(System.nanoTime() - begin), rss);
	}

	/**
	 * Loads the demo catalog (products in several categories and currencies, with stock)
	 * through the gateway, once per data directory: nothing happens when it has been
	 * loaded already, or when the gateway, customer, catalog or inventory service is not
	 * running. A failure is reported, not thrown; the next start-up tries again.
	 * @return whether the catalog was loaded now
	 */
	public boolean loadDemoCatalog() {
		Path marker = this.home.data().resolve(DEMO_CATALOG_MARKER);
		List<String> running = running();
		if (Files.exists(marker) || !running.containsAll(DEMO_CATALOG_NEEDS)) {
			return false;
		}
		this.out.println("Loading the demo catalog through the gateway ...");
		long begin = System.nanoTime();
		try {
			DemoCatalog.Result result = new DemoCatalog(URI.create(gatewayUrl()), this.readinessTimeout)
				.load(this.adminEmail, this.adminPassword);
			Files.writeString(marker, Instant.now() + " " + result + "\n");
			this.out.println("Demo catalog: " + result.created() + " products created in " + result.categories()
					+ " categories with prices in EUR, USD and SAR, stock set for " + result.stocked()
					+ ((result.existing() > 0) ? ", " + result.existing() + " existed already" : "") + " ("
					+ seconds(Duration.ofNanos(System.nanoTime() - begin)) + "; SOUQ_DEMO_DATA=false skips this)");
			return true;
		}
		catch (RuntimeException | IOException ex) {
			this.out.println(
					"The demo catalog could not be loaded (" + ex.getMessage() + "); the next ./souq up tries again.");
			return false;
		}
	}

	/**
	 * Stops every running component: the applications first (SIGTERM, then SIGKILL after
	 * a timeout), then smtp, mongo and kafka last.
	 * @return the names of the components that were running and have been stopped
	 */
	public List<String> down() {
		return stopComponents(Component.ALL, true);
	}

	/**
	 * Stops one component, if it is running.
	 * @param name the component
	 * @return {@code true} if it was running
	 */
	public boolean stop(String name) {
		return !stopComponents(List.of(Component.named(name)), true).isEmpty();
	}

	/**
	 * Starts one component, if it is not running, and waits until it is ready.
	 * Dependencies are not started: start the infrastructure first.
	 * @param name the component
	 * @return what happened
	 * @throws SouqException if it does not become ready
	 */
	public StartupReport.Started start(String name) {
		Component component = Component.named(name);
		return up(List.of(component)).components().get(0);
	}

	/**
	 * Stops and starts one component.
	 * @param name the component
	 * @return what happened at the start
	 */
	public StartupReport.Started restart(String name) {
		stop(name);
		return start(name);
	}

	/**
	 * Stops every component; the same as {@link #down()}.
	 */
	@Override
	public void close() {
		down();
	}

	/**
	 * Refuses any further start, kills running helper processes (AOT training) and stops
	 * every component. Meant for a shutdown hook (Ctrl-C during {@code up}).
	 */
	public void abort() {
		this.launcher.abort();
		down();
	}

	/**
	 * The state of every component.
	 * @return one row per component, in start order
	 */
	public List<ComponentStatus> status() {
		ExecutorService executor = Executors.newFixedThreadPool(4, daemonThreads("souq-status"));
		try {
			List<Future<ComponentStatus>> rows = new ArrayList<>();
			for (Component component : Component.ALL) {
				rows.add(executor.submit(() -> statusOf(component)));
			}
			List<ComponentStatus> result = new ArrayList<>();
			for (Future<ComponentStatus> row : rows) {
				result.add(row.get());
			}
			return result;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SouqException("interrupted");
		}
		catch (ExecutionException ex) {
			throw new SouqException("status failed: " + ex.getCause(), ex.getCause());
		}
		finally {
			executor.shutdownNow();
		}
	}

	/**
	 * The components whose process is running, with a pid file or without
	 * ({@link #status()} tells which).
	 * @return their names, in start order
	 */
	public List<String> running() {
		return Component.ALL.stream().filter((component) -> ours(component).isPresent()).map(Component::name).toList();
	}

	/**
	 * The process of a running component (found through its pid file, its port or its
	 * command line).
	 * @param name the component
	 * @return its process, or empty if it is not running
	 */
	public Optional<ProcessHandle> process(String name) {
		return ours(Component.named(name));
	}

	// ------------------------------------------------------------------ accessors

	/**
	 * The gateway's base URL.
	 * @return e.g. {@code http://127.0.0.1:8080}
	 */
	public String gatewayUrl() {
		return this.ports.httpUrl(Component.GATEWAY);
	}

	/**
	 * The Kafka bootstrap address.
	 * @return e.g. {@code 127.0.0.1:9092}
	 */
	public String kafkaBootstrap() {
		return this.ports.kafkaBootstrap();
	}

	/**
	 * The MongoDB server's URI, without a database.
	 * @return e.g. {@code mongodb://127.0.0.1:27017}
	 */
	public String mongoUri() {
		return "mongodb://" + Ports.HOST + ":" + this.ports.mongo();
	}

	/**
	 * The MongoDB URI of one database.
	 * @param database the database, e.g. {@code order}
	 * @return e.g. {@code mongodb://127.0.0.1:27017/order}
	 */
	public String mongoUri(String database) {
		return this.ports.mongoUri(database);
	}

	/**
	 * The SMTP host.
	 * @return {@code 127.0.0.1}
	 */
	public String smtpHost() {
		return Ports.HOST;
	}

	/**
	 * The SMTP port.
	 * @return e.g. 3025
	 */
	public int smtpPort() {
		return this.ports.smtp();
	}

	/**
	 * GreenMail's IMAP port.
	 * @return e.g. 3143
	 */
	public int imapPort() {
		return this.ports.imap();
	}

	/**
	 * GreenMail's REST API base URL (e.g. {@code GET /api/mail/{email}/messages}).
	 * @return e.g. {@code http://127.0.0.1:8025}
	 */
	public String greenMailApiUrl() {
		return "http://" + Ports.HOST + ":" + this.ports.greenMailApi();
	}

	/**
	 * A component's main port.
	 * @param name the component
	 * @return its port with the offset
	 */
	public int port(String name) {
		return this.ports.of(Component.named(name));
	}

	/**
	 * A service's base URL.
	 * @param name an application, e.g. {@code order-service}
	 * @return e.g. {@code http://127.0.0.1:8084}
	 */
	public String url(String name) {
		return this.ports.httpUrl(Component.named(name));
	}

	/**
	 * The seeded admin account's email.
	 * @return {@code SOUQ_ADMIN_EMAIL}, default {@value #DEFAULT_ADMIN_EMAIL}
	 */
	public String adminEmail() {
		return this.adminEmail;
	}

	/**
	 * The seeded admin account's password.
	 * @return {@code SOUQ_ADMIN_PASSWORD}, default {@value #DEFAULT_ADMIN_PASSWORD}
	 */
	public String adminPassword() {
		return this.adminPassword;
	}

	/**
	 * The platform's home directory.
	 * @return the home
	 */
	public SouqHome home() {
		return this.home;
	}

	/**
	 * The platform's ports.
	 * @return the ports
	 */
	public Ports ports() {
		return this.ports;
	}

	/**
	 * The checkout the platform runs from.
	 * @return the repository root
	 */
	public Path repositoryRoot() {
		return this.repositoryRoot;
	}

	/**
	 * A component's log file.
	 * @param name the component
	 * @return {@code logs/<name>.log} under the home
	 */
	public Path log(String name) {
		return this.home.log(Component.named(name).name());
	}

	/**
	 * Whether applications start with AOT caches (JDK 25+ and not disabled).
	 * @return {@code true} if AOT caches are used
	 */
	public boolean aotEnabled() {
		return this.aot && AppImage.aotSupported();
	}

	// ------------------------------------------------------------------ internals

	private void prepareHome() {
		this.home.create();
		try {
			Files.writeString(log4j2Config(), KafkaConfig.log4j2Xml(), StandardCharsets.UTF_8);
			Files.writeString(kafkaProperties(), KafkaConfig.serverProperties(this.ports, kafkaData()),
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		syncLauncherClasspath();
	}

	private Path log4j2Config() {
		return this.home.config().resolve("log4j2.xml");
	}

	private Path kafkaProperties() {
		return this.home.config().resolve("kafka-server.properties");
	}

	private Path kafkaData() {
		return this.home.data().resolve("kafka");
	}

	private Path greenMailJar() {
		return this.home.lib().resolve("greenmail").resolve("greenmail-standalone.jar");
	}

	/**
	 * Copies {@code deploy/local/target/lib} (and the GreenMail jar) into the home, jar
	 * by jar, each replaced atomically: a rebuild of the checkout then never rewrites a
	 * jar under a running JVM.
	 */
	private void syncLauncherClasspath() {
		Path target = this.repositoryRoot.resolve("deploy/local/target");
		Path lib = target.resolve("lib");
		if (!Files.isDirectory(lib)) {
			throw new SouqException("the launcher classpath " + this.repositoryRoot.relativize(lib)
					+ " is missing: build it with ./souq build (or ./mvnw -pl deploy/local -am -DskipTests install)");
		}
		try {
			List<String> names = new ArrayList<>();
			try (Stream<Path> jars = Files.list(lib)) {
				for (Path jar : jars.filter((p) -> p.toString().endsWith(".jar")).toList()) {
					names.add(jar.getFileName().toString());
					copyIfChanged(jar, this.home.lib().resolve(jar.getFileName().toString()));
				}
			}
			try (Stream<Path> jars = Files.list(this.home.lib())) {
				for (Path jar : jars.filter((p) -> p.toString().endsWith(".jar")).toList()) {
					if (!names.contains(jar.getFileName().toString())) {
						Files.deleteIfExists(jar);
					}
				}
			}
			Path greenMail = target.resolve("greenmail/greenmail-standalone.jar");
			if (Files.isRegularFile(greenMail)) {
				Files.createDirectories(greenMailJar().getParent());
				copyIfChanged(greenMail, greenMailJar());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Copies a jar unless the destination has the same size and time, or the same content
	 * apart from timestamps (a rebuild): the JVM checks the jars' times against the AOT
	 * caches built on them, which then stay valid.
	 */
	private static void copyIfChanged(Path source, Path destination) throws IOException {
		BasicFileAttributes from = Files.readAttributes(source, BasicFileAttributes.class);
		if (Files.isRegularFile(destination)) {
			BasicFileAttributes to = Files.readAttributes(destination, BasicFileAttributes.class);
			if (from.size() == to.size() && from.lastModifiedTime().equals(to.lastModifiedTime())) {
				return;
			}
			try {
				if (AppImage.fingerprint(source).equals(AppImage.fingerprint(destination))) {
					return;
				}
			}
			catch (SouqException ex) {
				logger.debug("Cannot compare {} and {}", source, destination, ex);
			}
		}
		Path tmp = Files.createTempFile(destination.getParent(), ".copy-", ".tmp");
		try {
			Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
			Files.move(tmp, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	/**
	 * Checks what can be checked before anything starts: built jars, the MongoDB server's
	 * main class, free ports.
	 */
	private void preflight(List<Component> toStart) {
		List<String> problems = new ArrayList<>();
		for (Component component : toStart) {
			if (component.isApp() && !Files.isRegularFile(component.executableJar(this.repositoryRoot))) {
				problems.add(AppImage.missingJarMessage(component, component.executableJar(this.repositoryRoot)));
			}
			if (component.equals(Component.MONGO) && !hasMongoServer()) {
				problems.add("mongo: " + MONGO_MAIN + " is not on the launcher classpath yet (module "
						+ "platform/embedded-mongo): build it with ./souq build");
			}
			if (component.equals(Component.SMTP) && !Files.isRegularFile(greenMailJar())) {
				problems.add("smtp: the GreenMail jar (deploy/local/target/greenmail) is missing: build it with "
						+ "./souq build");
			}
			for (int port : this.ports.listening(component)) {
				if (Probes.tcp(port)) {
					problems.add(portInUse(component, port));
				}
			}
		}
		if (problems.size() == 1) {
			throw new SouqException(problems.get(0));
		}
		if (!problems.isEmpty()) {
			throw new SouqException(problems.size() + " components cannot start: " + problems.get(0),
					String.join("\n", problems), null);
		}
	}

	/**
	 * Whether the MongoDB-protocol server's main class is on the launcher classpath.
	 * @return {@code true} if a jar under the home's lib holds it
	 */
	boolean hasMongoServer() {
		String entry = MONGO_MAIN.replace('.', '/') + ".class";
		try (Stream<Path> jars = Files.list(this.home.lib())) {
			List<Path> candidates = new ArrayList<>(jars.filter((p) -> p.toString().endsWith(".jar")).toList());
			candidates.sort((a, b) -> Boolean.compare(!a.getFileName().toString().startsWith("souq-"),
					!b.getFileName().toString().startsWith("souq-")));
			for (Path jar : candidates) {
				try (JarFile file = new JarFile(jar.toFile())) {
					if (file.getEntry(entry) != null) {
						return true;
					}
				}
				catch (IOException ex) {
					logger.warn("Cannot read {}", jar, ex);
				}
			}
			return false;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private void runAll(List<Component> components, int concurrency, AtomicReference<Throwable> failure,
			java.util.function.Consumer<Component> task) {
		ExecutorService executor = Executors.newFixedThreadPool(concurrency, daemonThreads("souq-start"));
		try {
			List<CompletableFuture<Void>> futures = new ArrayList<>();
			for (Component component : components) {
				futures.add(CompletableFuture.runAsync(() -> {
					if (failure.get() == null) {
						task.accept(component);
					}
				}, executor).exceptionally((ex) -> {
					failure.compareAndSet(null, unwrap(ex));
					return null;
				}));
			}
			CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
		}
		finally {
			executor.shutdownNow();
		}
	}

	private void startApps(List<Component> apps, Map<Component, ProcessHandle> startedNow,
			Map<String, StartupReport.Started> results, AtomicReference<Throwable> failure) {
		ExecutorService prepare = Executors.newFixedThreadPool(2, daemonThreads("souq-prepare"));
		ExecutorService start = Executors.newFixedThreadPool(this.appConcurrency, daemonThreads("souq-start"));
		try {
			List<CompletableFuture<Void>> futures = new ArrayList<>();
			for (Component app : apps) {
				futures.add(CompletableFuture
					.supplyAsync(() -> (failure.get() == null) ? lockAndPrepare(app, results) : null, prepare)
					.thenAcceptAsync((locked) -> {
						if (locked == null) {
							return;
						}
						try (ComponentLock lock = locked.lock()) {
							if (failure.get() == null) {
								results.put(app.name(), launchApp(app, locked.app(), startedNow));
							}
						}
					}, start)
					.exceptionally((ex) -> {
						Throwable cause = unwrap(ex);
						failure.compareAndSet(null, cause);
						return null;
					}));
			}
			CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
		}
		finally {
			prepare.shutdownNow();
			start.shutdownNow();
		}
	}

	private record PreparedApp(AppImage image, boolean useAotCache, String note) {

	}

	private record LockedApp(ComponentLock lock, PreparedApp app) {

	}

	/**
	 * Takes an application's lock (released once it is ready, or has failed) and prepares
	 * it, unless another command has started it meanwhile.
	 * @return the lock and the prepared application, or {@code null} if it runs already
	 */
	private LockedApp lockAndPrepare(Component app, Map<String, StartupReport.Started> results) {
		ComponentLock lock = lock(app, "starting");
		try {
			Optional<ProcessHandle> running = adopt(app);
			if (running.isPresent()) {
				results.put(app.name(), startedElsewhere(app, running.get()));
				lock.close();
				return null;
			}
			requirePortsFree(app);
			return new LockedApp(lock, prepareApp(app));
		}
		catch (RuntimeException ex) {
			lock.close();
			throw ex;
		}
	}

	private StartupReport.Started startInfrastructure(Component component, Map<Component, ProcessHandle> startedNow) {
		try (ComponentLock lock = lock(component, "starting")) {
			Optional<ProcessHandle> running = adopt(component);
			if (running.isPresent()) {
				return startedElsewhere(component, running.get());
			}
			requirePortsFree(component);
			return launchInfrastructure(component, startedNow);
		}
	}

	private StartupReport.Started startedElsewhere(Component component, ProcessHandle process) {
		this.out.println("  " + component.name() + " is running already (pid " + process.pid()
				+ "), started by another ./souq command");
		return alreadyRunning(component, process);
	}

	private static StartupReport.Started alreadyRunning(Component component, ProcessHandle process) {
		return new StartupReport.Started(component.name(), OptionalLong.of(process.pid()), true, Duration.ZERO,
				"already running");
	}

	/**
	 * Takes a component's lock (see {@link ComponentLock}), saying so if it has to wait.
	 */
	private ComponentLock lock(Component component, String action) {
		return ComponentLock.acquire(this.home, component.name(), action + " " + component.name(),
				(holder) -> this.out.println("  " + component.name() + ": waiting for " + holder + " ..."));
	}

	private void requirePortsFree(Component component) {
		for (int port : this.ports.listening(component)) {
			if (Probes.tcp(port)) {
				throw new SouqException(portInUse(component, port));
			}
		}
	}

	private static String portInUse(Component component, int port) {
		return component.name() + ": port " + port + " is already in use by another process"
				+ " (another platform? set SOUQ_PORT_OFFSET to run a second one)";
	}

	private PreparedApp prepareApp(Component app) {
		AppImage image = new AppImage(app, this.repositoryRoot, this.home, this.apps, this.launcher);
		image.extractIfNeeded();
		if (!aotEnabled()) {
			return new PreparedApp(image, false,
					AppImage.aotSupported() ? "AOT disabled" : "no AOT cache before JDK 25");
		}
		if (image.hasAotCache(this.appJvmOptions)) {
			return new PreparedApp(image, true, "AOT cache");
		}
		if (!image.needsTraining(this.appJvmOptions)) {
			return new PreparedApp(image, false, "no AOT cache: training failed before, see " + image.trainingLog());
		}
		this.out.println("  " + app.name() + ": training its AOT cache (once per build) ...");
		long begin = System.nanoTime();
		boolean trained = image.train(this.appJvmOptions, appEnvironment(app), Duration.ofMinutes(4));
		if (trained) {
			this.out.println("  " + app.name() + ": AOT cache trained in "
					+ seconds(Duration.ofNanos(System.nanoTime() - begin)));
			return new PreparedApp(image, true, "AOT cache, trained now");
		}
		this.out.println("  " + app.name() + ": AOT training failed, starting without a cache (see "
				+ image.trainingLog() + ")");
		return new PreparedApp(image, false, "no AOT cache: training failed, see " + image.trainingLog());
	}

	private StartupReport.Started launchApp(Component app, PreparedApp prepared,
			Map<Component, ProcessHandle> startedNow) {
		long begin = System.nanoTime();
		Process process = this.launcher.startComponent(app.name(),
				prepared.image().runArguments(this.appJvmOptions, prepared.useAotCache()), appEnvironment(app));
		startedNow.put(app, process.toHandle());
		Duration time = awaitReady(app, process, begin);
		this.out.println("  " + app.name() + " ready in " + seconds(time) + " (" + prepared.note() + ")");
		return new StartupReport.Started(app.name(), OptionalLong.of(process.pid()), false, time, prepared.note());
	}

	private StartupReport.Started launchInfrastructure(Component component, Map<Component, ProcessHandle> startedNow) {
		long begin = System.nanoTime();
		List<String> options;
		List<Path> classpath;
		List<String> arguments = new ArrayList<>();
		if (component.equals(Component.KAFKA)) {
			String clusterId = formatKafkaStorage();
			logger.debug("Kafka cluster id {}", clusterId);
			options = KAFKA_JVM_OPTIONS;
			classpath = List.of(this.home.lib());
			arguments.addAll(launcherClasspath());
			arguments.add("kafka.Kafka");
			arguments.add(kafkaProperties().toString());
		}
		else if (component.equals(Component.MONGO)) {
			options = MONGO_JVM_OPTIONS;
			classpath = List.of(this.home.lib());
			arguments.addAll(launcherClasspath());
			arguments.addAll(List.of(MONGO_MAIN, "--bind", Ports.HOST, "--port", Integer.toString(this.ports.mongo()),
					"--data-dir", this.home.data().resolve("mongo").toString()));
		}
		else {
			options = SMTP_JVM_OPTIONS;
			classpath = List.of(greenMailJar());
			arguments.addAll(greenMailProperties());
			arguments.addAll(List.of("-cp", greenMailJar().toString(), GREENMAIL_MAIN));
		}
		List<String> jvm = new ArrayList<>(options);
		String note = "";
		if (component.equals(Component.MONGO)) {
			// no AOT cache for the store: see MONGO_JVM_OPTIONS
			AppImage.deleteRecursively(this.apps.resolve(component.name()));
		}
		else if (aotEnabled()) {
			InfraCache cache = new InfraCache(this.apps.resolve(component.name()), classpath, options);
			String option = cache.option();
			jvm.add(option);
			note = option.startsWith("-XX:AOTCache=") ? "AOT cache"
					: "recording an AOT cache, written when it stops, for the next start";
		}
		jvm.addAll(arguments);
		Process process = this.launcher.startComponent(component.name(), jvm, Map.of());
		startedNow.put(component, process.toHandle());
		Duration time = awaitReady(component, process, begin);
		this.out.println(
				"  " + component.name() + " ready in " + seconds(time) + (note.isEmpty() ? "" : " (" + note + ")"));
		return new StartupReport.Started(component.name(), OptionalLong.of(process.pid()), false, time, note);
	}

	private List<String> launcherClasspath() {
		return List.of("-Dlog4j2.configurationFile=" + log4j2Config(), "-cp", this.home.lib() + "/*");
	}

	List<String> greenMailProperties() {
		return List.of("-Dgreenmail.smtp.hostname=" + Ports.HOST, "-Dgreenmail.smtp.port=" + this.ports.smtp(),
				"-Dgreenmail.imap.hostname=" + Ports.HOST, "-Dgreenmail.imap.port=" + this.ports.imap(),
				"-Dgreenmail.api.hostname=" + Ports.HOST, "-Dgreenmail.api.port=" + this.ports.greenMailApi(),
				"-Dgreenmail.auth.disabled=true", "-Dgreenmail.startup.timeout=30000");
	}

	/**
	 * Formats Kafka's storage on the first start: a cluster id kept under {@code data/},
	 * then {@code kafka.tools.StorageTool format --ignore-formatted}.
	 * @return the cluster id
	 */
	private String formatKafkaStorage() {
		try {
			Path idFile = this.home.data().resolve("kafka.cluster-id");
			String clusterId;
			if (Files.isRegularFile(idFile)) {
				clusterId = Files.readString(idFile, StandardCharsets.US_ASCII).strip();
			}
			else {
				// what "kafka.tools.StorageTool random-uuid" prints, without starting a
				// JVM
				clusterId = Uuid.randomUuid().toString();
				Files.writeString(idFile, clusterId + "\n", StandardCharsets.US_ASCII);
			}
			if (Files.isRegularFile(kafkaData().resolve("meta.properties"))) {
				return clusterId;
			}
			Files.createDirectories(kafkaData());
			List<String> arguments = new ArrayList<>(KAFKA_JVM_OPTIONS);
			arguments.addAll(launcherClasspath());
			arguments.addAll(List.of("kafka.tools.StorageTool", "format", "-t", clusterId, "-c",
					kafkaProperties().toString(), "--ignore-formatted"));
			int exit = this.launcher.runHelper("kafka: formatting storage", arguments, Map.of(), this.home.log("kafka"),
					Duration.ofMinutes(2));
			if (exit != 0) {
				throw new SouqException("kafka: formatting its storage failed (exit " + exit + "); last lines of "
						+ this.home.log("kafka") + ":", LogFiles.tail(this.home.log("kafka"), 20), null);
			}
			return clusterId;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The environment of an application.
	 * @param app the application
	 * @return the variables to set
	 */
	Map<String, String> appEnvironment(Component app) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SERVER_PORT", Integer.toString(this.ports.of(app)));
		environment.put("KAFKA_BOOTSTRAP_SERVERS", this.ports.kafkaBootstrap());
		environment.put("MONGODB_URI", this.ports.mongoUri(app.database()));
		environment.put("SMTP_HOST", Ports.HOST);
		environment.put("SMTP_PORT", Integer.toString(this.ports.smtp()));
		environment.put("SOUQ_ADMIN_EMAIL", this.adminEmail);
		environment.put("SOUQ_ADMIN_PASSWORD", this.adminPassword);
		for (Component service : Component.ofKind(Component.Kind.APPLICATION)) {
			if (!service.equals(Component.GATEWAY)) {
				environment.put(service.uriVariable(), this.ports.httpUrl(service));
			}
		}
		environment.putAll(this.extraAppEnvironment);
		return environment;
	}

	private Duration awaitReady(Component component, Process process, long begin) {
		long deadline = begin + this.readinessTimeout.toNanos();
		Path log = this.home.log(component.name());
		while (true) {
			if (this.launcher.isAborted()) {
				throw new SouqException(component.name() + ": start-up aborted");
			}
			if (isReady(component)) {
				return Duration.ofNanos(System.nanoTime() - begin);
			}
			if (!process.isAlive()) {
				pidFile(component).delete();
				String refusal = LogFiles.refusal(log, STORE_FAILURE_PREFIX);
				if (refusal != null) {
					throw new SouqException(component.name() + ": " + refusal);
				}
				throw new SouqException(component.name() + " exited with code " + process.exitValue()
						+ " during start-up; last lines of " + log + ":", LogFiles.tail(log, 25), null);
			}
			if (System.nanoTime() - deadline > 0) {
				throw new SouqException(component.name() + " did not become ready within "
						+ this.readinessTimeout.toSeconds() + " s; last lines of " + log + ":", LogFiles.tail(log, 25),
						null);
			}
			Launcher.pause(POLL);
		}
	}

	private boolean isReady(Component component) {
		if (component.equals(Component.KAFKA)) {
			return Probes.tcp(this.ports.kafka()) && Probes.kafka(this.ports.kafkaBootstrap());
		}
		return health(component) == Health.UP;
	}

	private Health health(Component component) {
		boolean up;
		if (component.equals(Component.KAFKA)) {
			up = Probes.tcp(this.ports.kafka());
		}
		else if (component.equals(Component.MONGO)) {
			up = Probes.mongo(this.ports.mongo());
		}
		else if (component.equals(Component.SMTP)) {
			up = Probes.smtp(this.ports.smtp());
		}
		else {
			return Probes.readiness(this.ports.of(component));
		}
		return up ? Health.UP : Health.DOWN;
	}

	/**
	 * A component's state from its process and its port, not from its pid file alone: a
	 * process of this platform without a pid file counts as running (untracked), and so
	 * does a port served by another process.
	 */
	private ComponentStatus statusOf(Component component) {
		int port = this.ports.of(component);
		Optional<ProcessHandle> process = pidFile(component).liveProcess();
		if (process.isPresent()) {
			long pid = process.get().pid();
			return new ComponentStatus(component.name(), OptionalLong.of(pid), port, health(component),
					ProcessInfo.rssKib(pid));
		}
		Optional<ProcessHandle> untracked = untracked(component);
		if (untracked.isPresent()) {
			long pid = untracked.get().pid();
			return new ComponentStatus(component.name(), OptionalLong.of(pid), port, health(component),
					ProcessInfo.rssKib(pid), "untracked pid " + pid + " (no pid file)");
		}
		if (Probes.tcp(port)) {
			OptionalLong owner = ProcessInfo.listeningPid(port);
			String note = owner.isPresent()
					? "port served by pid " + owner.getAsLong() + ", not started from " + this.home.root()
					: "port served by a process that cannot be identified";
			return new ComponentStatus(component.name(), owner, port, health(component),
					owner.isPresent() ? ProcessInfo.rssKib(owner.getAsLong()) : 0, note);
		}
		return new ComponentStatus(component.name(), OptionalLong.empty(), port, Health.STOPPED, 0);
	}

	/**
	 * A component's process: the one its pid file names, otherwise an untracked one.
	 * @param component the component
	 * @return the process, or empty if it is not running
	 */
	private Optional<ProcessHandle> ours(Component component) {
		Optional<ProcessHandle> tracked = pidFile(component).liveProcess();
		return tracked.isPresent() ? tracked : untracked(component);
	}

	/**
	 * Like {@link #ours(Component)}, and writes the pid file of an untracked process:
	 * under the component's lock only.
	 */
	private Optional<ProcessHandle> adopt(Component component) {
		PidFile pidFile = pidFile(component);
		Optional<ProcessHandle> tracked = pidFile.liveProcess();
		if (tracked.isPresent()) {
			return tracked;
		}
		Optional<ProcessHandle> untracked = untracked(component);
		untracked.ifPresent((process) -> {
			logger.info("Adopting untracked {} (pid {})", component.name(), process.pid());
			pidFile.write(process.pid());
		});
		return untracked;
	}

	/**
	 * A process of this platform's component that its pid file does not name (the file is
	 * missing or stale): the one listening on the component's port, or else one whose
	 * command line is the component's (still starting, say). Only a process that is
	 * verifiably ours counts (see {@link #isOurs(Component, List, SouqHome)}).
	 * @param component the component
	 * @return the process, or empty if there is none
	 */
	Optional<ProcessHandle> untracked(Component component) {
		OptionalLong listener = ProcessInfo.listeningPid(this.ports.of(component));
		if (listener.isPresent()) {
			Optional<ProcessHandle> process = ProcessHandle.of(listener.getAsLong())
				.filter(ProcessInfo::isRunning)
				.filter((handle) -> isOurs(component, ProcessInfo.commandLine(handle), this.home));
			if (process.isPresent()) {
				return process;
			}
		}
		try (Stream<ProcessHandle> processes = ProcessHandle.allProcesses()) {
			return processes.filter((handle) -> isOurs(component, ProcessInfo.commandLine(handle), this.home))
				.filter(ProcessInfo::isRunning)
				.findFirst();
		}
	}

	/**
	 * Whether a command line is that of one of this platform's components: it carries the
	 * component's and the home's markers and runs the component's main class or jar.
	 * @param component the component
	 * @param commandLine the arguments, program first
	 * @param home the platform's home
	 * @return {@code true} if it is the component's
	 */
	static boolean isOurs(Component component, List<String> commandLine, SouqHome home) {
		if (!PidFile.commandLineMatches(commandLine, component.name(), home)) {
			return false;
		}
		if (component.isApp()) {
			String jar = component.executableJar(Path.of(".")).getFileName().toString();
			return commandLine.stream().anyMatch((argument) -> argument.endsWith("/" + jar));
		}
		return commandLine.contains(mainClass(component));
	}

	private static String mainClass(Component component) {
		if (component.equals(Component.KAFKA)) {
			return "kafka.Kafka";
		}
		return component.equals(Component.MONGO) ? MONGO_MAIN : GREENMAIL_MAIN;
	}

	/**
	 * Stops components in order: the applications together, then smtp and mongo together,
	 * then kafka.
	 */
	private List<String> stopComponents(List<Component> components, boolean report) {
		List<String> stopped = Collections.synchronizedList(new ArrayList<>());
		List<Component> apps = components.stream().filter(Component::isApp).toList();
		List<Component> infrastructure = new ArrayList<>(components.stream().filter((c) -> !c.isApp()).toList());
		Collections.reverse(infrastructure);
		// each stop takes the component's lock and looks again: one that another command
		// is starting is stopped once it is ready
		Set<String> running = ConcurrentHashMap.newKeySet();
		for (Component component : components) {
			running.add(component.name());
		}
		// the applications together, then smtp and mongo together, then kafka
		stopTogether(apps.stream().filter((c) -> running.contains(c.name())).toList(), report, stopped);
		stopTogether(infrastructure.stream()
			.filter((c) -> running.contains(c.name()) && !c.equals(Component.KAFKA))
			.toList(), report, stopped);
		if (infrastructure.contains(Component.KAFKA)) {
			stopOne(Component.KAFKA, report, stopped);
		}
		List<String> ordered = new ArrayList<>();
		for (Component component : Component.ALL) {
			if (stopped.contains(component.name())) {
				ordered.add(component.name());
			}
		}
		return ordered;
	}

	private void stopTogether(List<Component> components, boolean report, List<String> stopped) {
		if (components.size() == 1) {
			stopOne(components.get(0), report, stopped);
			return;
		}
		if (components.isEmpty()) {
			return;
		}
		ExecutorService executor = Executors.newFixedThreadPool(components.size(), daemonThreads("souq-stop"));
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (Component component : components) {
				futures.add(executor.submit(() -> stopOne(component, report, stopped)));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException ex) {
			logger.warn("Stopping failed", ex.getCause());
		}
		finally {
			executor.shutdownNow();
		}
	}

	private void stopOne(Component component, boolean report, List<String> stopped) {
		try (ComponentLock lock = lock(component, "stopping")) {
			PidFile pidFile = pidFile(component);
			Optional<ProcessHandle> process = pidFile.liveProcess();
			boolean tracked = process.isPresent();
			if (!tracked) {
				process = untracked(component);
			}
			if (process.isEmpty()) {
				return;
			}
			long begin = System.nanoTime();
			boolean clean = Launcher.stop(process.get(), stopTimeout(component));
			pidFile.delete();
			stopped.add(component.name());
			if (report) {
				this.out
					.println("  " + component.name() + " (pid " + process.get().pid() + (tracked ? "" : ", untracked")
							+ ") " + (clean ? "stopped" : "killed after " + stopTimeout(component).toSeconds() + " s")
							+ " in " + seconds(Duration.ofNanos(System.nanoTime() - begin)));
			}
		}
	}

	static Duration stopTimeout(Component component) {
		// infrastructure may be writing its AOT cache on the way out
		if (component.equals(Component.KAFKA)) {
			return Duration.ofSeconds(60);
		}
		return component.isApp() ? Duration.ofSeconds(20) : Duration.ofSeconds(40);
	}

	private PidFile pidFile(Component component) {
		return PidFile.of(this.home, component.name());
	}

	private static Throwable unwrap(Throwable ex) {
		Throwable current = ex;
		while ((current instanceof CompletionException || current instanceof ExecutionException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

	private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
		return Thread.ofPlatform().name(name + "-", 1).daemon(true).factory();
	}

	/**
	 * Formats a duration in seconds with one decimal.
	 * @param duration the duration
	 * @return e.g. {@code 5.3 s}
	 */
	static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

	/**
	 * Builds a {@link LocalPlatform}.
	 */
	public static final class Builder {

		private final Path repositoryRoot;

		private Path home;

		private Path apps;

		private int portOffset;

		private Duration readinessTimeout = Duration.ofSeconds(180);

		private int appConcurrency = 3;

		private boolean aot = true;

		private List<String> appJvmOptions = DEFAULT_APP_JVM_OPTIONS;

		private String adminEmail = DEFAULT_ADMIN_EMAIL;

		private String adminPassword = DEFAULT_ADMIN_PASSWORD;

		private PrintStream out = System.out;

		private boolean demoData = true;

		private Map<String, String> extraAppEnvironment = Map.of();

		private Builder(Path repositoryRoot) {
			this.repositoryRoot = repositoryRoot;
		}

		/**
		 * Reads the settings the command line takes from the environment:
		 * {@code SOUQ_HOME}, {@code SOUQ_PORT_OFFSET}, {@code SOUQ_ADMIN_EMAIL},
		 * {@code SOUQ_ADMIN_PASSWORD}, {@code SOUQ_APP_JAVA_OPTS},
		 * {@code SOUQ_START_CONCURRENCY}, {@code SOUQ_READY_TIMEOUT} (seconds) and
		 * {@code SOUQ_AOT} ({@code false} disables AOT caches) and {@code SOUQ_DEMO_DATA}
		 * ({@code false} loads no demo catalog).
		 * @param environment the environment, e.g. {@code System.getenv()}
		 * @return this builder
		 */
		public Builder environment(Map<String, String> environment) {
			String home = environment.get("SOUQ_HOME");
			if (home != null && !home.isBlank()) {
				this.home = Path.of(home);
			}
			this.portOffset = Ports.parse(environment.get("SOUQ_PORT_OFFSET")).offset();
			this.adminEmail = environment.getOrDefault("SOUQ_ADMIN_EMAIL", this.adminEmail);
			this.adminPassword = environment.getOrDefault("SOUQ_ADMIN_PASSWORD", this.adminPassword);
			String options = environment.get("SOUQ_APP_JAVA_OPTS");
			if (options != null && !options.isBlank()) {
				this.appJvmOptions = List.of(options.trim().split("\\s+"));
			}
			String concurrency = environment.get("SOUQ_START_CONCURRENCY");
			if (concurrency != null && !concurrency.isBlank()) {
				appConcurrency(positive("SOUQ_START_CONCURRENCY", concurrency));
			}
			String timeout = environment.get("SOUQ_READY_TIMEOUT");
			if (timeout != null && !timeout.isBlank()) {
				readinessTimeout(Duration.ofSeconds(positive("SOUQ_READY_TIMEOUT", timeout)));
			}
			if ("false".equalsIgnoreCase(environment.get("SOUQ_AOT"))) {
				this.aot = false;
			}
			if ("false".equalsIgnoreCase(environment.get("SOUQ_DEMO_DATA"))) {
				this.demoData = false;
			}
			return this;
		}

		private static int positive(String variable, String value) {
			try {
				int number = Integer.parseInt(value.trim());
				if (number > 0) {
					return number;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			throw new SouqException(variable + " must be a positive integer, not '" + value + "'");
		}

		/**
		 * Sets the home directory (default {@code <repository>/.souq}).
		 * @param home the directory
		 * @return this builder
		 */
		public Builder home(Path home) {
			this.home = home;
			return this;
		}

		/**
		 * Sets where extracted applications and AOT caches live (default
		 * {@code <home>/apps}). Tests that start a platform in a fresh home can point
		 * this at a directory that outlives them (e.g. under {@code target/}) to keep the
		 * AOT caches between runs; it must not be the {@code apps} directory of a
		 * platform that is running.
		 * @param apps the directory
		 * @return this builder
		 */
		public Builder appsDirectory(Path apps) {
			this.apps = apps;
			return this;
		}

		/**
		 * Sets the number added to every port (default 0).
		 * @param portOffset the offset
		 * @return this builder
		 */
		public Builder portOffset(int portOffset) {
			this.portOffset = new Ports(portOffset).offset();
			return this;
		}

		/**
		 * Sets how long each component may take to become ready (default 180 s).
		 * @param readinessTimeout the timeout
		 * @return this builder
		 */
		public Builder readinessTimeout(Duration readinessTimeout) {
			this.readinessTimeout = readinessTimeout;
			return this;
		}

		/**
		 * Sets how many applications start at the same time (default 3).
		 * @param appConcurrency the number
		 * @return this builder
		 */
		public Builder appConcurrency(int appConcurrency) {
			if (appConcurrency < 1) {
				throw new IllegalArgumentException("appConcurrency must be positive");
			}
			this.appConcurrency = appConcurrency;
			return this;
		}

		/**
		 * Enables or disables AOT caches (default enabled; used on JDK 25+ only). A
		 * platform in a fresh home pays for training once (every application, about 20-40
		 * s each, two at a time) and for recording the infrastructure's caches (their
		 * JVMs write them when they stop): one-off test runs are faster without.
		 * @param aot whether to train and use AOT caches
		 * @return this builder
		 */
		public Builder aot(boolean aot) {
			this.aot = aot;
			return this;
		}

		/**
		 * Sets the applications' JVM options (default {@link #DEFAULT_APP_JVM_OPTIONS}).
		 * @param options the options
		 * @return this builder
		 */
		public Builder appJvmOptions(List<String> options) {
			this.appJvmOptions = List.copyOf(options);
			return this;
		}

		/**
		 * Sets the seeded admin account passed to the applications.
		 * @param email the email
		 * @param password the password
		 * @return this builder
		 */
		public Builder admin(String email, String password) {
			this.adminEmail = email;
			this.adminPassword = password;
			return this;
		}

		/**
		 * Enables or disables loading the demo catalog after a start-up (default enabled;
		 * see {@link LocalPlatform#loadDemoCatalog()}).
		 * @param demoData whether to load it
		 * @return this builder
		 */
		public Builder demoData(boolean demoData) {
			this.demoData = demoData;
			return this;
		}

		/**
		 * Adds variables to every application's environment (e.g. shorter saga deadlines
		 * for tests); they win over the platform's own.
		 * @param variables the variables
		 * @return this builder
		 */
		public Builder appEnvironment(Map<String, String> variables) {
			this.extraAppEnvironment = Map.copyOf(variables);
			return this;
		}

		/**
		 * Sets where progress lines go (default {@code System.out}).
		 * @param out the stream
		 * @return this builder
		 */
		public Builder output(PrintStream out) {
			this.out = out;
			return this;
		}

		/**
		 * Builds the platform (nothing starts yet).
		 * @return the platform
		 */
		public LocalPlatform build() {
			return new LocalPlatform(this);
		}

	}

}
