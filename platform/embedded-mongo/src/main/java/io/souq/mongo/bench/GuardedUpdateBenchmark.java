package io.souq.mongo.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.souq.mongo.EmbeddedMongoServer;
import io.souq.mongo.MongoStorage;
import org.bson.Document;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Measures guarded single-document updates, the pattern of optimistic locking and stock
 * reservation, against the embedded server: prints updates per second for each backend,
 * collection size and kind of guard. A command that prints figures, not a test.
 * <p>
 * Arguments (all optional): {@code --sizes 1000,100000} {@code --warmup-seconds 2}
 * {@code --seconds 5} {@code --baseline} (also measure mongo-java-server's own backends,
 * which scan the whole collection for these filters).
 */
public final class GuardedUpdateBenchmark {

	private static final int INITIAL_STOCK = 1_000_000_000;

	private static final int INSERT_BATCH = 1_000;

	private GuardedUpdateBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		quietLogging();
		List<Integer> sizes = List.of(1_000, 100_000);
		int warmupSeconds = 2;
		int seconds = 5;
		boolean baseline = false;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--sizes" ->
					sizes = Stream.of(args[++i].split(",")).map(String::trim).map(Integer::valueOf).toList();
				case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(args[++i]);
				case "--seconds" -> seconds = Integer.parseInt(args[++i]);
				case "--baseline" -> baseline = true;
				default -> {
					System.err.println("unknown argument '" + args[i]
							+ "' (usage: [--sizes 1000,100000] [--warmup-seconds 2] [--seconds 5] [--baseline])");
					System.exit(2);
				}
			}
		}
		List<Backend> backends = new ArrayList<>(List.of(Backend.SOUQ_H2_FILE, Backend.SOUQ_IN_MEMORY));
		if (baseline) {
			backends.addAll(List.of(Backend.PLAIN_H2_FILE, Backend.PLAIN_IN_MEMORY));
		}
		System.out.printf(
				"# guarded updates, one client thread, %d s after %d s warm-up; Java %s, %d CPUs, max heap %d MB%n",
				seconds, warmupSeconds, Runtime.version(), Runtime.getRuntime().availableProcessors(),
				Runtime.getRuntime().maxMemory() >> 20);
		System.out.println(
				"| backend | documents | {_id, version} updates/s | {_id, stock >= 1} updates/s | data file after |");
		System.out.println("|---|---:|---:|---:|---:|");
		for (Backend backend : backends) {
			for (int size : sizes) {
				Result result = run(backend, size, warmupSeconds, seconds);
				System.out.printf("| %s | %,d | %,.0f | %,.0f | %s |%n", backend.label, size, result.versionGuarded(),
						result.stockGuarded(),
						(result.dataFileBytes() > 0) ? (result.dataFileBytes() >> 20) + " MB" : "-");
			}
		}
	}

	private static Result run(Backend backend, int size, int warmupSeconds, int seconds) throws IOException {
		Path dataDir = Files.createTempDirectory("guarded-update-benchmark");
		try (Server server = backend.start(dataDir);
				MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> items = client.getDatabase("bench").getCollection("items");
			fill(items, size);
			long[] versions = new long[size];
			SplittableRandom random = new SplittableRandom(42);
			IntPredicate versionGuarded = (key) -> {
				long modified = items
					.updateOne(Filters.and(Filters.eq("_id", key), Filters.eq("version", versions[key])),
							Updates.combine(Updates.inc("stock", -1), Updates.inc("version", 1)))
					.getModifiedCount();
				versions[key] += modified;
				return modified == 1;
			};
			IntPredicate stockGuarded = (key) -> items
				.updateOne(Filters.and(Filters.eq("_id", key), Filters.gte("stock", 1)), Updates.inc("stock", -1))
				.getModifiedCount() == 1;
			double versionRate = measure(versionGuarded, size, random, warmupSeconds, seconds);
			double stockRate = measure(stockGuarded, size, random, warmupSeconds, seconds);
			return new Result(versionRate, stockRate, dataFileBytes(dataDir));
		}
		finally {
			deleteRecursively(dataDir);
		}
	}

	private static void fill(MongoCollection<Document> items, int size) {
		List<Document> batch = new ArrayList<>(INSERT_BATCH);
		for (int key = 0; key < size; key++) {
			batch.add(new Document("_id", key).append("version", 0L).append("stock", INITIAL_STOCK));
			if (batch.size() == INSERT_BATCH || key == size - 1) {
				items.insertMany(batch);
				batch.clear();
			}
		}
		if (items.countDocuments() != size) {
			throw new IllegalStateException("expected " + size + " documents, found " + items.countDocuments());
		}
	}

	private static double measure(IntPredicate update, int size, SplittableRandom random, int warmupSeconds,
			int seconds) {
		loop(update, size, random, warmupSeconds * 1_000_000_000L);
		long start = System.nanoTime();
		long updates = loop(update, size, random, seconds * 1_000_000_000L);
		return updates / ((System.nanoTime() - start) / 1e9);
	}

	private static long loop(IntPredicate update, int size, SplittableRandom random, long nanos) {
		long deadline = System.nanoTime() + nanos;
		long updates = 0;
		do {
			if (!update.test(random.nextInt(size))) {
				throw new IllegalStateException("a guarded update that should match did not");
			}
			updates++;
		}
		while (System.nanoTime() < deadline);
		return updates;
	}

	private static void deleteRecursively(Path directory) throws IOException {
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

	private static void quietLogging() {
		if (System.getProperty("slf4j.provider") == null
				&& ServiceLoader.load(SLF4JServiceProvider.class).stream().findAny().isEmpty()) {
			System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
			System.setProperty("slf4j.internal.verbosity", "WARN");
		}
	}

	private static long dataFileBytes(Path dataDir) throws IOException {
		try (Stream<Path> files = Files.list(dataDir)) {
			return files.filter(Files::isRegularFile).mapToLong((file) -> file.toFile().length()).sum();
		}
	}

	private record Result(double versionGuarded, double stockGuarded, long dataFileBytes) {
	}

	private interface Server extends AutoCloseable {

		String connectionString();

		@Override
		void close();

	}

	private enum Backend {

		SOUQ_H2_FILE("souq H2 file (commit per write)") {
			@Override
			Server start(Path dataDir) {
				return embedded(EmbeddedMongoServer.start(MongoStorage.dataDir(dataDir)));
			}
		},

		SOUQ_IN_MEMORY("souq in-memory") {
			@Override
			Server start(Path dataDir) {
				return embedded(EmbeddedMongoServer.start(MongoStorage.inMemory()));
			}
		},

		PLAIN_H2_FILE("plain mongo-java-server H2 file (timer commit)") {
			@Override
			Server start(Path dataDir) {
				return plain(new MongoServer(new H2Backend(dataDir.resolve("plain.mv.db").toString())));
			}
		},

		PLAIN_IN_MEMORY("plain mongo-java-server in-memory") {
			@Override
			Server start(Path dataDir) {
				return plain(new MongoServer(new MemoryBackend()));
			}
		};

		private final String label;

		Backend(String label) {
			this.label = label;
		}

		abstract Server start(Path dataDir);

		private static Server embedded(EmbeddedMongoServer server) {
			return new Server() {
				@Override
				public String connectionString() {
					return server.connectionString();
				}

				@Override
				public void close() {
					server.close();
				}
			};
		}

		private static Server plain(MongoServer server) {
			server.bind(EmbeddedMongoServer.DEFAULT_HOST, 0);
			return new Server() {
				@Override
				public String connectionString() {
					return server.getConnectionString();
				}

				@Override
				public void close() {
					server.shutdownNow();
				}
			};
		}

	}

}
