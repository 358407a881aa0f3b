package io.souq.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ComponentLockTests {

	@TempDir
	Path dir;

	@Test
	void aSecondThreadWaitsUntilTheFirstReleases() {
		SouqHome home = new SouqHome(this.dir);
		List<String> events = new CopyOnWriteArrayList<>();
		ComponentLock first = ComponentLock.acquire(home, "payment-service", "starting", events::add);
		assertThat(ComponentLock.file(home, "payment-service")).content()
			.isEqualTo("pid " + ProcessHandle.current().pid() + " starting\n");
		CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
			try (ComponentLock lock = ComponentLock.acquire(home, "payment-service", "stopping",
					(holder) -> events.add("waiting for " + holder))) {
				events.add("second holds it");
			}
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> events.contains("waiting for this command"));
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !second.isDone());
		events.add("first releases");
		first.close();
		await().atMost(Duration.ofSeconds(10)).until(second::isDone);
		assertThat(events).containsExactly("waiting for this command", "first releases", "second holds it");
	}

	@Test
	void locksOfDifferentComponentsAreIndependent() {
		SouqHome home = new SouqHome(this.dir);
		List<String> waits = new CopyOnWriteArrayList<>();
		try (ComponentLock payment = ComponentLock.acquire(home, "payment-service", "starting", waits::add);
				ComponentLock order = ComponentLock.acquire(home, "order-service", "starting", waits::add)) {
			assertThat(waits).isEmpty();
		}
		try (ComponentLock again = ComponentLock.acquire(home, "payment-service", "stopping", waits::add)) {
			assertThat(waits).isEmpty();
		}
	}

}
