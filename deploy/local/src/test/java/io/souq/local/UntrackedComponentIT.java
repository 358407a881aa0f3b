package io.souq.local;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What {@code status}, {@code start} and {@code stop} do when the pid files do not tell
 * the whole truth, with the real MongoDB-protocol server in a temporary home and a port
 * offset ({@code -Dsouq.it.untracked-port-offset}, default 23000): concurrent
 * {@code ./souq start} commands (separate processes) start it once, a server whose pid
 * file is gone is shown as running and is stopped, and a port served by another program
 * is shown but that program is left alone.
 */
class UntrackedComponentIT {

	private static final int PORT_OFFSET = Integer.getInteger("souq.it.untracked-port-offset", 23000);

	private Path root;

	private Path home;

	private LocalPlatform platform;

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	@BeforeEach
	void platform() throws IOException {
		this.root = LocalPlatform.findRepositoryRoot();
		this.home = Files.createTempDirectory("souq-untracked-it-");
		this.platform = LocalPlatform.builder(this.root)
			.home(this.home)
			.portOffset(PORT_OFFSET)
			.readinessTimeout(Duration.ofSeconds(60))
			.aot(false)
			.demoData(false)
			.output(new PrintStream(this.output, true, StandardCharsets.UTF_8))
			.build();
	}

	@AfterEach
	void cleanUp() {
		this.platform.down();
		assertThat(stores()).isEmpty();
		AppImage.deleteRecursively(this.home);
		System.out.print(this.output.toString(StandardCharsets.UTF_8));
	}

	@Test
	void concurrentStartCommandsStartTheStoreOnce() throws Exception {
		Path first = this.home.resolve("first.out");
		Path second = this.home.resolve("second.out");
		Process one = souq(first, "start", "mongo");
		Process two = souq(second, "start", "mongo");
		await().atMost(Duration.ofSeconds(120)).until(() -> !one.isAlive() && !two.isAlive());
		String outputs = Files.readString(first) + Files.readString(second);
		assertThat(one.exitValue()).as(outputs).isZero();
		assertThat(two.exitValue()).as(outputs).isZero();
		List<ProcessHandle> stores = stores();
		assertThat(stores).as(outputs).hasSize(1);
		long pid = stores.get(0).pid();
		assertThat(Pattern.compile("mongo is already running \\(pid " + pid + "\\)").matcher(outputs).results())
			.as(outputs)
			.hasSize(1);
		ComponentStatus mongo = status("mongo");
		assertThat(mongo.health()).isEqualTo(Health.UP);
		assertThat(mongo.pid()).hasValue(pid);
		assertThat(mongo.note()).isEmpty();
	}

	@Test
	void aStoreWhosePidFileIsGoneIsShownRunningAndIsStopped() throws Exception {
		this.platform.up(Component.select("mongo"));
		ProcessHandle store = this.platform.process("mongo").orElseThrow();
		Files.delete(this.platform.home().pidFile("mongo"));

		ComponentStatus mongo = status("mongo");
		assertThat(mongo.health()).isEqualTo(Health.UP);
		assertThat(mongo.pid()).hasValue(store.pid());
		assertThat(mongo.note()).isEqualTo("untracked pid " + store.pid() + " (no pid file)");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		SouqCli cli = new SouqCli(this.root, environment(), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
		assertThat(cli.run("status")).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8))
			.containsPattern("mongo +" + store.pid() + " +" + this.platform.ports().mongo() + " +UP .*untracked pid "
					+ store.pid() + " \\(no pid file\\)")
			.contains("1 of 12 running");

		assertThat(this.platform.stop("mongo")).isTrue();
		await().atMost(Duration.ofSeconds(30)).until(() -> !store.isAlive());
		assertThat(status("mongo").health()).isEqualTo(Health.STOPPED);
		assertThat(this.output.toString(StandardCharsets.UTF_8)).contains("mongo (pid " + store.pid() + ", untracked)");
	}

	@Test
	void aPortServedByAnotherProgramIsShownButThatProgramIsNotStopped() throws Exception {
		int port = this.platform.smtpPort();
		try (ServerSocket other = new ServerSocket(port, 50, InetAddress.getByName(Ports.HOST))) {
			ComponentStatus smtp = status("smtp");
			assertThat(smtp.running()).isTrue();
			assertThat(smtp.pid()).hasValue(ProcessHandle.current().pid());
			assertThat(smtp.note()).startsWith("port served by pid " + ProcessHandle.current().pid() + ", not started");
			assertThat(this.platform.stop("smtp")).isFalse();
			assertThat(other.isClosed()).isFalse();
			assertThat(Probes.tcp(port)).isTrue();
		}
	}

	private ComponentStatus status(String name) {
		return this.platform.status().stream().filter((row) -> row.name().equals(name)).findFirst().orElseThrow();
	}

	private List<ProcessHandle> stores() {
		try (Stream<ProcessHandle> processes = ProcessHandle.allProcesses()) {
			return processes
				.filter((handle) -> LocalPlatform.isOurs(Component.MONGO, ProcessInfo.commandLine(handle),
						this.platform.home()))
				.filter(ProcessInfo::isRunning)
				.toList();
		}
	}

	private Map<String, String> environment() {
		return Map.of("SOUQ_HOME", this.home.toString(), "SOUQ_PORT_OFFSET", Integer.toString(PORT_OFFSET), "SOUQ_AOT",
				"false", "SOUQ_DEMO_DATA", "false");
	}

	/**
	 * Runs {@code ./souq} as the script does: its own JVM on the launcher classpath.
	 */
	private Process souq(Path output, String... arguments) throws Exception {
		Path classes = Path.of(SouqCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		List<String> command = new java.util.ArrayList<>(List.of(Launcher.currentJava().toString(), "-Xmx256m",
				"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dsouq.repository.root=" + this.root, "-cp",
				classes + File.pathSeparator + this.root.resolve("deploy/local/target/lib") + "/*",
				SouqCli.class.getName()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		builder.environment().putAll(environment());
		return builder.start();
	}

}
