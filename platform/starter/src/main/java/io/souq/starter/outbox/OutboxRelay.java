package io.souq.starter.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.result.UpdateResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.souq.events.Envelope;
import io.souq.starter.messaging.EnvelopeCodec;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes the messages waiting in the outboxes of a service's collections, at least
 * once and in order per document, on one background thread.
 * <p>
 * A round, every {@code souq.outbox.poll-interval} or at once when {@link #nudge()
 * nudged}, goes through every relayed collection and, document by document:
 * <ol>
 * <li>claims a document that has pending messages and no live lease, atomically
 * ({@code findAndModify} setting {@code outboxLease: {owner, until}}), so that several
 * instances of a service do not publish the same document at the same time;</li>
 * <li>publishes its messages in order with {@link EnvelopeCodec#toRecord the envelope
 * attributes in headers}, and waits for the broker's acknowledgements;</li>
 * <li>removes exactly the acknowledged messages with {@code $pull} by message id (entries
 * appended meanwhile stay) and releases the lease.</li>
 * </ol>
 * A crash between publication and removal publishes the messages again once the lease has
 * run out: consumers are idempotent. Nothing lives in memory that a restart would lose.
 */
public class OutboxRelay implements SmartLifecycle {

	/** Name of the sparse index on {@code outbox.messageId}. */
	static final String PENDING_INDEX = "souq_outbox_pending";

	static final String LEASE_OWNER = "owner";

	static final String LEASE_UNTIL = "until";

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private static final Duration ERROR_BACKOFF = Duration.ofSeconds(1);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

	private final String owner;

	private final MongoOperations mongo;

	private final KafkaOperations<String, String> kafka;

	private final EnvelopeCodec codec;

	private final OutboxProperties properties;

	private final Supplier<? extends Collection<String>> collections;

	private final MeterRegistry registry;

	private final Clock clock;

	private final PublishedIds published = new PublishedIds(10_000);

	private final Set<String> prepared = ConcurrentHashMap.newKeySet();

	private final Map<String, AtomicLong> backlog = new ConcurrentHashMap<>();

	private volatile boolean running;

	private volatile Thread worker;

	private Instant backlogDue = Instant.MIN;

	/**
	 * @param owner this relay's name in leases, unique per instance
	 * @param mongo the service's database
	 * @param kafka the producer
	 * @param codec reads the stored envelopes and builds the records
	 * @param properties settings
	 * @param collections the collections to relay, asked at every round
	 * @param registry where the meters go
	 * @param clock the time of leases
	 */
	public OutboxRelay(String owner, MongoOperations mongo, KafkaOperations<String, String> kafka, EnvelopeCodec codec,
			OutboxProperties properties, Supplier<? extends Collection<String>> collections, MeterRegistry registry,
			Clock clock) {
		this.owner = owner;
		this.mongo = mongo;
		this.kafka = kafka;
		this.codec = codec;
		this.properties = properties;
		this.collections = collections;
		this.registry = registry;
		this.clock = clock;
	}

	/** This relay's name in the leases it takes. */
	public String owner() {
		return this.owner;
	}

	/**
	 * Asks for a round now rather than at the next poll, e.g. right after a save that put
	 * messages in an outbox. Cheap, never blocks.
	 */
	public void nudge() {
		Thread current = this.worker;
		if (current != null) {
			LockSupport.unpark(current);
		}
	}

	@Override
	public void start() {
		if (this.running || !this.properties.enabled()) {
			return;
		}
		this.running = true;
		this.worker = Thread.ofPlatform().daemon().name("souq-outbox-relay").start(this::run);
	}

