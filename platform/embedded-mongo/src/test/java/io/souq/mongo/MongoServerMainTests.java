package io.souq.mongo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MongoServerMainTests {

	@TempDir
	Path tempDir;

	@Test
	void defaultsAreLoopbackAndTheMongoPort() {
		LauncherOptions options = LauncherOptions.parse("--in-memory");
		assertThat(options.bind()).isEqualTo("127.0.0.1");
		assertThat(options.port()).isEqualTo(27017);
		assertThat(options.storage()).isEqualTo(MongoStorage.inMemory());
		assertThat(options.help()).isFalse();
	}

	@Test
	void allOptionsAreRead() {
		LauncherOptions options = LauncherOptions.parse("--bind", "0.0.0.0", "--port", "27018", "--data-dir",
				"/var/lib/souq");
		assertThat(options.bind()).isEqualTo("0.0.0.0");
		assertThat(options.port()).isEqualTo(27018);
		assertThat(options.storage()).isEqualTo(MongoStorage.dataDir(Path.of("/var/lib/souq")));
	}

	@Test
	void optionsWithEqualsSignAreRead() {
		LauncherOptions options = LauncherOptions.parse("--port=0", "--data-dir=data", "--bind=localhost");
		assertThat(options.port()).isZero();
		assertThat(options.bind()).isEqualTo("localhost");
		assertThat(((MongoStorage.DataDir) options.storage()).directory()).isEqualTo(Path.of("data").toAbsolutePath());
	}

	@Test
	void helpIsRecognised() {
		assertThat(LauncherOptions.parse("--help").help()).isTrue();
		assertThat(LauncherOptions.HELP).contains("--bind <host>", "--port <n>", "--data-dir <dir>", "--in-memory");
	}

	@Test
	void wrongArgumentsAreReportedInOneLine() {
		assertUsageError("unknown argument '--verbose'", "--in-memory", "--verbose");
		assertUsageError("--port needs a value", "--in-memory", "--port");
		assertUsageError("--port needs a value", "--port", "--in-memory");
		assertUsageError("--port must be a number between 0 and 65535, not 'abc'", "--in-memory", "--port", "abc");
		assertUsageError("--port must be a number between 0 and 65535, not '65536'", "--in-memory", "--port", "65536");
		assertUsageError("--port must be a number between 0 and 65535, not '-1'", "--in-memory", "--port=-1");
		assertUsageError("--data-dir and --in-memory cannot be used together", "--in-memory", "--data-dir", "x");
		assertUsageError("choose the storage: --data-dir <dir> or --in-memory", "--port", "1");
		assertUsageError("--port is given more than once", "--in-memory", "--port", "1", "--port", "2");
		assertUsageError("--in-memory takes no value", "--in-memory=yes");
		assertUsageError("--bind needs a host name or address", "--in-memory", "--bind=");
		assertUsageError("--data-dir needs a directory", "--data-dir", " ");
	}

	private static void assertUsageError(String message, String... args) {
		assertThatExceptionOfType(LauncherOptions.UsageException.class).isThrownBy(() -> LauncherOptions.parse(args))
			.withMessage(message);
	}

	@Test
	void startPrintsOneListeningLine() {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
		Path dataDir = this.tempDir.resolve("data");
		EmbeddedMongoServer server = MongoServerMain
			.start(LauncherOptions.parse("--port", "0", "--data-dir", dataDir.toString()), out);
		try {
			assertThat(output.toString(StandardCharsets.UTF_8))
				.isEqualTo("souq-embedded-mongo listening on mongodb://127.0.0.1:" + server.port() + " (data dir "
						+ dataDir.toAbsolutePath().normalize() + ")" + System.lineSeparator());
		}
		finally {
			MongoServerMain.stop(server, out);
		}
		assertThat(output.toString(StandardCharsets.UTF_8))
			.endsWith("souq-embedded-mongo stopped" + System.lineSeparator());
	}

	@Test
	void portInUseIsAOneLineStartFailure() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			LauncherOptions options = LauncherOptions.parse("--in-memory", "--port",
					String.valueOf(taken.getLocalPort()));
			assertThatExceptionOfType(EmbeddedMongoException.class)
				.isThrownBy(() -> MongoServerMain.start(options, System.out))
				.satisfies((ex) -> assertThat(MongoServerMain.describe(ex))
					.isEqualTo("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use"));
		}
	}

	@Test
	void unexpectedFailuresAreDescribedWithTheirType() {
		assertThat(MongoServerMain.describe(new IllegalStateException("boom")))
			.isEqualTo("IllegalStateException: boom");
		assertThat(MongoServerMain.describe(new IllegalArgumentException("bad port"))).isEqualTo("bad port");
	}

	@Test
	void loggingBindingOnTheClassPathIsLeftAlone() {
		// the test class path has Logback
		MongoServerMain.quietLoggingWithoutProvider();
		assertThat(System.getProperty("slf4j.provider")).isNull();
	}

}
