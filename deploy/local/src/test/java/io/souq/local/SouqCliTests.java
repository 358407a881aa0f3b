package io.souq.local;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SouqCliTests {

	@TempDir
	Path root;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private SouqCli cli;

	@BeforeEach
	void emptyCheckout() throws Exception {
		Files.createDirectories(this.root.resolve("deploy/local/target/lib"));
		this.cli = new SouqCli(this.root, Map.of("SOUQ_PORT_OFFSET", "33500"),
				new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private String out() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

	@Test
	void helpPrintsTheUsage() {
		assertThat(this.cli.run("help")).isZero();
		assertThat(out()).startsWith("Usage: ./souq <command>")
			.contains("up [-d|--detach]")
			.contains("SOUQ_PORT_OFFSET");
		assertThat(err()).isEmpty();
	}

	@Test
	void anUnknownCommandIsOneLineAndStatusTwo() {
		assertThat(this.cli.run("deploy")).isEqualTo(2);
		assertThat(err()).isEqualTo("souq: unknown command 'deploy' (./souq help shows the commands)\n");
	}

	@Test
	void failuresAreOneLineWithoutStackTrace() {
		assertThat(this.cli.run("up", "--only", "cart-service", "-d")).isEqualTo(1);
		assertThat(err()).startsWith("souq: cart-service: souq-cart-service-exec.jar is missing in cart-service/target")
			.doesNotContain("Exception")
			.doesNotContain("\tat ");
	}

	@Test
	void statusShowsEveryComponentWithItsPort() {
		assertThat(this.cli.run("status")).isZero();
		assertThat(out()).contains("COMPONENT").contains("HEALTH");
		assertThat(out().lines().filter((line) -> line.contains("STOPPED"))).hasSize(12);
		assertThat(out()).containsPattern("kafka +- +42592 +STOPPED").contains("0 of 12 running");
	}

	@Test
	void logsOfAComponentThatNeverRanIsAnError() {
		assertThat(this.cli.run("logs", "kafka")).isEqualTo(1);
		assertThat(err()).contains("no log for kafka yet");
	}

	@Test
	void logsPrintsTheLastLines() throws Exception {
		Path log = this.root.resolve(".souq/logs/smtp.log");
		Files.createDirectories(log.getParent());
		Files.writeString(log, "1\n2\n3\n");
		assertThat(this.cli.run("logs", "smtp", "-n", "2")).isZero();
		assertThat(out()).isEqualTo("2\n3\n");
	}

	@Test
	void resetWipesTheDataButKeepsTheLogs() throws Exception {
		Path data = this.root.resolve(".souq/data/kafka/meta.properties");
		Path log = this.root.resolve(".souq/logs/kafka.log");
		Files.createDirectories(data.getParent());
		Files.createDirectories(log.getParent());
		Files.writeString(data, "x");
		Files.writeString(log, "x");
		assertThat(this.cli.run("reset")).isZero();
		assertThat(data.getParent().getParent()).doesNotExist();
		assertThat(log).exists();
		assertThat(out()).contains("Wiped .souq/data");
	}

	@Test
	void downWithNothingRunning() {
		assertThat(this.cli.run("down")).isZero();
		assertThat(out()).contains("Nothing is running.");
	}

	@Test
	void downWarnsInOneLineAboutCrashReportsInTheHome() throws Exception {
		Path home = this.root.resolve(".souq");
		Files.createDirectories(home);
		Files.writeString(home.resolve("hs_err_pid4242.log"), """
				# A fatal error has been detected by the Java Runtime Environment:
				jvm_args: -Dsouq.component=mongo -Dsouq.home=%s -Xmx256m
				""".formatted(home));
		Files.writeString(home.resolve("hs_err.txt"), "not a crash report");
		assertThat(this.cli.run("down")).isZero();
		assertThat(out()).contains("Nothing is running.");
		assertThat(err())
			.isEqualTo("souq: warning: a JVM crashed: .souq holds hs_err_pid4242.log (mongo) (read, then delete it)\n");
	}

	@Test
	void downWithoutCrashReportsWarnsAboutNothing() {
		assertThat(this.cli.run("down")).isZero();
		assertThat(err()).isEmpty();
	}

	@Test
	void stopOfAStoppedComponent() {
		assertThat(this.cli.run("stop", "payment-service")).isZero();
		assertThat(out()).contains("payment-service is not running.");
	}

}
