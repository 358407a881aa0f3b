package io.souq.local;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two processes contend for one component's lock: the second waits until the first
 * releases it.
 */
class ComponentLockIT {

	@TempDir
	Path dir;

	/** Not the common pool: on two cores it has one thread, which the reader keeps. */
	private static void newThread(Runnable task) {
		Thread.ofPlatform().daemon().start(task);
	}

	@Test
	void aSecondProcessWaitsUntilTheFirstReleases() throws Exception {
		SouqHome home = new SouqHome(this.dir);
		String classpath = Path.of(ComponentLock.class.getProtectionDomain().getCodeSource().getLocation().toURI())
				+ File.pathSeparator
				+ Path.of(ComponentLockHolder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Process holder = new ProcessBuilder(Launcher.currentJava().toString(), "-cp", classpath,
				ComponentLockHolder.class.getName(), home.root().toString(), "payment-service")
			.redirectErrorStream(true)
			.start();
		List<String> lines = new CopyOnWriteArrayList<>();
		CompletableFuture.runAsync(
				() -> new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8)).lines()
					.forEach(lines::add),
				ComponentLockIT::newThread);
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> lines.contains("locked"));
			List<String> events = new CopyOnWriteArrayList<>();
			CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
				try (ComponentLock lock = ComponentLock.acquire(home, "payment-service", "stopping payment-service",
						(description) -> events.add("waiting for " + description))) {
					events.add("locked");
				}
			}, ComponentLockIT::newThread);
			await().atMost(Duration.ofSeconds(10)).until(() -> !events.isEmpty());
			assertThat(events).containsExactly(
					"waiting for another ./souq command (pid " + holder.pid() + " starting payment-service)");
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !second.isDone());
			events.add("release asked");
			try (OutputStream in = holder.getOutputStream()) {
				in.write("release\n".getBytes(StandardCharsets.UTF_8));
			}
			await().atMost(Duration.ofSeconds(10)).until(second::isDone);
			assertThat(events).containsExactly(
					"waiting for another ./souq command (pid " + holder.pid() + " starting payment-service)",
					"release asked", "locked");
			assertThat(holder.waitFor()).isZero();
			await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("released"));
		}
		finally {
			holder.destroyForcibly();
		}
	}

}
