package io.souq.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.LoggerFactory;

/**
 * The {@code ./souq} command line. The script at the repository root finds a JDK, builds
 * what is missing and runs this class; see {@code usage.txt} for the commands. Every
 * failure ends as one line on standard error (details in {@code .souq/logs/souq.log}).
 */
public final class SouqCli {

	private static final String SUPERVISOR = "up";

	private final Path repositoryRoot;

	private final Map<String, String> environment;

	private final PrintStream out;

	private final PrintStream err;

	SouqCli(Path repositoryRoot, Map<String, String> environment, PrintStream out, PrintStream err) {
		this.repositoryRoot = repositoryRoot;
		this.environment = environment;
		this.out = out;
		this.err = err;
	}

	/**
	 * Runs the command line and exits with its status: 0 on success, 1 on failure, 2 for
	 * a command line that cannot be understood.
	 * @param args the arguments
	 */
	public static void main(String[] args) {
		int status;
		try {
			// nothing may log before the logging is configured: no LocalPlatform yet
			Path root = RepositoryRoot.find();
			Map<String, String> environment = System.getenv();
			configureLogging(homeOf(root, environment));
			status = new SouqCli(root, environment, System.out, System.err).run(args);
		}
		catch (SouqException ex) {
			System.err.println("souq: " + ex.getMessage());
			status = 1;
		}
		System.out.flush();
		System.exit(status);
	}

	private static SouqHome homeOf(Path root, Map<String, String> environment) {
		String home = environment.get("SOUQ_HOME");
		return new SouqHome((home != null && !home.isBlank()) ? Path.of(home) : root.resolve(".souq"));
	}

	private static void configureLogging(SouqHome home) {
		try {
			Files.createDirectories(home.logs());
		}
		catch (IOException ex) {
			throw new SouqException("cannot create " + home.logs() + ": " + ex.getMessage());
		}
		System.setProperty("souq.cli.log", home.logs().resolve("souq.log").toString());
		System.setProperty("log4j2.configurationFile", "classpath:io/souq/local/cli-log4j2.xml");
		System.setProperty("log4j2.shutdownHookEnabled", "false");
	}

	/**
	 * Runs one command.
	 * @param args the arguments
	 * @return the exit status
	 */
	int run(String... args) {
		try {
			if (args.length > 0 && args[0].equals("bench")) {
				return bench(List.of(args).subList(1, args.length));
			}
			CliArguments arguments = CliArguments.parse(args);
			return switch (arguments.command()) {
				case "help" -> help();
				case "up" -> up(arguments);
				case "down" -> down();
				case "status" -> status();
				case "logs" -> logs(arguments);
				case "stop" -> stop(arguments.names());
				case "start" -> start(arguments.names());
				case "restart" -> restart(arguments.names());
				case "reset" -> reset(arguments.force());
				default -> throw new UsageException("unknown command '" + arguments.command() + "'");
			};
		}
		catch (UsageException ex) {
			this.err.println("souq: " + ex.getMessage() + " (./souq help shows the commands)");
			return 2;
		}
		catch (SouqException ex) {
			if (shuttingDown()) {
				// Ctrl-C: the shutdown hook reports what it stops
				return 130;
			}
			log("Command failed: " + String.join(" ", args), ex);
			this.err.println("souq: " + ex.getMessage());
			if (ex.detail() != null) {
				this.err.println(ex.detail());
			}
			return 1;
		}
		catch (RuntimeException ex) {
			log("Command failed: " + String.join(" ", args), ex);
			this.err
				.println("souq: unexpected error: " + ex + " (details in " + home().logs().resolve("souq.log") + ")");
			return 1;
		}
	}

	private void log(String message, Throwable ex) {
		try {
			LoggerFactory.getLogger(SouqCli.class).error(message, ex);
		}
		catch (RuntimeException | LinkageError loggingFailure) {
			// logging is best effort
		}
	}

	private SouqHome home() {
		return homeOf(this.repositoryRoot, this.environment);
	}

