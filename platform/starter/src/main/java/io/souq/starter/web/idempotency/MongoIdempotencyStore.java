package io.souq.starter.web.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Updates;
import io.souq.starter.web.idempotency.IdempotencyRecord.State;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * {@link IdempotencyStore} in the service's database: one document per key in
 * {@value #COLLECTION}, {@code _id} = the hashed scope, so that concurrent first requests
 * race on the unique {@code _id} and one of them wins. A TTL index on {@code expiresAt}
 * removes records on MongoDB; because the embedded MongoDB-protocol server does not
 * expire documents, the store also deletes expired records itself every
 * {@code purgeInterval} (on a virtual thread, started and stopped with the context), and
 * an expired record that is still there counts as absent.
 */
class MongoIdempotencyStore implements IdempotencyStore, SmartLifecycle {

	static final String COLLECTION = "idempotency_keys";

	static final String TTL_INDEX = "souq_idempotency_ttl";

	private static final Logger log = LoggerFactory.getLogger(MongoIdempotencyStore.class);

	/** A claim that keeps losing races this often answers "in use" (409). */
	private static final int CLAIM_ROUNDS = 3;

	private final MongoOperations mongo;

	private final IdempotencyProperties properties;

	private final Clock clock;

	private volatile boolean indexed;

	private volatile @Nullable ScheduledExecutorService purger;

	MongoIdempotencyStore(MongoOperations mongo, IdempotencyProperties properties, Clock clock) {
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public Claim claim(String scope, String requestHash) {
		for (int round = 0; round < CLAIM_ROUNDS; round++) {
			Instant now = this.clock.instant();
			String attempt = UUID.randomUUID().toString();
			Document fresh = new Document("_id", scope).append("requestHash", requestHash)
				.append("state", State.IN_PROGRESS.name())
				.append("attempt", attempt)
				.append("createdAt", Date.from(now))
				.append("expiresAt", Date.from(now.plus(this.properties.ttl())));
			if (insert(fresh)) {
				return new Claim.Acquired(attempt);
			}
			Document found = collection().find(Filters.eq("_id", scope)).first();
			if (found == null) {
				continue; // purged or released since the insert failed: try again
			}
			IdempotencyRecord record = record(found);
			switch (record.verdict(requestHash, now, this.properties.inProgressTimeout())) {
				case REUSED:
					return new Claim.Reused();
				case IN_PROGRESS:
					return new Claim.InUse();
				case REPLAY:
					return new Claim.Replay(record.response());
				case EXPIRED:
				case ABANDONED:
					// take the record over unless another request did so first
					if (collection().replaceOne(owned(scope, record.attempt()), fresh).getMatchedCount() == 1) {
						return new Claim.Acquired(attempt);
					}
					break;
			}
		}
		return new Claim.InUse();
	}

	@Override
	public void complete(String scope, String attempt, StoredResponse response) {
		Instant now = this.clock.instant();
		List<Document> headers = new ArrayList<>();
		response.headers().forEach((name, value) -> headers.add(new Document("name", name).append("value", value)));
		long matched = collection().updateOne(owned(scope, attempt),
				Updates.combine(Updates.set("state", State.COMPLETED.name()), Updates.set("status", response.status()),
						Updates.set("headers", headers), Updates.set("body", new Binary(response.body())),
						Updates.set("completedAt", Date.from(now)),
						Updates.set("expiresAt", Date.from(now.plus(this.properties.ttl())))))
			.getMatchedCount();
		if (matched == 0) {
			log.debug("Idempotency record {} was taken over before its request completed", scope);
		}
	}

	@Override
	public void release(String scope, String attempt) {
		collection().deleteOne(owned(scope, attempt));
	}

	/** Deletes the expired records now; answers how many. */
	long purgeExpired() {
		return collection().deleteMany(Filters.lte("expiresAt", Date.from(this.clock.instant()))).getDeletedCount();
	}

	/** Creates the TTL index that expires records on MongoDB (idempotent). */
	void createIndexes() {
		collection().createIndex(new Document("expiresAt", 1),
				new IndexOptions().name(TTL_INDEX).expireAfter(0L, TimeUnit.SECONDS));
		this.indexed = true;
	}

	@Override
	public void start() {
		ScheduledExecutorService executor = Executors
			.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("idempotency-keys-purge").factory());
		Duration interval = this.properties.purgeInterval();
		executor.scheduleWithFixedDelay(this::housekeeping, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
		this.purger = executor;
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = this.purger;
		this.purger = null;
		if (executor != null) {
			executor.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.purger != null;
	}

	private void housekeeping() {
		try {
			if (!this.indexed) {
				createIndexes();
			}
			long purged = purgeExpired();
			if (purged > 0) {
				log.debug("Purged {} expired idempotency keys", purged);
			}
		}
		catch (RuntimeException ex) {
			if (this.purger != null) {
				log.warn("Cannot purge expired idempotency keys yet ({}); trying again in {}",
						ex.getClass().getSimpleName(), this.properties.purgeInterval());
			}
		}
	}

	private boolean insert(Document record) {
		try {
			collection().insertOne(record);
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				return false;
			}
			throw ex;
		}
	}

	private static Bson owned(String scope, String attempt) {
		return Filters.and(Filters.eq("_id", scope), Filters.eq("attempt", attempt));
	}

	static IdempotencyRecord record(Document document) {
		State state = State.valueOf(document.getString("state"));
		StoredResponse response = null;
		if (state == State.COMPLETED) {
			Map<String, String> headers = new LinkedHashMap<>();
			for (Document header : document.getList("headers", Document.class, List.of())) {
				headers.put(header.getString("name"), header.getString("value"));
			}
			Binary body = document.get("body", Binary.class);
			response = new StoredResponse(document.getInteger("status"), headers,
					(body != null) ? body.getData() : new byte[0]);
		}
		return new IdempotencyRecord(document.getString("_id"), document.getString("requestHash"), state,
				document.getString("attempt"), document.getDate("createdAt").toInstant(),
				document.getDate("expiresAt").toInstant(), response);
	}

	private MongoCollection<Document> collection() {
		return this.mongo.getCollection(COLLECTION);
	}

}