	/**
	 * Stops after a last round, so that what was saved until now is published before the
	 * service goes away.
	 */
	@Override
	public void stop() {
		this.running = false;
		Thread current = this.worker;
		if (current != null) {
			LockSupport.unpark(current);
			try {
				current.join(STOP_TIMEOUT);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.worker = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Started before and stopped after the web server and the Kafka listeners, so that
	 * the messages of the last requests and of the last consumed messages are published.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	private void run() {
		boolean failing = false;
		while (this.running) {
			Duration pause = this.properties.pollInterval();
			try {
				boolean more = relayOnce();
				if (failing) {
					log.info("Outbox relay {} publishes again", this.owner);
					failing = false;
				}
				if (more) {
					continue;
				}
			}
			catch (RuntimeException ex) {
				if (!failing) {
					log.warn("Outbox relay {} cannot publish yet, retrying: {}", this.owner, ex.toString());
				}
				else {
					log.debug("Outbox relay {} still cannot publish: {}", this.owner, ex.toString());
				}
				failing = true;
				pause = ERROR_BACKOFF;
			}
			LockSupport.parkNanos(this, pause.toNanos());
		}
		try {
			relayOnce();
		}
		catch (RuntimeException ex) {
			log.warn("Outbox relay {} could not finish its last round: {}", this.owner, ex.toString());
		}
	}

	/**
	 * One round over every collection.
	 * @return whether a collection had more pending documents than a batch
	 */
	boolean relayOnce() {
		boolean more = false;
		OutboxPublicationException failure = null;
		for (String collection : this.collections.get()) {
			prepare(collection);
			int claimed = 0;
			Document document;
			while (claimed < this.properties.batchSize() && (document = claim(collection)) != null) {
				claimed++;
				try {
					publish(collection, document);
				}
				catch (OutboxPublicationException ex) {
					// this document is retried after a back-off, the others go on
					failure = ex;
				}
			}
			more |= claimed == this.properties.batchSize();
		}
		refreshBacklog();
		if (failure != null) {
			throw failure;
		}
		return more;
	}

	/**
	 * Claims a document with pending messages whose lease is absent or has run out.
	 * @return the document's id and outbox, or {@code null} when there is none
	 */
	Document claim(String collection) {
		Instant now = this.clock.instant();
		return collection(collection).findOneAndUpdate(claimFilter(now),
				claimUpdate(this.owner, now.plus(this.properties.lease())),
				new FindOneAndUpdateOptions().projection(new Document(Outbox.FIELD, 1))
					.returnDocument(ReturnDocument.AFTER));
	}

	/**
	 * Publishes the messages of a claimed document in order, removes those the broker
	 * acknowledged and releases the lease.
	 * @throws OutboxPublicationException when a message could not be published (the
	 * acknowledged ones before it are removed, it and the ones after it stay)
	 */
	void publish(String collection, Document document) {
		Object id = document.get("_id");
		if (!(document.get(Outbox.FIELD) instanceof List<?> entries)) {
			log.error("The outbox of {} {} is not a list; it waits for a repair", collection, id);
			return;
		}
		List<Sending> sendings = new ArrayList<>();
		OutboxPublicationException failure = null;
		boolean blocked = false;
		for (Object entry : entries) {
			OutboxMessage message;
			ProducerRecord<String, String> record;
			try {
				message = OutboxMessage.fromDocument((Document) entry);
				record = this.published.contains(message.messageId()) ? null : record(message);
			}
			catch (RuntimeException ex) {
				log.error("An outbox entry of {} {} cannot be published; the entries from it on wait for a repair: {}",
						collection, id, ex.toString());
				blocked = true;
				break;
			}
			try {
				sendings.add(new Sending(message, (record != null) ? this.kafka.send(record) : null));
			}
			catch (RuntimeException ex) {
				failure = new OutboxPublicationException(message, ex);
				break;
			}
		}
		List<String> done = new ArrayList<>(sendings.size());
		long deadline = System.nanoTime() + this.properties.sendTimeout().toNanos();
		for (Sending sending : sendings) {
			if (sending.result() != null) {
				Throwable error = await(sending.result(), deadline);
				if (error != null) {
					failure = new OutboxPublicationException(sending.message(), error);
					break;
				}
				this.published.add(sending.message().messageId());
				count(collection, sending.message().topic());
			}
			done.add(sending.message().messageId());
		}
		if (failure != null) {
			// keep the document for a short back-off, so that the others go first
			settle(collection, id, done, new Document("$set", new Document(Outbox.LEASE_FIELD + "." + LEASE_UNTIL,
					Date.from(this.clock.instant().plus(ERROR_BACKOFF)))));
			throw failure;
		}
		if (blocked) {
			// keep the lease: the blocked entry is looked at again once per lease only
			settle(collection, id, done, new Document());
		}
		else {
			settle(collection, id, done, new Document("$unset", new Document(Outbox.LEASE_FIELD, "")));
		}
	}

	/**
	 * Removes the published messages and updates the lease, if it is still ours (a save
	 * that replaced the document meanwhile dropped it).
	 */
	private void settle(String collection, Object id, List<String> done, Document leaseUpdate) {
		MongoCollection<Document> documents = collection(collection);
		Document pull = done.isEmpty() ? new Document() : removal(done);
		Document update = new Document(pull);
		update.putAll(leaseUpdate);
		if (update.isEmpty()) {
			return;
		}
		UpdateResult result = documents
			.updateOne(new Document("_id", id).append(Outbox.LEASE_FIELD + "." + LEASE_OWNER, this.owner), update);
		if (result.getMatchedCount() == 0 && !done.isEmpty()) {
			documents.updateOne(new Document("_id", id), pull);
		}
	}

	private static Throwable await(CompletableFuture<SendResult<String, String>> result, long deadline) {
		try {
			result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			return null;
		}
		catch (ExecutionException ex) {
			return ex.getCause();
		}
		catch (TimeoutException ex) {
			return ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ex;
		}
	}

	private ProducerRecord<String, String> record(OutboxMessage message) {
		Envelope<JsonNode> envelope = this.codec.read(message.envelope());
		ProducerRecord<String, String> record = this.codec.toRecord(message.topic(), envelope);
		// publish the stored JSON byte for byte, with the codec's key and headers
		return new ProducerRecord<>(record.topic(), null, record.key(), message.envelope(), record.headers());
	}

	private void count(String collection, String topic) {
		Counter.builder("souq.outbox.published")
			.description("Messages published from outboxes")
			.tag("collection", collection)
			.tag("topic", topic)
			.register(this.registry)
			.increment();
	}

	private void prepare(String collection) {
		if (this.prepared.contains(collection)) {
			return;
		}
		if (this.properties.createIndexes()) {
			collection(collection).createIndex(new Document(Outbox.MESSAGE_ID_PATH, 1),
					new IndexOptions().sparse(true).name(PENDING_INDEX));
		}
		AtomicLong pending = this.backlog.computeIfAbsent(collection, (name) -> new AtomicLong());
		Gauge.builder("souq.outbox.backlog", pending, AtomicLong::get)
			.description("Messages waiting in outboxes")
			.tag("collection", collection)
			.register(this.registry);
		this.prepared.add(collection);
		this.backlogDue = Instant.MIN;
	}

	private void refreshBacklog() {
		Instant now = this.clock.instant();
		if (now.isBefore(this.backlogDue)) {
			return;
		}
		for (Map.Entry<String, AtomicLong> entry : this.backlog.entrySet()) {
			entry.getValue().set(countPending(entry.getKey()));
		}
		this.backlogDue = now.plus(this.properties.backlogInterval());
	}

	/** The number of messages waiting in the collection's outboxes. */
	long countPending(String collection) {
		Document total = collection(collection).aggregate(List.of(new Document("$match", pendingFilter()),
				new Document("$project", new Document("n", new Document("$size", "$" + Outbox.FIELD))),
				new Document("$group", new Document("_id", null).append("n", new Document("$sum", "$n")))))
			.first();
		return (total != null) ? ((Number) total.get("n")).longValue() : 0;
	}

	private MongoCollection<Document> collection(String name) {
		return this.mongo.getCollection(name);
	}

	/** Documents with pending messages (the sparse index answers it on MongoDB). */
	static Document pendingFilter() {
		return new Document(Outbox.MESSAGE_ID_PATH, new Document("$exists", true));
	}

	/** Documents with pending messages and no live lease. */
	static Document claimFilter(Instant now) {
		String until = Outbox.LEASE_FIELD + "." + LEASE_UNTIL;
		return pendingFilter().append("$or", List.of(new Document(until, new Document("$exists", false)),
				new Document(until, new Document("$lt", Date.from(now)))));
	}

	static Document claimUpdate(String owner, Instant until) {
		return new Document("$set", new Document(Outbox.LEASE_FIELD,
				new Document(LEASE_OWNER, owner).append(LEASE_UNTIL, Date.from(until))));
	}

	/** Removes exactly these messages, whatever else was appended meanwhile. */
	static Document removal(List<String> messageIds) {
		return new Document("$pull",
				new Document(Outbox.FIELD, new Document(OutboxMessage.MESSAGE_ID, new Document("$in", messageIds))));
	}

	private record Sending(OutboxMessage message, CompletableFuture<SendResult<String, String>> result) {
	}

}
