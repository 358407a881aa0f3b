package io.souq.mongo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;

/**
 * Deletes the documents of TTL indexes once they expire, as MongoDB's TTL monitor does:
 * every period (60 s unless told otherwise), for every single-field index declared with
 * {@code expireAfterSeconds}, the documents whose field holds a date (or an array with
 * one) older than now minus that many seconds. The deletes find their documents through
 * the index and remove its entries with them.
 */
final class TtlMonitor implements AutoCloseable {

	static final Duration DEFAULT_PERIOD = Duration.ofSeconds(60);

	private static final String INDEXES = "system.indexes";

	private static final int BATCH = 500;

	private final SouqBackend backend;

	private final ScheduledExecutorService executor;

	private final LongAdder passes = new LongAdder();

	private final LongAdder deleted = new LongAdder();

	private ScheduledFuture<?> schedule;

	TtlMonitor(SouqBackend backend) {
		this.backend = backend;
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "souq-store-ttl-monitor");
			thread.setDaemon(true);
			return thread;
		});
		period(DEFAULT_PERIOD);
	}

	/**
	 * Runs a pass every {@code period} from now on.
	 * @param period the time between passes
	 */
	synchronized void period(Duration period) {
		if (this.schedule != null) {
			this.schedule.cancel(false);
		}
		long millis = Math.max(1, period.toMillis());
		this.schedule = this.executor.scheduleWithFixedDelay(this::passQuietly, millis, millis, TimeUnit.MILLISECONDS);
	}

	long passes() {
		return this.passes.sum();
	}

	long deleted() {
		return this.deleted.sum();
	}

	private void passQuietly() {
		try {
			pass();
		}
		catch (RuntimeException ex) {
			// the next pass tries again; a closing store ends the schedule
		}
	}

	/**
	 * Deletes what has expired now.
	 * @return how many documents were deleted
	 */
	int pass() {
		int total = 0;
		for (SouqDatabase database : this.backend.databases()) {
			MongoCollection<?> indexes = database.resolveCollection(INDEXES, false);
			if (indexes == null) {
				continue;
			}
			List<Document> ttlIndexes = new ArrayList<>();
			for (Document description : indexes.queryAll()) {
				if (description.get("expireAfterSeconds") instanceof Number
						&& description.get("key") instanceof Document key && key.size() == 1) {
					ttlIndexes.add(description);
				}
			}
			for (Document description : ttlIndexes) {
				total += expire(database, description);
			}
		}
		this.passes.increment();
		this.deleted.add(total);
		return total;
	}

	private int expire(SouqDatabase database, Document description) {
		String namespace = String.valueOf(description.get("ns"));
		String collectionName = namespace.substring(database.getDatabaseName().length() + 1);
		MongoCollection<?> collection = database.resolveCollection(collectionName, false);
		if (collection == null) {
			return 0;
		}
		String field = ((Document) description.get("key")).keySet().iterator().next();
		long seconds = ((Number) description.get("expireAfterSeconds")).longValue();
		Instant threshold = Instant.now(this.backend.getClock()).minusSeconds(seconds);
		Document expired = new Document(field, new Document("$lt", threshold));
		int total = 0;
		while (true) {
			int removed = this.backend.durably(true, () -> collection.deleteDocuments(expired, BATCH, NoopOplog.get()));
			total += removed;
			if (removed < BATCH) {
				return total;
			}
		}
	}

	@Override
	public synchronized void close() {
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
