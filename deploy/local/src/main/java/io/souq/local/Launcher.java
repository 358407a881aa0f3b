package io.souq.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the platform's processes. Components run detached from the terminal's
 * process group ({@code setsid}), so that Ctrl-C reaches only the command line, which
 * then stops them in order; their output goes to their log file and their pid to their
 * pid file. Short-lived helper processes (formatting Kafka's storage, extracting a jar,
 * training an AOT cache) are tracked so that they can be killed on abort.
 */
final class Launcher {

	private static final Logger logger = LoggerFactory.getLogger(Launcher.class);

	private static final long MAX_LOG_BYTES = 20L * 1024 * 1024;

	private final SouqHome home;

	private final Path java;

	private final Optional<Path> setsid;

	private final Set<Process> helpers = ConcurrentHashMap.newKeySet();

	private final Object lock = new Object();

	private volatile boolean aborted;

	Launcher(SouqHome home, Path java) {
		this.home = home;
		this.java = java;
		this.setsid = findOnPath("setsid");
	}

	/**
	 * The {@code java} executable every process runs on: the one running this launcher.
	 * @return the executable
	 */
	static Path currentJava() {
		return Path.of(System.getProperty("java.home"), "bin", "java");
	}

	Path java() {
		return this.java;
	}

	boolean detachesWithSetsid() {
		return this.setsid.isPresent();
	}

	/**
	 * Starts a component in the background.
	 * @param name the component
	 * @param javaArguments the JVM's arguments (without the {@code java} executable)
	 * @param environment variables to add to the inherited environment
	 * @return the process
	 */
	Process startComponent(String name, List<String> javaArguments, Map<String, String> environment) {
		List<String> command = new ArrayList<>();
		this.setsid.ifPresent((path) -> command.add(path.toString()));
		command.add(this.java.toString());
		command.add(PidFile.componentMarker(name));
		command.add(PidFile.homeMarker(this.home));
		command.addAll(javaArguments);
		Path log = this.home.log(name);
		synchronized (this.lock) {
			if (this.aborted) {
				throw new SouqException(name + ": not started, the platform is stopping");
			}
			prepareLog(log, "starting " + name);
			logger.info("Starting {}: {}", name, command);
			Process process = start(command, environment, log);
			PidFile.of(this.home, name).write(process.pid());
			return process;
		}
	}

	/**
	 * Runs a helper process to completion, its output appended to a log.
	 * @param label what the process does, for messages
	 * @param javaArguments the JVM's arguments
	 * @param environment variables to add
	 * @param log the log file
	 * @param timeout how long it may take
	 * @return the exit code
	 * @throws SouqException if it does not finish in time
	 */
	int runHelper(String label, List<String> javaArguments, Map<String, String> environment, Path log,
			Duration timeout) {
		List<String> command = new ArrayList<>();
		command.add(this.java.toString());
		command.add(PidFile.homeMarker(this.home));
		command.addAll(javaArguments);
		Process process;
		synchronized (this.lock) {
			if (this.aborted) {
				throw new SouqException(label + ": not run, the platform is stopping");
			}
			prepareLog(log, label);
			logger.info("Running {}: {}", label, command);
			process = start(command, environment, log);
			this.helpers.add(process);
		}
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new SouqException(
						label + " did not finish within " + timeout.toSeconds() + " s (see " + log + ")");
			}
			return process.exitValue();
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new SouqException(label + " interrupted");
		}
		finally {
			this.helpers.remove(process);
		}
	}

	/**
	 * Refuses every further start and kills the running helper processes.
	 */
	void abort() {
		synchronized (this.lock) {
			this.aborted = true;
		}
		for (Process helper : this.helpers) {
			helper.destroyForcibly();
		}
	}

	boolean isAborted() {
		return this.aborted;
	}

	private Process start(List<String> command, Map<String, String> environment, Path log) {
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.home.root().toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		builder.environment().putAll(environment);
		try {
			return builder.start();
		}
		catch (IOException ex) {
			throw new SouqException("cannot start " + command.get(0) + ": " + ex.getMessage(), ex);
		}
	}

	private void prepareLog(Path log, String what) {
		try {
			Files.createDirectories(log.getParent());
			if (Files.exists(log) && Files.size(log) > MAX_LOG_BYTES) {
				Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
			}
			Files.writeString(log, "==== " + Instant.now() + " souq: " + what + " ====\n", StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Stops a process: SIGTERM, then SIGKILL if it has not exited in time.
	 * @param process the process
	 * @param timeout how long to wait after SIGTERM
	 * @return {@code true} if it exited after SIGTERM, {@code false} if it was killed
	 */
	static boolean stop(ProcessHandle process, Duration timeout) {
		if (!ProcessInfo.isRunning(process)) {
			return true;
		}
		process.destroy();
		if (awaitExit(process, timeout)) {
			return true;
		}
		logger.warn("Process {} did not exit within {}: killing it", process.pid(), timeout);
		process.destroyForcibly();
		awaitExit(process, Duration.ofSeconds(10));
		return false;
	}

	static boolean awaitExit(ProcessHandle process, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (ProcessInfo.isRunning(process)) {
			if (System.nanoTime() - deadline > 0) {
				return false;
			}
			pause(Duration.ofMillis(100));
		}
		return true;
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SouqException("interrupted");
		}
	}

	private static Optional<Path> findOnPath(String program) {
		String path = System.getenv("PATH");
		List<String> dirs = new ArrayList<>(List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin"));
		if (path != null) {
			dirs.addAll(0, List.of(path.split(File.pathSeparator)));
		}
		for (String dir : dirs) {
			if (dir.isEmpty()) {
				continue;
			}
			Path candidate = Path.of(dir, program);
			if (Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

}
