package io.souq.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the MongoDB-protocol server the way {@code ./souq up} does (a fresh home, AOT
 * caches enabled as by default) and stops it the way {@code ./souq down} does, twice: its
 * JVM records no AOT cache while serving, and leaves no crash report behind.
 */
class StoreStopIT {

	private static final int PORT_OFFSET = Integer.getInteger("souq.it.store-port-offset", 22000);

	private Path home;

	private LocalPlatform platform;

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	@BeforeEach
	void platform() throws IOException {
		this.home = Files.createTempDirectory("souq-store-it-");
		this.platform = LocalPlatform.builder(LocalPlatform.findRepositoryRoot())
			.home(this.home)
			.portOffset(PORT_OFFSET)
			.readinessTimeout(Duration.ofSeconds(60))
			.aot(true)
			.demoData(false)
			.output(new PrintStream(this.output, true, StandardCharsets.UTF_8))
			.build();
	}

	@AfterEach
	void cleanUp() {
		this.platform.down();
		AppImage.deleteRecursively(this.home);
		System.out.print(this.output.toString(StandardCharsets.UTF_8));
	}

	@Test
	void theStoreStopsWithoutCrashReportOrCoreFile() throws IOException {
		for (int cycle = 1; cycle <= 2; cycle++) {
			this.platform.up(Component.select("mongo"));
			ProcessHandle store = this.platform.process("mongo").orElseThrow();
			assertThat(ProcessInfo.commandLine(store)).as("cycle %d", cycle)
				.contains(LocalPlatform.MONGO_MAIN)
				.noneMatch((argument) -> argument.startsWith("-XX:AOTCache"));
			for (int i = 0; i < 200; i++) {
				assertThat(Probes.mongo(this.platform.ports().mongo())).isTrue();
			}
			assertThat(this.platform.down()).containsExactly("mongo");
			await().atMost(Duration.ofSeconds(30)).until(() -> !store.isAlive());
		}
		try (Stream<Path> files = Files.walk(this.home)) {
			List<String> names = files.map((path) -> path.getFileName().toString()).toList();
			assertThat(names).noneMatch((name) -> name.startsWith("hs_err_pid"))
				.noneMatch((name) -> name.equals("core") || name.startsWith("core."))
				.noneMatch((name) -> name.endsWith(".aot") || name.endsWith(".aot.config"));
		}
		assertThat(CrashReports.find(this.platform.home())).isEmpty();
		assertThat(LogFiles.tail(this.platform.log("mongo"), 200)).doesNotContain("A fatal error has been detected");
	}

}