	private int bench(List<String> args) {
		OrderBenchmark.Settings settings = OrderBenchmark.Settings.parse(args);
		LocalPlatform platform = platform(null);
		List<String> needed = List.of("gateway", "customer-service", "catalog-service", "cart-service", "order-service",
				"payment-service", "inventory-service", "shipping-service");
		List<String> missing = needed.stream().filter((name) -> !platform.running().contains(name)).toList();
		if (!missing.isEmpty()) {
			throw new SouqException(
					"bench needs a running platform (./souq up -d); not running: " + String.join(", ", missing));
		}
		new OrderBenchmark(java.net.URI.create(platform.gatewayUrl()), platform.kafkaBootstrap(), this.out)
			.run(settings, platform.adminEmail(), platform.adminPassword());
		return 0;
	}

	private LocalPlatform platform(CliArguments arguments) {
		LocalPlatform.Builder builder = LocalPlatform.builder(this.repositoryRoot)
			.environment(this.environment)
			.output(this.out);
		if (arguments != null) {
			arguments.timeoutSeconds().ifPresent((seconds) -> builder.readinessTimeout(Duration.ofSeconds(seconds)));
			arguments.parallel().ifPresent(builder::appConcurrency);
			if (arguments.noAot()) {
				builder.aot(false);
			}
		}
		return builder.build();
	}

	// ------------------------------------------------------------------ commands

