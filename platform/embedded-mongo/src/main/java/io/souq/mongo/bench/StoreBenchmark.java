package io.souq.mongo.bench;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Measures the embedded server on its durable file storage, running as users run it: in a
 * process of its own ({@code java -Xmx256m -XX:+UseSerialGC -cp <this class path>
 * io.souq.mongo.MongoServerMain --port 0 --data-dir <fresh dir>}), with the MongoDB sync
 * driver in this JVM as the client. A command that prints figures, not a test.
 * <p>
 * For each size N of {@code --sizes}, a fresh server on a fresh data directory gets an
 * {@code orders} collection (database {@code bench}) with the indexes order-service and
 * the outbox relay declare ({@code customerId}, unique {@code checkoutKey},
 * {@code status}, {@code wakeAt}, {@code createdAt} and the sparse
 * {@code souq_outbox_pending} on {@code outbox.messageId}), then N order documents of
 * about {@code --doc-bytes} BSON bytes, shaped like order-service's (N/10 customers, no
 * pending outbox message), in {@code insertMany} batches of 1,000 from up to four client
 * threads: the fill rate is printed. Then each workload runs for {@code --warmup-seconds}
 * and is measured for {@code --seconds}; a figure is its operations per second and the
 * server process's CPU time per operation ({@code utime + stime} of
 * {@code /proc/<pid>/stat} over the window):
 * <ol>
 * <li><b>insertOne</b> of a just placed order (run last, so that the other figures see
 * exactly N documents);</li>
 * <li><b>findOneAndUpdate {_id, version}</b>: {@code $set} of {@code updatedAt} and
 * {@code status}, {@code $inc} of {@code version} on a random order at its current
 * version, as optimistic locking does (versions are tracked here, so each call
 * matches);</li>
 * <li><b>indexed find</b>: {@code find({customerId}).sort({createdAt: -1}).limit(20)} for
 * a random customer;</li>
 * <li><b>outbox claim, nothing pending</b>: the relay's claim (the
 * {@code findOneAndUpdate} of {@code OutboxRelay.claim}, same filter, update and
 * projection), which finds nothing; also whether it commits anything: the data file's
 * size and the server's write and commit counters over the window;</li>
 * <li><b>outbox claim, one pending</b>: one order has a pending message; each call claims
 * it and releases the lease as the relay does after publishing, so the next call claims
 * it again (claims per second, server CPU per claim and release);</li>
 * <li><b>concurrent writers</b>: {@code --writers} client threads run the update of 2 on
 * disjoint shares of the orders: writes per second and, when the server reports its
 * counters ({@code serverStatus} with a {@code souq} document holding {@code writes} and
 * {@code commits}), writes per commit over the window ({@code n/a} otherwise).</li>
 * </ol>
 * After the workloads: the server's resident memory ({@code VmRSS}), the data file (the
 * files of the data directory) divided by the live data (the {@code size} of
 * {@code collStats} when it is within 20 % of the BSON bytes inserted here, else those
 * bytes; the line says which), and a restart: SIGTERM, wait for the exit, start again on
 * the same directory, time to the listening line and to the first successful
 * {@code ping}.
 * <p>
 * Once per run, on the restarted server of the largest size (unless {@code --skip-idle}):
 * the server's CPU in percent of one core over 30 s (after 5 s of the same) while a
 * client does what the idle platform does: for each of 7 relayed collections one claim
 * that finds nothing per second, and every 5 s the relay's {@code countPending}
 * aggregation, all on the filled orders collection (an upper bound: the other services'
 * collections are smaller).
 * <p>
 * Each size prints its table; the end prints a summary with one row per figure, one
 * column per size, the target of each figure and {@code ok} or {@code MISS}. Before
 * filling, the free space under {@code --data-root} is checked (about 3 bytes of disk per
 * byte of data); a size that does not fit is skipped and said so. The data is deleted at
 * the end unless {@code --keep}. Every server process is killed when the benchmark ends,
 * however it ends (short of SIGKILL).
 *
 * <pre>
 * java -cp "target/souq-embedded-mongo-0.1.0-SNAPSHOT.jar:$(cat target/cp.txt)" io.souq.mongo.bench.StoreBenchmark [options]
 * </pre>
 *
 * Options: {@code --sizes 1000,100000,1000000}, {@code --doc-bytes 3000},
 * {@code --seconds 10}, {@code --warmup-seconds 3}, {@code --writers 8},
 * {@code --data-root
 *
<dir>
 * }, {@code --keep}, {@code --server-java-opts '<opts>'} (default
 * {@code -Xmx256m -XX:+UseSerialGC}), {@code --server-java <java>} (default the running
 * JVM's), {@code --skip-idle}, {@code --help}. A wrong argument prints one line and exits
 * with code 2.
 */
public final class StoreBenchmark {

	static final String NAME = "store-benchmark";

	static final int EXIT_USAGE = 2;

	private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

	private static final Duration IDLE_WARMUP = Duration.ofSeconds(5);

	private static final Duration IDLE_WINDOW = Duration.ofSeconds(30);

	private static final long DISK_RESERVE = 1L << 30;

	private static final double DISK_PER_DATA_BYTE = 3.0;

	private final BenchmarkOptions options;

	private final PrintStream out;

	private final String classPath = System.getProperty("java.class.path");

	private StoreBenchmark(BenchmarkOptions options, PrintStream out) {
		this.options = options;
		this.out = out;
	}

	public static void main(String[] args) throws Exception {
		PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
		BenchmarkOptions options;
		try {
			options = BenchmarkOptions.parse(args);
		}
		catch (BenchmarkOptions.UsageException ex) {
			System.err.println(NAME + ": " + ex.getMessage() + " (" + BenchmarkOptions.USAGE + ")");
			System.exit(EXIT_USAGE);
			return;
		}
		if (options.help()) {
			out.print(BenchmarkOptions.HELP);
			return;
		}
		quietLogging();
		System.exit(new StoreBenchmark(options, out).run());
	}

	private int run() throws IOException, InterruptedException {
		this.out.printf(Locale.ROOT, "# store benchmark, %s: Java %s, %d CPUs, load average %s%n",
				Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.version(),
				Runtime.getRuntime().availableProcessors(), loadAverage());
		this.out.printf(Locale.ROOT,
				"# server: %s %s ... %s; documents of ~%,d BSON bytes; %d s measured after %d s warm-up%n",
				this.options.serverJava(), String.join(" ", this.options.serverJavaOptions()), ServerProcess.MAIN_CLASS,
				this.options.docBytes(), this.options.seconds(), this.options.warmupSeconds());
		Files.createDirectories(this.options.dataRoot());
		List<Integer> fitting = checkDisk();
		Path runDir = Files.createTempDirectory(this.options.dataRoot(), "souq-store-bench-");
		List<SizeResult> results = new ArrayList<>();
		boolean failed = false;
		Thread cleanup = new Thread(() -> deleteQuietly(runDir), NAME + "-cleanup");
		if (!this.options.keep()) {
			Runtime.getRuntime().addShutdownHook(cleanup);
		}
		try {
			for (int size : this.options.sizes()) {
				SizeResult result = new SizeResult(size);
				results.add(result);
				if (!fitting.contains(size)) {
					result.problem("skipped: not enough disk space");
					continue;
				}
				try {
					measureSize(size, runDir, result);
				}
				catch (RuntimeException | IOException ex) {
					failed = true;
					result.problem(ex.getMessage());
					this.out.printf(Locale.ROOT, "%n%,d documents FAILED: %s%n", size, ex.getMessage());
				}
			}
		}
		finally {
			if (this.options.keep()) {
				this.out.println("\ndata kept in " + runDir);
			}
			else {
				deleteRecursively(runDir);
				Runtime.getRuntime().removeShutdownHook(cleanup);
			}
		}
		printSummary(results);
		return failed ? 1 : 0;
	}

	private List<Integer> checkDisk() throws IOException {
		long usable = Files.getFileStore(this.options.dataRoot()).getUsableSpace();
		long largest = diskNeeded(this.options.largestSize());
		this.out.printf(Locale.ROOT, "# disk: %s free under %s; the largest size needs about %s%s%n",
				Report.bytes(usable), this.options.dataRoot().toAbsolutePath(), Report.bytes(largest),
				this.options.keep() ? " (with --keep, every size's data stays)" : "");
		List<Integer> fitting = new ArrayList<>();
		long committed = 0;
		for (int size : this.options.sizes()) {
			long needed = diskNeeded(size);
			if (committed + needed + DISK_RESERVE > usable) {
				this.out.printf(Locale.ROOT, "# disk SHORT for %,d documents: needs about %s, %s free: skipped%n", size,
						Report.bytes(needed), Report.bytes(usable - committed));
				continue;
			}
			fitting.add(size);
			if (this.options.keep()) {
				committed += needed;
			}
		}
		return fitting;
	}

	private long diskNeeded(int size) {
		return (long) (DISK_PER_DATA_BYTE * size * this.options.docBytes()) + (64L << 20);
	}

	private void measureSize(int size, Path runDir, SizeResult result) throws IOException, InterruptedException {
		Path dataDir = Files.createDirectories(runDir.resolve("orders-" + size));
		Path log = runDir.resolve("server-" + size + ".log");
		// the store's files: the data directory itself
		Path dataFile = dataDir;
		this.out.printf(Locale.ROOT, "%n## %,d documents of ~%,d bytes%n%n", size, this.options.docBytes());
		ServerProcess server = startServer(dataDir, log);
		try {
			this.out.printf(Locale.ROOT, "server pid %d listening after %.2f s on an empty data directory%n",
					server.pid(), server.timeToListening().toNanos() / 1e9);
			OrderWorkloads workloads;
			try (MongoClient client = client(server.connectionString())) {
				workloads = new OrderWorkloads(client.getDatabase(OrderWorkloads.DATABASE), size,
						this.options.docBytes());
				workloads.createIndexes();
				OrderWorkloads.Fill fill = workloads.fill(this.out);
				result.put(Figure.FILL_RATE, fill.documentsPerSecond());
				this.out.printf(Locale.ROOT,
						"fill: %,d documents (%s, %,d bytes on average) in %.1f s: %,.0f docs/s, %.1f MB/s"
								+ " (insertMany of %,d, client threads: %d); data file %s%n",
						fill.documents(), Report.bytes(fill.bytes()), fill.bytes() / Math.max(1, fill.documents()),
						fill.seconds(), fill.documentsPerSecond(), fill.megabytesPerSecond(), OrderWorkloads.BATCH,
						Math.min(OrderWorkloads.FILL_THREADS, (size + OrderWorkloads.BATCH - 1) / OrderWorkloads.BATCH),
						Report.bytes(Measurement.size(dataFile)));
				measureWorkloads(server, client, workloads, dataFile, result);
				result.put(Figure.RSS, server.rssBytes() / (double) (1 << 20));
				measureFile(workloads, dataFile, result);
			}
			server = restart(server, dataDir, log, result);
			if (!this.options.skipIdle() && size == this.options.largestSize()) {
				measureIdle(server, size, result);
			}
			server.stop();
		}
		finally {
			server.close();
			if (!this.options.keep()) {
				deleteRecursively(dataDir);
			}
		}
	}

	private void measureWorkloads(ServerProcess server, MongoClient client, OrderWorkloads workloads, Path dataFile,
			SizeResult result) throws InterruptedException {
		Measurement measurement = new Measurement(server, () -> ServerCounters.read(client), dataFile,
				Duration.ofSeconds(this.options.warmupSeconds()), Duration.ofSeconds(this.options.seconds()));
		int writers = this.options.writers();
		Measurement.Window update = measurement.measure("update", 1, workloads.versionedUpdates(1));
		Measurement.Window find = measurement.measure("find", 1, workloads::findByCustomer);
		Measurement.Window claimMiss = measurement.measure("claim-miss", 1, workloads::claimMiss);
		String pending = workloads.makeOnePending(new SplittableRandom(result.size()));
		Measurement.Window claimOne;
		try {
			claimOne = measurement.measure("claim-one", 1, (thread, random) -> workloads.claimAndRelease(pending));
		}
		finally {
			workloads.clearPending(pending);
		}
		Measurement.Window concurrent = measurement.measure("writers", writers, workloads.versionedUpdates(writers));
		Measurement.Window insert = measurement.measure("insert", 1, workloads::insertOne);

		put(result, Figure.INSERT, Figure.INSERT_CPU, insert);
		put(result, Figure.UPDATE, Figure.UPDATE_CPU, update);
		put(result, Figure.FIND, Figure.FIND_CPU, find);
		put(result, Figure.CLAIM_MISS, Figure.CLAIM_MISS_CPU, claimMiss);
		result.put(Figure.CLAIM_MISS_COMMITS,
				(claimMiss.counters() != null) ? claimMiss.counters().commits() : Double.NaN);
		result.put(Figure.CLAIM_MISS_FILE_GROWTH, (claimMiss.fileBytesBefore() >= 0 && claimMiss.fileBytesAfter() >= 0)
				? claimMiss.fileBytesAfter() - claimMiss.fileBytesBefore() : Double.NaN);
		put(result, Figure.CLAIM_ONE, Figure.CLAIM_ONE_CPU, claimOne);
		put(result, Figure.WRITERS, Figure.WRITERS_CPU, concurrent);
		result.put(Figure.WRITES_PER_COMMIT, concurrent.writesPerCommit());

		Table table = new Table("measurement", "client threads", "ops/s", "µs server CPU/op", "notes").left(4);
		row(table, "insertOne new order", 1, insert, insert.note());
		row(table, "findOneAndUpdate {_id, version}", 1, update, update.note());
		row(table, "find customerId sort createdAt -1 limit 20", 1, find,
				String.format(Locale.ROOT, "%.1f documents per find; %s", workloads.documentsPerFind(), find.note()));
		row(table, "outbox claim, nothing pending", 1, claimMiss, claimMiss.note());
		row(table, "outbox claim + release, one pending (claims/s)", 1, claimOne, claimOne.note());
		double perCommit = concurrent.writesPerCommit();
		row(table, "concurrent findOneAndUpdate {_id, version} (writes/s)", writers, concurrent,
				"writes per commit: "
						+ (Double.isNaN(perCommit) ? Target.UNKNOWN : String.format(Locale.ROOT, "%.2f", perCommit))
						+ "; " + concurrent.note());
		this.out.println();
		table.print(this.out);
		this.out.println();
	}

	private static void put(SizeResult result, Figure rate, Figure cpu, Measurement.Window window) {
		result.put(rate, window.perSecond());
		result.put(cpu, window.cpuMicrosPerOperation());
	}

	private static void row(Table table, String name, int threads, Measurement.Window window, String note) {
		table.row(name, String.valueOf(threads), Figure.INSERT.format(window.perSecond()),
				Figure.INSERT_CPU.format(window.cpuMicrosPerOperation()), note);
	}

	private void measureFile(OrderWorkloads workloads, Path dataFile, SizeResult result) {
		long file = Measurement.size(dataFile);
		long inserted = workloads.insertedBytes();
		long collStats = workloads.collStatsSize();
		boolean plausible = collStats > 0 && collStats >= inserted * 0.8 && collStats <= inserted * 1.25;
		long live = plausible ? collStats : inserted;
		String source = plausible ? "collStats size" : "BSON bytes inserted, nothing deleted (collStats size "
				+ ((collStats >= 0) ? Report.bytes(collStats) + " is implausible" : "n/a") + ")";
		double ratio = (file >= 0 && live > 0) ? (double) file / live : Double.NaN;
		result.put(Figure.FILE_RATIO, ratio);
		this.out.printf(Locale.ROOT, "server RSS after the measurements: %s%n",
				Figure.RSS.formatJudged(result.get(Figure.RSS), " MB"));
		this.out.printf(Locale.ROOT, "data file %s / live data %s (%s, %,d documents) = %s%n", Report.bytes(file),
				Report.bytes(live), source, workloads.insertedDocuments(), Figure.FILE_RATIO.formatJudged(ratio));
	}

	private ServerProcess restart(ServerProcess server, Path dataDir, Path log, SizeResult result)
			throws IOException, InterruptedException {
		long stopStart = System.nanoTime();
		int code = server.stop();
		double stopSeconds = (System.nanoTime() - stopStart) / 1e9;
		ServerProcess restarted = startServer(dataDir, log);
		double listening = restarted.timeToListening().toNanos() / 1e9;
		double ping = Double.NaN;
		try (MongoClient client = client(restarted.connectionString())) {
			long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
			while (Double.isNaN(ping)) {
				try {
					client.getDatabase("admin").runCommand(new Document("ping", 1));
					ping = (System.nanoTime() - restarted.startNanos()) / 1e9;
				}
				catch (MongoException ex) {
					if (System.nanoTime() > deadline) {
						throw ex;
					}
					TimeUnit.MILLISECONDS.sleep(10);
				}
			}
		}
		result.put(Figure.RESTART_LISTENING, listening);
		result.put(Figure.RESTART_PING, ping);
		this.out.printf(Locale.ROOT,
				"restart: SIGTERM stopped the server in %.2f s (exit code %d%s); started again: listening after %s,"
						+ " first ping after %.2f s%n",
				stopSeconds, code, (code == 143) ? " = 128 + SIGTERM" : "",
				Figure.RESTART_LISTENING.formatJudged(listening, " s"), ping);
		return restarted;
	}

	private void measureIdle(ServerProcess server, int size, SizeResult result) throws InterruptedException {
		try (MongoClient client = client(server.connectionString())) {
			OrderWorkloads workloads = new OrderWorkloads(client.getDatabase(OrderWorkloads.DATABASE), size,
					this.options.docBytes());
			double percent = new IdlePolling(workloads).measure(server, IDLE_WARMUP, IDLE_WINDOW);
			result.put(Figure.IDLE_CPU, percent);
			this.out.printf(Locale.ROOT,
					"idle: %d relays each claiming once a second and counting their backlog every %d s,"
							+ " on the restarted server, for %d s: %s %% of one core (target %s): %s%n",
					IdlePolling.RELAYS, IdlePolling.POLLS_PER_BACKLOG_COUNT, IDLE_WINDOW.toSeconds(),
					Figure.IDLE_CPU.format(percent), Figure.IDLE_CPU.target().text(),
					Figure.IDLE_CPU.target().judge(percent));
		}
	}

	private void printSummary(List<SizeResult> results) {
		this.out.printf(Locale.ROOT, "%n## Summary (%s)%n%n",
				"targets next to each figure; the RSS, restart and" + " file targets are set for 1M documents of 4 KB");
		Report.summary(results).print(this.out);
		for (SizeResult result : results) {
			if (result.problem() != null) {
				this.out.printf(Locale.ROOT, "%,d documents: %s%n", result.size(), result.problem());
			}
		}
	}

	private ServerProcess startServer(Path dataDir, Path log) throws IOException {
		return ServerProcess.start(this.options.serverJava(), this.options.serverJavaOptions(), this.classPath, dataDir,
				log, START_TIMEOUT);
	}

	private MongoClient client(String connectionString) {
		int pool = Math.max(this.options.writers(), OrderWorkloads.FILL_THREADS) + 4;
		return MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(connectionString))
			.applyToConnectionPoolSettings((settings) -> settings.maxSize(pool))
			.applyToClusterSettings((settings) -> settings.serverSelectionTimeout(30, TimeUnit.SECONDS))
			.build());
	}

	private static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return String.join(" ", parts[0], parts[1], parts[2]);
		}
		catch (IOException | RuntimeException ex) {
			return Target.UNKNOWN;
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> {
				try {
					Files.delete(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

	/** Deletes what it can, for a benchmark that is being stopped. */
	private static void deleteQuietly(Path directory) {
		try {
			deleteRecursively(directory);
		}
		catch (IOException | RuntimeException ex) {
			// the JVM is exiting: leave what could not be deleted
		}
	}

	private static void quietLogging() {
		if (System.getProperty("slf4j.provider") == null
				&& ServiceLoader.load(SLF4JServiceProvider.class).stream().findAny().isEmpty()) {
			System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
			System.setProperty("slf4j.internal.verbosity", "WARN");
		}
	}

}
