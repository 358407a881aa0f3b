package io.souq.starter.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.result.UpdateResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.souq.events.Envelope;
import io.souq.events.Headers;
import io.souq.starter.messaging.EnvelopeCodec;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class OutboxRelayTests {

	private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

	private final List<ProducerRecord<String, String>> sent = new ArrayList<>();

	private final List<Bson[]> updates = new ArrayList<>();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final EnvelopeCodec codec = new EnvelopeCodec(JsonMapper.shared());

	private MongoCollection<Document> collection;

	private KafkaOperations<String, String> kafka;

	private OutboxRelay relay;

	private Set<String> failing = Set.of();

	private long matched = 1;

	@BeforeEach
	@SuppressWarnings("unchecked")
	void setUp() {
		this.collection = mock(MongoCollection.class);
		given(this.collection.updateOne(any(Bson.class), any(Bson.class))).willAnswer((invocation) -> {
			this.updates.add(new Bson[] { invocation.getArgument(0), invocation.getArgument(1) });
			return UpdateResult.acknowledged((this.updates.size() == 1) ? this.matched : 1, 1L, null);
		});
		MongoOperations mongo = mock(MongoOperations.class);
		given(mongo.getCollection("parcels")).willReturn(this.collection);
		this.kafka = mock(KafkaOperations.class);
		given(this.kafka.send(any(ProducerRecord.class))).willAnswer((invocation) -> {
			ProducerRecord<String, String> record = invocation.getArgument(0);
			this.sent.add(record);
			String id = new String(record.headers().lastHeader(Headers.ID).value(), StandardCharsets.UTF_8);
			return this.failing.contains(id) ? CompletableFuture.failedFuture(new RecordTooLargeException("too large"))
					: CompletableFuture.completedFuture(new SendResult<>(record, null));
		});
		this.relay = new OutboxRelay("relay-a", mongo, this.kafka, this.codec, OutboxProperties.defaults(),
				() -> List.of("parcels"), this.registry, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Test
	void publishesInOrderThenRemovesThePublishedMessagesAndReleasesTheLeaseInOneUpdate() {
		OutboxMessage first = message("parcel.shipped");
		OutboxMessage second = message("parcel.delivered");
		this.relay.publish("parcels", claimed(first, second));

		assertThat(this.sent).extracting(ProducerRecord::value).containsExactly(first.envelope(), second.envelope());
		assertThat(this.sent).extracting(ProducerRecord::key).containsOnly("p-1");
		assertThat(this.sent).extracting(ProducerRecord::topic).containsOnly("parcel.events");
		assertThat(header(this.sent.get(1), Headers.TYPE)).isEqualTo("parcel.delivered");
		assertThat(this.updates).hasSize(1);
		assertThat(this.updates.get(0)[0]).isEqualTo(new Document("_id", "p-1").append("outboxLease.owner", "relay-a"));
		assertThat(this.updates.get(0)[1]).isEqualTo(OutboxRelay.removal(List.of(first.messageId(), second.messageId()))
			.append("$unset", new Document("outboxLease", "")));
		assertThat(this.registry.get("souq.outbox.published").tag("topic", "parcel.events").counter().count())
			.isEqualTo(2);
	}

	@Test
	void keepsAMessageTheBrokerRefusedAndTheOnesAfterItForALaterRound() {
		OutboxMessage first = message("parcel.shipped");
		OutboxMessage second = message("parcel.delivered");
		OutboxMessage third = message("parcel.returned");
		this.failing = Set.of(second.messageId());

		assertThatExceptionOfType(OutboxPublicationException.class)
			.isThrownBy(() -> this.relay.publish("parcels", claimed(first, second, third)))
			.withMessageContaining(second.messageId());
		assertThat(this.updates).hasSize(1);
		assertThat(this.updates.get(0)[1]).isEqualTo(OutboxRelay.removal(List.of(first.messageId()))
			.append("$set", new Document("outboxLease.until", Date.from(NOW.plusSeconds(1)))));
	}

	@Test
	void doesNotPublishAgainAnEntryItSawAcknowledgedWhenASavePutItBack() {
		OutboxMessage first = message("parcel.shipped");
		OutboxMessage second = message("parcel.delivered");
		this.relay.publish("parcels", claimed(first));
		this.relay.publish("parcels", claimed(first, second));

		assertThat(this.sent).extracting(ProducerRecord::value).containsExactly(first.envelope(), second.envelope());
		assertThat(this.updates.get(1)[1]).isEqualTo(OutboxRelay.removal(List.of(first.messageId(), second.messageId()))
			.append("$unset", new Document("outboxLease", "")));
	}

	@Test
	void removesThePublishedMessagesEvenWhenASaveDroppedTheLease() {
		this.matched = 0;
		OutboxMessage first = message("parcel.shipped");
		this.relay.publish("parcels", claimed(first));

		assertThat(this.updates).hasSize(2);
		assertThat(this.updates.get(1)[0]).isEqualTo(new Document("_id", "p-1"));
		assertThat(this.updates.get(1)[1]).isEqualTo(OutboxRelay.removal(List.of(first.messageId())));
	}

	@Test
	void anUnreadableEntryHoldsBackItselfAndTheEntriesAfterItUnderTheLease() {
		OutboxMessage first = message("parcel.shipped");
		OutboxMessage third = message("parcel.returned");
		Document document = claimed(first, third);
		document.getList("outbox", Document.class).add(1, new Document("messageId", "broken"));

		this.relay.publish("parcels", document);

		assertThat(this.sent).extracting(ProducerRecord::value).containsExactly(first.envelope());
		assertThat(this.updates).hasSize(1);
		assertThat(this.updates.get(0)[1]).isEqualTo(OutboxRelay.removal(List.of(first.messageId())));
	}

	@Test
	void claimsDocumentsWithPendingMessagesWhoseLeaseIsAbsentOrOver() {
		Document filter = OutboxRelay.claimFilter(NOW);
		assertThat(filter.get("outbox.messageId")).isEqualTo(new Document("$exists", true));
		assertThat(filter.getList("$or", Document.class)).containsExactly(
				new Document("outboxLease.until", new Document("$exists", false)),
				new Document("outboxLease.until", new Document("$lt", Date.from(NOW))));
		assertThat(OutboxRelay.claimUpdate("relay-a", NOW.plusSeconds(10)))
			.isEqualTo(new Document("$set", new Document("outboxLease",
					new Document("owner", "relay-a").append("until", Date.from(NOW.plusSeconds(10))))));
	}

	@Test
	void remembersABoundedNumberOfPublishedIds() {
		PublishedIds ids = new PublishedIds(2);
		ids.add("a");
		ids.add("b");
		ids.add("c");
		assertThat(ids.contains("a")).isFalse();
		assertThat(ids.contains("c")).isTrue();
		assertThat(ids.size()).isEqualTo(2);
	}

	private static OutboxMessage message(String type) {
		return OutboxMessage.of("parcel.events", Envelope.of(type, 1, "shipping-service", "p-1", "DHL"));
	}

	private static Document claimed(OutboxMessage... messages) {
		List<Document> outbox = new ArrayList<>();
		for (OutboxMessage message : messages) {
			outbox.add(message.toDocument());
		}
		return new Document("_id", "p-1").append("outbox", outbox);
	}

	private static String header(ProducerRecord<String, String> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
