package io.souq.mongo.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;

/**
 * The orders collection of one size and the operations the benchmark runs on it, each
 * checking its answer (a versioned update that matches nothing or a claim that finds
 * something where nothing is pending is a failure, not a fast operation).
 */
final class OrderWorkloads {

	static final String DATABASE = "bench";

	static final String COLLECTION = "orders";

	static final int BATCH = 1_000;

	static final int FILL_THREADS = 4;

	static final int FIND_LIMIT = 20;

	private static final String OWNER = "store-benchmark-relay";

	private static final Duration LEASE = Duration.ofSeconds(10);

	private static final String[] STATUSES = { "PENDING", "CONFIRMED", "SHIPPED", "DELIVERED", "CANCELLED" };

	private final MongoDatabase database;

	private final MongoCollection<Document> orders;

	private final OrderDocuments documents;

	private final int size;

	private final long[] versions;

	private final AtomicLong nextIndex;

	private final LongAdder liveBytes = new LongAdder();

	private final LongAdder found = new LongAdder();

	private final LongAdder finds = new LongAdder();

	private final AtomicLong messages = new AtomicLong();

	/**
	 * @param database the benchmark's database
	 * @param size the documents of the fill
	 * @param docBytes their BSON size
	 */
	OrderWorkloads(MongoDatabase database, int size, int docBytes) {
		this.database = database;
		this.orders = database.getCollection(COLLECTION);
		this.size = size;
		this.documents = new OrderDocuments(size, docBytes, Instant.now());
		this.versions = new long[size];
		this.nextIndex = new AtomicLong(size);
	}

	/**
	 * Creates the indexes order-service and the outbox relay declare on the collection
	 * ({@code @Indexed} fields, named after them as Spring Data does, and the relay's
	 * sparse index).
	 */
	void createIndexes() {
		this.orders.createIndex(new Document("customerId", 1), new IndexOptions().name("customerId"));
		this.orders.createIndex(new Document("checkoutKey", 1), new IndexOptions().name("checkoutKey").unique(true));
		this.orders.createIndex(new Document("status", 1), new IndexOptions().name("status"));
		this.orders.createIndex(new Document("wakeAt", 1), new IndexOptions().name("wakeAt"));
		this.orders.createIndex(new Document("createdAt", 1), new IndexOptions().name("createdAt"));
		this.orders.createIndex(new Document(OutboxShapes.MESSAGE_ID_PATH, 1),
				new IndexOptions().sparse(true).name(OutboxShapes.PENDING_INDEX));
	}

