package io.souq.mongo.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server as users run it: {@code io.souq.mongo.MongoServerMain} in a JVM of its own,
 * on a data directory and a free port. Every started process is also killed by a shutdown
 * hook, so that none outlives the benchmark.
 */
final class ServerProcess implements AutoCloseable {

	static final String MAIN_CLASS = "io.souq.mongo.MongoServerMain";

	static final Pattern LISTENING = Pattern.compile("listening on (mongodb://\\S+)");

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(120);

	private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime()
			.addShutdownHook(
					new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "store-benchmark-server-killer"));
	}

	private final Process process;

	private final String connectionString;

	private final long startNanos;

	private final long listeningNanos;

	private final Path log;

	private ServerProcess(Process process, String connectionString, long startNanos, long listeningNanos, Path log) {
		this.process = process;
		this.connectionString = connectionString;
		this.startNanos = startNanos;
		this.listeningNanos = listeningNanos;
		this.log = log;
	}

	/**
	 * Starts the server and waits for its listening line.
	 * @param java the java binary
	 * @param javaOptions the JVM options
	 * @param classPath the class path
	 * @param dataDir the data directory
	 * @param log where the server's standard error goes (appended)
	 * @param timeout how long to wait for the listening line
	 * @return the listening server
	 * @throws IOException when it cannot start or does not listen in time
	 */
	static ServerProcess start(String java, List<String> javaOptions, String classPath, Path dataDir, Path log,
			Duration timeout) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(java);
		command.addAll(javaOptions);
		command.addAll(List.of("-cp", classPath, MAIN_CLASS, "--port", "0", "--data-dir", dataDir.toString()));
		ProcessBuilder builder = new ProcessBuilder(command)
			.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.redirectInput(ProcessBuilder.Redirect.PIPE);
		long startNanos = System.nanoTime();
		Process process = builder.start();
		RUNNING.add(process);
		process.getOutputStream().close();
		CompletableFuture<Listening> listening = new CompletableFuture<>();
		Thread.ofPlatform()
			.daemon()
			.name("store-benchmark-server-stdout-" + process.pid())
			.start(() -> readOutput(process, listening));
		try {
			Listening line = listening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return new ServerProcess(process, line.connectionString(), startNanos, line.nanos(), log);
		}
		catch (ExecutionException | TimeoutException ex) {
			kill(process);
			String reason = (ex instanceof TimeoutException) ? "no listening line within " + timeout.toSeconds() + " s"
					: ex.getCause().getMessage();
			throw new IOException("the server did not start: " + reason + lastLines(log));
		}
		catch (InterruptedException ex) {
			kill(process);
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while the server started");
		}
	}

	private static void readOutput(Process process, CompletableFuture<Listening> listening) {
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null) {
				Matcher matcher = LISTENING.matcher(line);
				if (!listening.isDone() && matcher.find()) {
					listening.complete(new Listening(matcher.group(1), System.nanoTime()));
				}
			}
		}
		catch (IOException ex) {
			// the process is gone
		}
		if (!listening.isDone()) {
			String code;
			try {
				code = String.valueOf(process.waitFor());
			}
			catch (InterruptedException ex) {
				code = "unknown";
			}
			listening.completeExceptionally(new IOException("it exited with code " + code));
		}
	}

	/** The connection string of the listening line. */
	String connectionString() {
		return this.connectionString;
	}

	/** The server's process id. */
	long pid() {
		return this.process.pid();
	}

	/** The time from the start of the process to its listening line. */
	Duration timeToListening() {
		return Duration.ofNanos(this.listeningNanos - this.startNanos);
	}

	/** The {@link System#nanoTime()} at which the process was started. */
	long startNanos() {
		return this.startNanos;
	}

	/** The CPU time the server used so far, in clock ticks, or -1. */
	long cpuTicks() {
		return ProcFs.cpuTicks(pid());
	}

	/** The server's resident memory, or -1. */
	long rssBytes() {
		return ProcFs.rssBytes(pid());
	}

	/**
	 * Stops the server as a user does (SIGTERM) and waits for it to exit.
	 * @return the exit code
	 * @throws IOException when it did not exit in time (it is killed then)
	 */
	int stop() throws IOException {
		this.process.destroy();
		try {
			if (!this.process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				kill(this.process);
				throw new IOException("the server did not stop within " + STOP_TIMEOUT.toSeconds() + " s of SIGTERM");
			}
		}
		catch (InterruptedException ex) {
			kill(this.process);
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while the server stopped");
		}
		RUNNING.remove(this.process);
		return this.process.exitValue();
	}

	/** Kills the server if it still runs. */
	@Override
	public void close() {
		kill(this.process);
	}

	/** The last lines the server wrote to standard error, for a failure message. */
	String logTail() {
		return lastLines(this.log);
	}

	private static void kill(Process process) {
		if (process.isAlive()) {
			process.destroyForcibly();
			try {
				process.waitFor(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		RUNNING.remove(process);
	}

	private static String lastLines(Path log) {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			if (lines.isEmpty()) {
				return "";
			}
			return "; its standard error ends with:\n  "
					+ String.join("\n  ", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
		}
		catch (IOException ex) {
			return "";
		}
	}

	private record Listening(String connectionString, long nanos) {
	}

}
