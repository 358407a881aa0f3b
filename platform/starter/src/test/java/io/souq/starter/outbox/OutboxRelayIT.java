package io.souq.starter.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.mongodb.client.MongoCollection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.souq.events.Envelope;
import io.souq.events.Headers;
import io.souq.starter.consumer.TopicConsumer;
import io.souq.starter.messaging.EnvelopeCodec;
import io.souq.test.WithSouqInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveCallback;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox on the real broker and the MongoDB-protocol server: one write, publication
 * in order with headers, republication after a crash, leases between relays.
 */
@SpringBootTest(classes = OutboxRelayIT.ParcelService.class,
		properties = { "spring.application.name=outbox-it", "souq.outbox.backlog-interval=100ms" })
@WithSouqInfrastructure
class OutboxRelayIT {

	static final String TOPIC = "it.outbox.parcel.events";

	@Autowired
	MongoTemplate mongo;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	EnvelopeCodec codec;

	@Autowired
	OutboxRelay relay;

	@Autowired
	MeterRegistry registry;

	@Autowired
	SavedDocuments saved;

	@Autowired
	Effects effects;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void savesAStateChangeWithItsMessagesInOneWriteThenPublishesThemInOrder() {
		String id = "parcel-" + UUID.randomUUID();
		Parcel parcel = new Parcel(id);
		parcel.ship("DHL");

		this.mongo.save(parcel);

		Document written = this.saved.of(id);
		assertThat(written.getString("status")).isEqualTo("SHIPPED");
		assertThat(written.getList("outbox", Document.class)).extracting((entry) -> entry.getString("type"))
			.containsExactly("parcel.shipped", "parcel.label-printed");
		List<OutboxMessage> messages = parcel.outbox();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(recordsOf(id)).hasSize(2));
		List<ConsumerRecord<String, String>> records = recordsOf(id);
		assertThat(records).extracting(ConsumerRecord::value)
			.containsExactly(messages.get(0).envelope(), messages.get(1).envelope());
		assertThat(records).extracting((record) -> KafkaRecords.header(record, Headers.TYPE))
			.containsExactly("parcel.shipped", "parcel.label-printed");
		assertThat(records).extracting((record) -> KafkaRecords.header(record, Headers.ID))
			.containsExactly(messages.get(0).messageId(), messages.get(1).messageId());
		assertThat(KafkaRecords.header(records.get(0), Headers.SUBJECT)).isEqualTo(id);
		assertThat(KafkaRecords.header(records.get(1), Headers.CAUSATION_ID)).isEqualTo(messages.get(0).messageId());
		assertThat(records.get(0).partition()).isEqualTo(records.get(1).partition());

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Document stored = parcels().find(new Document("_id", id)).first();
			assertThat(stored.getList("outbox", Document.class)).isEmpty();
			assertThat(stored).doesNotContainKey(Outbox.LEASE_FIELD).containsEntry("status", "SHIPPED");
		});
		assertThat(this.mongo.findById(id, Parcel.class).outbox()).isEmpty();
		assertThat(this.registry.get("souq.outbox.published").tag("topic", TOPIC).counter().count())
			.isGreaterThanOrEqualTo(2);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					this.registry.get("souq.outbox.backlog").tag("collection", "it_parcels").gauge().value())
				.isZero());
	}

	@Test
	void publishesAgainAfterACrashBetweenSendAndRemovalAndTheConsumerAppliesOnce() throws Exception {
		String id = "parcel-" + UUID.randomUUID();
		Envelope<String> shipped = Envelope.of("parcel.shipped", 1, "outbox-it", id, "UPS");
		OutboxMessage message = OutboxMessage.of(TOPIC, shipped);
		// the relay that died had published the message, and had not removed it yet
		this.kafka.send(this.codec.toRecord(TOPIC, shipped)).get(10, TimeUnit.SECONDS);
		parcels().insertOne(new Document("_id", id).append("status", "SHIPPED")
			.append("outbox", List.of(message.toDocument()))
			.append(Outbox.LEASE_FIELD, new Document("owner", "crashed-instance").append("until",
					Date.from(Instant.now().minusSeconds(1)))));
		this.relay.nudge();

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(recordsOf(id)).extracting((record) -> KafkaRecords.header(record, Headers.ID))
						.containsExactly(message.messageId(), message.messageId()));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.registry.get("souq.messaging.processed")
				.tag("topic", TOPIC)
				.tag("outcome", "duplicate")
				.counter()
				.count()).isGreaterThanOrEqualTo(1));
		assertThat(this.effects.count(shipped.id())).isEqualTo(1);
		assertThat(parcels().find(new Document("_id", id)).first().getList("outbox", Document.class)).isEmpty();
	}

	@Test
	void aLiveLeaseKeepsOtherRelaysAwayUntilItRunsOut() {
		String collection = "it_leases";
		String id = "parcel-" + UUID.randomUUID();
		OutboxMessage message = OutboxMessage.of(TOPIC, Envelope.of("parcel.shipped", 1, "outbox-it", id, "UPS"));
		this.mongo.getCollection(collection)
			.insertOne(new Document("_id", id).append("outbox", List.of(message.toDocument())));
		MutableClock clock = new MutableClock(Instant.now());
		OutboxRelay first = relay("relay-1", collection, clock, new SimpleMeterRegistry());
		OutboxRelay second = relay("relay-2", collection, clock, new SimpleMeterRegistry());

		Document claimed = first.claim(collection);
		assertThat(claimed.getString("_id")).isEqualTo(id);
		assertThat(second.claim(collection)).isNull();
		assertThat(first.claim(collection)).isNull();

		clock.advance(OutboxProperties.defaults().lease().plusSeconds(1));
		Document takenOver = second.claim(collection);
		assertThat(takenOver.getString("_id")).isEqualTo(id);
		assertThat(this.mongo.getCollection(collection)
			.find(new Document("_id", id))
			.first()
			.get(Outbox.LEASE_FIELD, Document.class)
			.getString("owner")).isEqualTo("relay-2");

		second.publish(collection, takenOver);
		first.publish(collection, claimed);
		Document settled = this.mongo.getCollection(collection).find(new Document("_id", id)).first();
		assertThat(settled.getList("outbox", Document.class)).isEmpty();
		assertThat(settled).doesNotContainKey(Outbox.LEASE_FIELD);
	}

	@Test
	void twoRelaysOnOneCollectionPublishEachMessageOnce() {
		String collection = "it_relay_race";
		String topic = "it.outbox.race";
		int documents = 40;
		String run = UUID.randomUUID().toString().substring(0, 8);
		List<Document> pending = new ArrayList<>();
		for (int i = 0; i < documents; i++) {
			String id = run + "-" + i;
			pending.add(new Document("_id", id).append("outbox",
					List.of(OutboxMessage.of(topic, Envelope.of("race.first", 1, "outbox-it", id, i)).toDocument(),
							OutboxMessage.of(topic, Envelope.of("race.second", 1, "outbox-it", id, i)).toDocument())));
		}
		this.mongo.getCollection(collection).insertMany(pending);
		Clock clock = Clock.systemUTC();
		OutboxRelay first = relay("relay-a-" + run, collection, clock, new SimpleMeterRegistry());
		OutboxRelay second = relay("relay-b-" + run, collection, clock, new SimpleMeterRegistry());
		first.start();
		second.start();
		try {
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(this.mongo.getCollection(collection)
					.countDocuments(new Document("_id", new Document("$regex", "^" + run)).append("outbox.0",
							new Document("$exists", true))))
					.isZero());
		}
		finally {
			first.stop();
			second.stop();
		}
		List<ConsumerRecord<String, String>> records = KafkaRecords.read(this.bootstrapServers, topic)
			.stream()
			.filter((record) -> record.key().startsWith(run + "-"))
			.toList();
		assertThat(records).hasSize(2 * documents);
		assertThat(records.stream().map((record) -> KafkaRecords.header(record, Headers.ID)).distinct())
			.hasSize(2 * documents);
		Map<String, List<String>> typesByKey = records.stream()
			.collect(Collectors.groupingBy(ConsumerRecord::key,
					Collectors.mapping((record) -> KafkaRecords.header(record, Headers.TYPE), Collectors.toList())));
		assertThat(typesByKey).hasSize(documents)
			.allSatisfy((key, types) -> assertThat(types).containsExactly("race.first", "race.second"));
	}

	private OutboxRelay relay(String owner, String collection, Clock clock, MeterRegistry meters) {
		return new OutboxRelay(owner, this.mongo, this.kafka, this.codec, OutboxProperties.defaults(),
				() -> List.of(collection), meters, clock);
	}

	private List<ConsumerRecord<String, String>> recordsOf(String key) {
		return KafkaRecords.read(this.bootstrapServers, TOPIC)
			.stream()
			.filter((record) -> key.equals(record.key()))
			.toList();
	}

	private MongoCollection<Document> parcels() {
		return this.mongo.getCollection("it_parcels");
	}

	/** A service with an aggregate that has an outbox and a consumer of its events. */
	@EnableAutoConfiguration
	static class ParcelService {

		@Bean
		SavedDocuments savedDocuments() {
			return new SavedDocuments();
		}

		@Bean
		Effects effects() {
			return new Effects();
		}

		@Bean
		TopicConsumer parcelEvents(Effects effects) {
			return TopicConsumer.of(TOPIC).on("parcel.shipped", (envelope) -> effects.apply(envelope.id()));
		}

	}

	@org.springframework.data.mongodb.core.mapping.Document("it_parcels")
	static class Parcel extends Outboxed {

		@Id
		private final String id;

		@Version
		private Long version;

		private String status = "NEW";

		Parcel(String id) {
			this.id = id;
		}

		void ship(String carrier) {
			this.status = "SHIPPED";
			Envelope<String> shipped = Envelope.of("parcel.shipped", 1, "outbox-it", this.id, carrier);
			message(TOPIC, shipped);
			message(TOPIC, shipped.reply("parcel.label-printed", 1, "outbox-it", this.id, carrier));
		}

	}

	/** The documents as they were written, by id. */
	static class SavedDocuments implements AfterSaveCallback<Parcel> {

		private final Map<String, Document> written = new ConcurrentHashMap<>();

		@Override
		public Parcel onAfterSave(Parcel entity, Document document, String collection) {
			this.written.put(document.getString("_id"), document);
			return entity;
		}

		Document of(String id) {
			return this.written.get(id);
		}

	}

	/** How many times a message took effect. */
	static class Effects {

		private final Map<UUID, Integer> counts = new ConcurrentHashMap<>();

		void apply(UUID messageId) {
			this.counts.merge(messageId, 1, Integer::sum);
		}

		int count(UUID messageId) {
			return this.counts.getOrDefault(messageId, 0);
		}

	}

	static final class MutableClock extends Clock {

		private volatile Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
