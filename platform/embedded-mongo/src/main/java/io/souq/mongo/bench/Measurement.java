package io.souq.mongo.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Runs an operation in a loop on client threads for a warm-up, then measures a window:
 * the operations completed, the server CPU time and the server's counters and data file
 * size before and after.
 */
final class Measurement {

	private static final Duration JOIN_TIMEOUT = Duration.ofMinutes(10);

	private final ServerProcess server;

	private final Supplier<ServerCounters> counters;

	private final Path dataFile;

	private final Duration warmup;

	private final Duration window;

	/**
	 * @param server the server whose CPU time is read
	 * @param counters reads the server's counters ({@code null} when absent)
	 * @param dataFile the server's data file
	 * @param warmup how long the operation runs before the window
	 * @param window how long it is measured
	 */
	Measurement(ServerProcess server, Supplier<ServerCounters> counters, Path dataFile, Duration warmup,
			Duration window) {
		this.server = server;
		this.counters = counters;
		this.dataFile = dataFile;
		this.warmup = warmup;
		this.window = window;
	}

	/** One call of the measured operation, by client thread {@code thread}. */
	@FunctionalInterface
	interface Operation {

		void run(int thread, SplittableRandom random) throws Exception;

	}

	/**
	 * Measures the operation.
	 * @param name names the threads and failures
	 * @param threads the client threads running it
	 * @param operation what each thread runs in a loop
	 * @return what the window measured
	 * @throws IllegalStateException when an operation failed
	 */
	Window measure(String name, int threads, Operation operation) throws InterruptedException {
		LongAdder done = new LongAdder();
		AtomicBoolean stop = new AtomicBoolean();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int thread = t;
			SplittableRandom random = new SplittableRandom(0x5eed + 31L * t + name.hashCode());
			workers.add(Thread.ofPlatform().name("store-benchmark-" + name + "-" + t).start(() -> {
				try {
					while (!stop.get()) {
						operation.run(thread, random);
						done.increment();
					}
				}
				catch (Throwable ex) {
					failure.compareAndSet(null, ex);
					stop.set(true);
				}
			}));
		}
		try {
			pause(this.warmup, stop);
			ServerCounters countersBefore = this.counters.get();
			long fileBefore = size(this.dataFile);
			long cpuBefore = this.server.cpuTicks();
			long operationsBefore = done.sum();
			long startNanos = System.nanoTime();
			pause(this.window, stop);
			long operationsAfter = done.sum();
			long endNanos = System.nanoTime();
			long cpuAfter = this.server.cpuTicks();
			long fileAfter = size(this.dataFile);
			ServerCounters countersAfter = this.counters.get();
			stop.set(true);
			join(workers);
			if (failure.get() != null) {
				throw failed(name, failure.get());
			}
			double cpuSeconds = (cpuBefore >= 0 && cpuAfter >= 0)
					? (double) (cpuAfter - cpuBefore) / ProcFs.clockTicksPerSecond() : Double.NaN;
			return new Window(operationsAfter - operationsBefore, (endNanos - startNanos) / 1e9, cpuSeconds,
					ServerCounters.delta(countersBefore, countersAfter), fileBefore, fileAfter);
		}
		finally {
			stop.set(true);
			for (Thread worker : workers) {
				worker.join(JOIN_TIMEOUT.toMillis());
			}
		}
	}

	private static IllegalStateException failed(String name, Throwable cause) {
		return new IllegalStateException(name + " failed: " + cause, cause);
	}

	private static void pause(Duration duration, AtomicBoolean stop) throws InterruptedException {
		long deadline = System.nanoTime() + duration.toNanos();
		long left;
		while (!stop.get() && (left = deadline - System.nanoTime()) > 0) {
			Thread.sleep(Math.min(100, Math.max(1, left / 1_000_000)));
		}
	}

	private static void join(List<Thread> workers) throws InterruptedException {
		long deadline = System.nanoTime() + JOIN_TIMEOUT.toNanos();
		for (Thread worker : workers) {
			worker.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
			if (worker.isAlive()) {
				throw new IllegalStateException(worker.getName() + " did not finish its last operation in "
						+ JOIN_TIMEOUT.toMinutes() + " min");
			}
		}
	}

	static long size(Path file) {
		try {
			if (Files.isDirectory(file)) {
				try (java.util.stream.Stream<Path> files = Files.list(file)) {
					return files.filter(Files::isRegularFile).mapToLong((each) -> each.toFile().length()).sum();
				}
			}
			return Files.size(file);
		}
		catch (java.io.IOException ex) {
			return -1;
		}
	}

	/**
	 * What a window measured.
	 *
	 * @param operations the operations completed in it
	 * @param seconds its length
	 * @param serverCpuSeconds the server's CPU time in it, NaN when unknown
	 * @param counters the change of the server's counters, {@code null} when it has none
	 * @param fileBytesBefore the data file's size at its start
	 * @param fileBytesAfter the data file's size at its end
	 */
	record Window(long operations, double seconds, double serverCpuSeconds, ServerCounters counters,
			long fileBytesBefore, long fileBytesAfter) {

		/** Operations per second. */
		double perSecond() {
			return this.operations / this.seconds;
		}

		/** Microseconds of server CPU per operation, NaN when unknown. */
		double cpuMicrosPerOperation() {
			return (this.operations > 0) ? this.serverCpuSeconds * 1e6 / this.operations : Double.NaN;
		}

		/** Server writes per commit in the window, NaN when unknown. */
		double writesPerCommit() {
			return (this.counters != null) ? this.counters.writesPerCommit() : Double.NaN;
		}

		/** A note on the server's counters and data file in the window. */
		String note() {
			String file = "data file " + Report.bytes(this.fileBytesBefore) + " -> "
					+ Report.bytes(this.fileBytesAfter);
			if (this.counters == null) {
				return file + "; server counters n/a";
			}
			return file + "; server writes +" + this.counters.writes() + ", commits +" + this.counters.commits();
		}

	}

}