	private int help() {
		try (InputStream usage = SouqCli.class.getResourceAsStream("usage.txt")) {
			this.out.print(new String(usage.readAllBytes(), StandardCharsets.UTF_8));
			return 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private int up(CliArguments arguments) {
		LocalPlatform platform = platform(arguments);
		List<Component> components = arguments.only().map(Component::select).orElse(Component.ALL);
		Optional<ProcessHandle> supervisor = liveSupervisor();
		boolean foreground = !arguments.detach() && supervisor.isEmpty();
		AtomicBoolean stopOnExit = new AtomicBoolean(true);
		Path supervisorPid = home().pidFile(SUPERVISOR);
		Thread hook = new Thread(() -> {
			if (stopOnExit.getAndSet(false)) {
				this.out.println();
				this.out.println("Stopping the platform ...");
				platform.abort();
				this.out.println("Stopped.");
			}
			if (foreground) {
				deleteQuietly(supervisorPid);
			}
			this.out.flush();
		}, "souq-shutdown");
		Runtime.getRuntime().addShutdownHook(hook);
		StartupReport report;
		try {
			report = platform.up(components);
		}
		catch (RuntimeException ex) {
			stopOnExit.set(false);
			removeHook(hook);
			throw ex;
		}
		printReport(platform, report);
		if (!foreground) {
			stopOnExit.set(false);
			removeHook(hook);
			supervisor.ifPresent((process) -> this.out.println("The foreground ./souq up (pid " + process.pid()
					+ ") is in charge: Ctrl-C there, or ./souq down, stops everything."));
			return 0;
		}
		try {
			Files.writeString(supervisorPid, ProcessHandle.current().pid() + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.out.println("Running. Ctrl-C stops everything (or ./souq down from another shell).");
		supervise(platform);
		stopOnExit.set(false);
		return 0;
	}

	/**
	 * Stays in the foreground: reports components that exit on their own, and returns
	 * once nothing is running any more (after {@code ./souq down} from another shell).
	 */
	private void supervise(LocalPlatform platform) {
		Map<String, Long> deadOnce = new HashMap<>();
		while (true) {
			Launcher.pause(Duration.ofSeconds(1));
			boolean anyRunning = false;
			for (Component component : Component.ALL) {
				PidFile pidFile = PidFile.of(platform.home(), component.name());
				OptionalLong pid = pidFile.read();
				if (pid.isEmpty()) {
					deadOnce.remove(component.name());
					continue;
				}
				boolean alive = ProcessHandle.of(pid.getAsLong()).map(ProcessInfo::isRunning).orElse(false);
				if (alive) {
					anyRunning = true;
					deadOnce.remove(component.name());
				}
				else if (Long.valueOf(pid.getAsLong()).equals(deadOnce.get(component.name()))) {
					this.out.println(component.name() + " (pid " + pid.getAsLong() + ") exited on its own: ./souq logs "
							+ component.name() + " shows why, ./souq start " + component.name() + " brings it back.");
					pidFile.delete();
					deadOnce.remove(component.name());
				}
				else {
					deadOnce.put(component.name(), pid.getAsLong());
					anyRunning = true;
				}
			}
			if (!anyRunning) {
				this.out.println("Nothing is running any more (./souq down?): exiting.");
				return;
			}
		}
	}

	private void printReport(LocalPlatform platform, StartupReport report) {
		Ports ports = platform.ports();
		List<String> running = platform.running();
		this.out.println();
		this.out.println("Souq is up (" + LocalPlatform.seconds(report.total()) + ", JDK " + Runtime.version().feature()
				+ ((ports.offset() != 0) ? ", port offset " + ports.offset() : "") + "):");
		Map<String, String> endpoints = new LinkedHashMap<>();
		if (running.contains(Component.GATEWAY.name())) {
			endpoints.put("Gateway", platform.gatewayUrl());
		}
		if (running.contains(Component.KAFKA.name())) {
			endpoints.put("Kafka bootstrap", platform.kafkaBootstrap());
		}
		if (running.contains(Component.MONGO.name())) {
			endpoints.put("MongoDB",
					platform.mongoUri() + "  (one database per service, e.g. " + platform.mongoUri("order") + ")");
		}
		if (running.contains(Component.SMTP.name())) {
			endpoints.put("SMTP", platform.smtpHost() + ":" + platform.smtpPort() + "  (IMAP " + platform.smtpHost()
					+ ":" + platform.imapPort() + ", GreenMail API " + platform.greenMailApiUrl() + ")");
		}
		endpoints.put("Admin account", platform.adminEmail() + " / " + platform.adminPassword()
				+ "  (SOUQ_ADMIN_EMAIL / SOUQ_ADMIN_PASSWORD)");
		endpoints.forEach((name, value) -> this.out.printf(Locale.ROOT, "  %-16s %s%n", name, value));
		this.out.println("Components:");
		for (StartupReport.Started started : report.components()) {
			String pid = started.pid().isPresent() ? "pid " + started.pid().getAsLong() : "";
			String time = started.alreadyRunning() ? "already running"
					: "ready in " + LocalPlatform.seconds(started.time());
			String note = (started.alreadyRunning() || started.note().isEmpty()) ? "" : "  (" + started.note() + ")";
			this.out.printf(Locale.ROOT, "  %-21s %-22s %-10s%s%n", started.name(), time, pid, note);
		}
		this.out.println("Total start-up: " + LocalPlatform.seconds(report.total()) + "; total RSS of " + running.size()
				+ " processes: " + ProcessInfo.formatKib(report.totalRssKib()));
		this.out.println("Logs: " + displayPath(platform.home().logs()) + "/<name>.log (./souq logs <name> -f)");
	}

	private int down() {
		LocalPlatform platform = platform(null);
		Optional<ProcessHandle> supervisor = liveSupervisor();
		long begin = System.nanoTime();
		if (!platform.running().isEmpty()) {
			this.out.println("Stopping the platform ...");
		}
		List<String> stopped = platform.down();
		if (stopped.isEmpty()) {
			this.out.println("Nothing is running.");
		}
		else {
			this.out.println("Stopped " + stopped.size() + " components in "
					+ LocalPlatform.seconds(Duration.ofNanos(System.nanoTime() - begin)) + ".");
		}
		SouqHome home = platform.home();
		CrashReports.warning(CrashReports.find(home), home, displayPath(home.root()))
			.ifPresent((warning) -> this.err.println("souq: " + warning));
		supervisor.ifPresent((process) -> {
			if (Launcher.awaitExit(process, Duration.ofSeconds(10))) {
				this.out.println("The foreground ./souq up (pid " + process.pid() + ") has exited.");
			}
		});
		return 0;
	}

	private int status() {
		LocalPlatform platform = platform(null);
		List<ComponentStatus> rows = platform.status();
		this.out.printf(Locale.ROOT, "%-21s %8s %6s  %-8s %9s%n", "COMPONENT", "PID", "PORT", "HEALTH", "RSS");
		long total = 0;
		int running = 0;
		for (ComponentStatus row : rows) {
			String pid = row.pid().isPresent() ? Long.toString(row.pid().getAsLong()) : "-";
			String rss = row.running() ? ProcessInfo.formatKib(row.rssKib()) : "-";
			String line = String.format(Locale.ROOT, "%-21s %8s %6d  %-8s %9s", row.name(), pid, row.port(),
					row.health(), rss);
			this.out.println(row.note().isEmpty() ? line : line + "  " + row.note());
			total += row.rssKib();
			running += row.running() ? 1 : 0;
		}
		this.out.println(running + " of " + rows.size() + " running, total RSS " + ProcessInfo.formatKib(total)
				+ liveSupervisor().map((p) -> "; foreground ./souq up: pid " + p.pid()).orElse(""));
		return 0;
	}

	private int logs(CliArguments arguments) {
		String name = arguments.names().get(0);
		Path log = home().log(name);
		if (!Files.isRegularFile(log)) {
			throw new SouqException("no log for " + name + " yet (" + displayPath(log) + "): it has not been started");
		}
		try {
			if (arguments.lines().isPresent()) {
				long size = Files.size(log);
				this.out.println(LogFiles.lastLines(log, arguments.lines().getAsInt()));
				if (arguments.follow()) {
					LogFiles.copy(log, this.out, size, true);
				}
			}
			else {
				LogFiles.print(log, this.out, arguments.follow());
			}
			return 0;
		}
		catch (IOException ex) {
			throw new SouqException("cannot read " + log + ": " + ex.getMessage(), ex);
		}
	}

	private int stop(List<String> names) {
		LocalPlatform platform = platform(null);
		for (String name : names) {
			if (!platform.stop(name)) {
				this.out.println(name + " is not running.");
			}
		}
		return 0;
	}

	private int start(List<String> names) {
		LocalPlatform platform = platform(null);
		for (String name : names) {
			StartupReport.Started started = platform.start(name);
			if (started.alreadyRunning()) {
				this.out.println(name + " is already running (pid " + started.pid().getAsLong() + ").");
			}
		}
		return 0;
	}

	private int restart(List<String> names) {
		LocalPlatform platform = platform(null);
		for (String name : names) {
			platform.stop(name);
			platform.start(name);
		}
		return 0;
	}

	private int reset(boolean force) {
		LocalPlatform platform = platform(null);
		List<String> running = platform.running();
		if (!running.isEmpty()) {
			if (!force) {
				throw new SouqException("components are running (" + String.join(", ", running)
						+ "): run ./souq down first, or ./souq reset --force to stop them and wipe the data");
			}
			this.out.println("Stopping the running components first (" + String.join(", ", running) + ") ...");
			platform.down();
		}
		Path data = platform.home().data();
		AppImage.deleteRecursively(data);
		this.out.println("Wiped " + displayPath(data)
				+ " (Kafka topics and offsets, MongoDB databases). Logs and AOT caches are kept.");
		return 0;
	}

	// ------------------------------------------------------------------ helpers

	private Optional<ProcessHandle> liveSupervisor() {
		Path file = home().pidFile(SUPERVISOR);
		OptionalLong pid = new PidFile(file, SUPERVISOR, home()).read();
		if (pid.isEmpty() || pid.getAsLong() == ProcessHandle.current().pid()) {
			return Optional.empty();
		}
		Optional<ProcessHandle> process = ProcessHandle.of(pid.getAsLong())
			.filter(ProcessInfo::isRunning)
			.filter((handle) -> ProcessInfo.commandLine(handle).contains(SouqCli.class.getName()));
		if (process.isEmpty()) {
			deleteQuietly(file);
		}
		return process;
	}

	private String displayPath(Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		return absolute.startsWith(this.repositoryRoot) ? this.repositoryRoot.relativize(absolute).toString()
				: absolute.toString();
	}

	private static boolean shuttingDown() {
		Thread probe = new Thread(() -> {
		});
		try {
			Runtime.getRuntime().addShutdownHook(probe);
			Runtime.getRuntime().removeShutdownHook(probe);
			return false;
		}
		catch (IllegalStateException ex) {
			return true;
		}
	}

	private static void removeHook(Thread hook) {
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (IllegalStateException ex) {
			// already shutting down
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// best effort
		}
	}

}
