package io.souq.mongo.bench;

import java.time.Duration;

/**
 * What the platform's services do to the server while nobody uses them: each of the seven
 * services' outbox relays polls once a second with a claim that finds nothing, and
 * recounts its backlog every five seconds.
 */
final class IdlePolling {

	static final int RELAYS = 7;

	static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

	static final int POLLS_PER_BACKLOG_COUNT = 5;

	private final OrderWorkloads workloads;

	IdlePolling(OrderWorkloads workloads) {
		this.workloads = workloads;
	}

	/**
	 * Polls for the warm-up, then measures the server's CPU time over the window.
	 * @param server the server
	 * @param warmup polling before the window
	 * @param window the measured polling
	 * @return the server's CPU time in percent of one core, NaN when unknown
	 */
	double measure(ServerProcess server, Duration warmup, Duration window) throws InterruptedException {
		poll(warmup);
		long cpuBefore = server.cpuTicks();
		long start = System.nanoTime();
		poll(window);
		long cpuAfter = server.cpuTicks();
		double seconds = (System.nanoTime() - start) / 1e9;
		if (cpuBefore < 0 || cpuAfter < 0) {
			return Double.NaN;
		}
		return 100.0 * (cpuAfter - cpuBefore) / ProcFs.clockTicksPerSecond() / seconds;
	}

	private void poll(Duration duration) throws InterruptedException {
		long start = System.nanoTime();
		long polls = duration.toNanos() / POLL_INTERVAL.toNanos();
		for (long poll = 0; poll < polls; poll++) {
			for (int relay = 0; relay < RELAYS; relay++) {
				this.workloads.claimMiss(relay, null);
			}
			if (poll % POLLS_PER_BACKLOG_COUNT == 0) {
				for (int relay = 0; relay < RELAYS; relay++) {
					this.workloads.countPending();
				}
			}
			long next = start + (poll + 1) * POLL_INTERVAL.toNanos();
			long sleep = next - System.nanoTime();
			if (sleep > 0) {
				Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
			}
		}
	}

}
