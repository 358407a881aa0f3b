package io.souq.mongo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * {@link MongoServerMain} in a process of its own, started with this JVM's {@code java}
 * and class path, its output collected line by line.
 */
final class LauncherProcess implements AutoCloseable {

	private static final Pattern LISTENING = Pattern
		.compile("souq-embedded-mongo listening on (mongodb://127\\.0\\.0\\.1:(\\d+)) .*");

	private final Process process;

	private final List<String> stdout = new CopyOnWriteArrayList<>();

	private final List<String> stderr = new CopyOnWriteArrayList<>();

	private final Thread stdoutReader;

	private final Thread stderrReader;

	private LauncherProcess(Process process) {
		this.process = process;
		this.stdoutReader = collect(process.getInputStream(), this.stdout, "stdout");
		this.stderrReader = collect(process.getErrorStream(), this.stderr, "stderr");
	}

	static LauncherProcess start(String... args) {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElseThrow());
		command.addAll(List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
		// let JaCoCo record the launcher's coverage too (lost on SIGKILL, kept otherwise)
		ManagementFactory.getRuntimeMXBean()
			.getInputArguments()
			.stream()
			.filter((argument) -> argument.startsWith("-javaagent:") && argument.contains("jacoco"))
			.forEach(command::add);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), MongoServerMain.class.getName()));
		command.addAll(List.of(args));
		try {
			return new LauncherProcess(new ProcessBuilder(command).start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Thread collect(InputStream stream, List<String> lines, String name) {
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
				String line;
				while ((line = in.readLine()) != null) {
					lines.add(line);
				}
			}
			catch (IOException ex) {
				// the process is gone
			}
		}, "launcher-" + name);
		reader.setDaemon(true);
		reader.start();
		return reader;
	}

	/**
	 * Waits for the listening line.
	 * @return the connection string it names
	 */
	String awaitListening() {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(50))
			.failFast("launcher ended: " + this.stderr, () -> !this.process.isAlive())
			.until(() -> this.stdout.stream().anyMatch((line) -> LISTENING.matcher(line).matches()));
		Matcher matcher = this.stdout.stream()
			.map(LISTENING::matcher)
			.filter(Matcher::matches)
			.findFirst()
			.orElseThrow();
		return matcher.group(1);
	}

	/**
	 * Waits for the process to end and its output to be read.
	 * @return the exit code
	 */
	int awaitExit() throws InterruptedException {
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			throw new IllegalStateException("launcher did not end: " + this.stdout + " " + this.stderr);
		}
		this.stdoutReader.join(10_000);
		this.stderrReader.join(10_000);
		return this.process.exitValue();
	}

	/** SIGKILL: no shutdown hook runs. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(60, TimeUnit.SECONDS);
	}

	/**
	 * SIGTERM: the shutdown hook closes the server. Sent through the process handle, as
	 * {@link Process#destroy()} also closes our ends of its output streams, losing what
	 * the shutdown hook prints.
	 */
	void terminate() {
		this.process.toHandle().destroy();
	}

	List<String> stdout() {
		return this.stdout;
	}

	List<String> stderr() {
		return this.stderr;
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			kill();
		}
	}

}