	/**
	 * Fills the collection with {@code insertMany} batches from several client threads.
	 * @param progress where a line goes at every tenth of a large fill
	 * @return the documents, their bytes and the seconds it took
	 */
	Fill fill(PrintStream progress) throws InterruptedException {
		int batches = (this.size + BATCH - 1) / BATCH;
		AtomicInteger nextBatch = new AtomicInteger();
		AtomicInteger batchesDone = new AtomicInteger();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		long start = System.nanoTime();
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < Math.min(FILL_THREADS, batches); t++) {
			threads.add(Thread.ofPlatform().name("store-benchmark-fill-" + t).start(() -> {
				try {
					int batch;
					while (failure.get() == null && (batch = nextBatch.getAndIncrement()) < batches) {
						insertBatch(batch);
						int done = batchesDone.incrementAndGet();
						if (batches >= 100 && done % (batches / 10) == 0 && done < batches) {
							progress.printf(Locale.ROOT, "  fill %d%% after %.0f s%n", done * 100 / batches,
									(System.nanoTime() - start) / 1e9);
						}
					}
				}
				catch (Throwable ex) {
					failure.compareAndSet(null, ex);
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		if (failure.get() != null) {
			throw new IllegalStateException("the fill failed: " + failure.get(), failure.get());
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long count = this.orders.countDocuments();
		if (count != this.size) {
			throw new IllegalStateException("the fill left " + count + " documents, not " + this.size);
		}
		return new Fill(this.size, this.liveBytes.sum(), seconds);
	}

	private void insertBatch(int batch) {
		int from = batch * BATCH;
		int to = Math.min(this.size, from + BATCH);
		List<Document> documents = new ArrayList<>(to - from);
		long bytes = 0;
		for (int i = from; i < to; i++) {
			OrderDocuments.Sized sized = this.documents.filled(i);
			documents.add(sized.document());
			bytes += sized.bsonSize();
		}
		this.orders.insertMany(documents, new InsertManyOptions().ordered(true));
		this.liveBytes.add(bytes);
	}

	/** Inserts a just placed order. */
	void insertOne(int thread, SplittableRandom random) {
		OrderDocuments.Sized sized = this.documents.placed(this.nextIndex.getAndIncrement(), Instant.now());
		this.orders.insertOne(sized.document());
		this.liveBytes.add(sized.bsonSize());
	}

	/**
	 * The versioned update of a random filled order, each thread on its own share of
	 * them.
	 * @param threads the threads sharing the documents
	 * @return the operation
	 */
	Measurement.Operation versionedUpdates(int threads) {
		return (thread, random) -> {
			long from = (long) this.size * thread / threads;
			long to = (long) this.size * (thread + 1) / threads;
			versionedUpdate((int) (from + random.nextLong(Math.max(1, to - from))), random);
		};
	}

	private void versionedUpdate(int index, SplittableRandom random) {
		long version = this.versions[index];
		Document filter = new Document("_id", OrderDocuments.orderId(index)).append("version", version);
		Document update = new Document("$set",
				new Document("updatedAt", new Date()).append("status", STATUSES[random.nextInt(STATUSES.length)]))
			.append("$inc", new Document("version", 1L));
		Document after = this.orders.findOneAndUpdate(filter, update,
				new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
		if (after == null) {
			throw new IllegalStateException(
					"the versioned update of document " + index + " at version " + version + " matched nothing");
		}
		this.versions[index] = version + 1;
	}

	/** The customer's latest orders through the customerId index. */
	void findByCustomer(int thread, SplittableRandom random) {
		String customerId = OrderDocuments.customerId(random.nextInt(this.documents.customers()));
		int count = 0;
		for (Document order : this.orders.find(new Document("customerId", customerId))
			.sort(new Document("createdAt", -1))
			.limit(FIND_LIMIT)) {
			if (!customerId.equals(order.getString("customerId"))) {
				throw new IllegalStateException("the find by customer returned another customer's order");
			}
			count++;
		}
		this.found.add(count);
		this.finds.increment();
	}

	/** The documents a find by customer returned on average. */
	double documentsPerFind() {
		long calls = this.finds.sum();
		return (calls > 0) ? (double) this.found.sum() / calls : Double.NaN;
	}

	/** The relay's claim, which must find nothing: no document has an outbox. */
	void claimMiss(int thread, SplittableRandom random) {
		Document claimed = claim();
		if (claimed != null) {
			throw new IllegalStateException("a claim found " + claimed.get("_id") + " although nothing is pending");
		}
	}

	/**
	 * Gives one random filled order a pending outbox message.
	 * @return its id
	 */
	String makeOnePending(SplittableRandom random) {
		String id = OrderDocuments.orderId(random.nextInt(this.size));
		Document message = OrderDocuments.outboxMessage(id, this.messages.incrementAndGet(), Instant.now());
		long matched = this.orders
			.updateOne(new Document("_id", id),
					new Document("$set", new Document(OutboxShapes.OUTBOX, List.of(message))))
			.getMatchedCount();
		if (matched != 1) {
			throw new IllegalStateException("order " + id + " is missing");
		}
		return id;
	}

	/**
	 * Claims the pending order as the relay does, then releases its lease as the relay
	 * does after publishing (without removing the message, so the next call claims it
	 * again).
	 */
	void claimAndRelease(String id) {
		Document claimed = claim();
		if (claimed == null || !id.equals(claimed.get("_id"))) {
			throw new IllegalStateException("the claim of the pending order " + id + " returned " + claimed);
		}
		long matched = this.orders.updateOne(OutboxShapes.releaseFilter(id, OWNER), OutboxShapes.releaseUpdate())
			.getMatchedCount();
		if (matched != 1) {
			throw new IllegalStateException("the lease of " + id + " was not ours to release");
		}
	}

	/** Removes the outbox and lease of the pending order again. */
	void clearPending(String id) {
		this.orders.updateOne(new Document("_id", id),
				new Document("$unset", new Document(OutboxShapes.OUTBOX, "").append(OutboxShapes.LEASE, "")));
	}

	/** The relay's {@code countPending} aggregation. */
	long countPending() {
		Document total = this.orders.aggregate(OutboxShapes.countPendingPipeline()).first();
		return (total != null) ? ((Number) total.get("n")).longValue() : 0;
	}

	private Document claim() {
		Instant now = Instant.now();
		return this.orders.findOneAndUpdate(OutboxShapes.claimFilter(now),
				OutboxShapes.claimUpdate(OWNER, now.plus(LEASE)),
				new FindOneAndUpdateOptions().projection(OutboxShapes.claimProjection())
					.returnDocument(ReturnDocument.AFTER));
	}

	/** The sum of the BSON sizes of the documents inserted so far. */
	long insertedBytes() {
		return this.liveBytes.sum();
	}

	/** The documents inserted so far, fill included. */
	long insertedDocuments() {
		return this.nextIndex.get();
	}

	/**
	 * The collection's {@code size} according to {@code collStats}.
	 * @return bytes, or -1 when it does not answer one
	 */
	long collStatsSize() {
		try {
			Document stats = this.database.runCommand(new Document("collStats", COLLECTION));
			return (stats.get("size") instanceof Number size) ? size.longValue() : -1;
		}
		catch (RuntimeException ex) {
			return -1;
		}
	}

	/**
	 * What a fill did.
	 *
	 * @param documents the documents inserted
	 * @param bytes their BSON bytes
	 * @param seconds how long it took
	 */
	record Fill(long documents, long bytes, double seconds) {

		double documentsPerSecond() {
			return this.documents / this.seconds;
		}

		double megabytesPerSecond() {
			return this.bytes / this.seconds / (1 << 20);
		}

	}

}
