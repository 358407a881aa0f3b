package io.souq.starter.consumer;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.souq.events.Envelope;
import io.souq.events.Headers;
import io.souq.events.Topics;
import io.souq.starter.consumer.ConsumerTestService.Credit;
import io.souq.starter.consumer.ConsumerTestService.Handlers;
import io.souq.starter.consumer.ConsumerTestService.Wallet;
import io.souq.starter.messaging.EnvelopeCodec;
import io.souq.starter.outbox.KafkaRecords;
import io.souq.test.WithSouqInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.SendResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Consumption on the real broker and the MongoDB-protocol server: bounded retries, dead
 * letters, a partition that keeps flowing, and one effect per message.
 */
@SpringBootTest(classes = ConsumerTestService.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=" + ConsumerTestService.GROUP, "souq.consumer.initial-interval=50ms",
				"souq.consumer.max-interval=200ms" })
@WithSouqInfrastructure
class IdempotentConsumerIT {

	static final String ORDERS_DLQ = Topics.deadLetter(ConsumerTestService.ORDERS, ConsumerTestService.GROUP);

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	EnvelopeCodec codec;

	@Autowired
	Handlers handlers;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MeterRegistry registry;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void aPoisonMessageGoesToTheDeadLetterTopicWithItsErrorAndThePartitionKeepsFlowing() throws Exception {
		String key = "order-" + UUID.randomUUID();
		SendResult<String, String> poison = this.kafka.send(ConsumerTestService.ORDERS, key, "not json")
			.get(10, TimeUnit.SECONDS);
		Envelope<String> next = send(ConsumerTestService.ORDERS, "order.placed", key);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.handlers.effects(next.id())).isEqualTo(1));
		ConsumerRecord<String, String> deadLetter = awaitDeadLetter(ORDERS_DLQ, key);
		assertThat(deadLetter.value()).isEqualTo("not json");
		assertThat(KafkaRecords.header(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC))
			.isEqualTo(ConsumerTestService.ORDERS);
		assertThat(KafkaRecords.header(deadLetter, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP))
			.isEqualTo(ConsumerTestService.GROUP);
		assertThat(number(deadLetter, KafkaHeaders.DLT_ORIGINAL_OFFSET)).isEqualTo(poison.getRecordMetadata().offset());
		assertThat(number(deadLetter, KafkaHeaders.DLT_ORIGINAL_PARTITION))
			.isEqualTo(poison.getRecordMetadata().partition());
		assertThat(KafkaRecords.header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
			.contains("not a valid envelope");
		assertThat(KafkaRecords.header(deadLetter, KafkaHeaders.DLT_EXCEPTION_STACKTRACE)).isNotBlank();
		assertThat(this.registry.get("souq.messaging.dead-letters")
			.tag("topic", ConsumerTestService.ORDERS)
			.counter()
			.count()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void retriesATransientFailureWithBackOffUntilItSucceeds() {
		String key = "order-" + UUID.randomUUID();
		Envelope<String> flaky = send(ConsumerTestService.ORDERS, "order.flaky", key);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.handlers.effects(flaky.id())).isEqualTo(1));
		assertThat(this.handlers.attempts(flaky.id())).isEqualTo(3);
		assertThat(KafkaRecords.read(this.bootstrapServers, ORDERS_DLQ))
			.noneMatch((record) -> flaky.id().toString().equals(KafkaRecords.header(record, Headers.ID)));
	}

	@Test
	void sendsAMessageThatAlwaysFailsToTheDeadLetterTopicAfterTheBoundedAttempts() {
		String key = "order-" + UUID.randomUUID();
		Envelope<String> doomed = send(ConsumerTestService.ORDERS, "order.doomed", key);
		Envelope<String> next = send(ConsumerTestService.ORDERS, "order.placed", key);

		ConsumerRecord<String, String> deadLetter = awaitDeadLetter(ORDERS_DLQ, key);
		assertThat(KafkaRecords.header(deadLetter, Headers.ID)).isEqualTo(doomed.id().toString());
		assertThat(KafkaRecords.header(deadLetter, Headers.TYPE)).isEqualTo("order.doomed");
		assertThat(KafkaRecords.header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
			.contains("order " + key + " cannot be placed");
		assertThat(this.handlers.attempts(doomed.id())).isEqualTo(3);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.handlers.effects(next.id())).isEqualTo(1));
	}

	@Test
	void aMessageDeliveredTwiceHasOneEffect() {
		String key = "order-" + UUID.randomUUID();
		Envelope<String> placed = Envelope.of("order.placed", 1, "order-service", key, key);
		this.kafka.send(this.codec.toRecord(ConsumerTestService.ORDERS, placed));
		this.kafka.send(this.codec.toRecord(ConsumerTestService.ORDERS, placed));
		Envelope<String> after = send(ConsumerTestService.ORDERS, "order.placed", key);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.handlers.effects(after.id())).isEqualTo(1));
		assertThat(this.handlers.effects(placed.id())).isEqualTo(1);
		assertThat(this.handlers.attempts(placed.id())).isEqualTo(1);
		assertThat(this.mongo.getCollection(MongoProcessedMessages.COLLECTION)
			.find(new Document("_id", ConsumerTestService.GROUP + ":" + placed.id()))
			.first()).containsEntry("type", "order.placed");
	}

	@Test
	void anAggregateThatRecordsWhatItAppliedInItsOwnWriteAppliesARedeliveryOnceAndAnnouncesItOnce() {
		String walletId = "wallet-" + UUID.randomUUID();
		Envelope<Credit> credit = Envelope.of("wallet.credit", 1, "payment-service", walletId, new Credit(100));
		this.kafka.send(this.codec.toRecord(ConsumerTestService.WALLETS, credit));
		this.kafka.send(this.codec.toRecord(ConsumerTestService.WALLETS, credit));
		Envelope<Credit> more = Envelope.of("wallet.credit", 1, "payment-service", walletId, new Credit(5));
		this.kafka.send(this.codec.toRecord(ConsumerTestService.WALLETS, more));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Wallet wallet = this.mongo.findById(walletId, Wallet.class);
			assertThat(wallet).isNotNull();
			assertThat(wallet.hasApplied(more.id())).isTrue();
		});
		Wallet wallet = this.mongo.findById(walletId, Wallet.class);
		assertThat(wallet.balance()).isEqualTo(105);
		assertThat(wallet.hasApplied(credit.id())).isTrue();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(KafkaRecords.read(this.bootstrapServers, ConsumerTestService.WALLET_EVENTS)
				.stream()
				.filter((record) -> walletId.equals(record.key()))
				.map((record) -> KafkaRecords.header(record, Headers.CAUSATION_ID))
				.toList()).containsExactly(credit.id().toString(), more.id().toString()));
	}

	private Envelope<String> send(String topic, String type, String key) {
		Envelope<String> envelope = Envelope.of(type, 1, "order-service", key, key);
		try {
			this.kafka.send(this.codec.toRecord(topic, envelope)).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return envelope;
	}

	private ConsumerRecord<String, String> awaitDeadLetter(String topic, String key) {
		ConsumerRecord<String, String>[] found = new ConsumerRecord[1];
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<ConsumerRecord<String, String>> records = KafkaRecords.read(this.bootstrapServers, topic)
				.stream()
				.filter((record) -> key.equals(record.key()))
				.toList();
			assertThat(records).hasSize(1);
			found[0] = records.get(0);
		});
		return found[0];
	}

	private static long number(ConsumerRecord<String, String> record, String header) {
		byte[] value = record.headers().lastHeader(header).value();
		return (value.length == Integer.BYTES) ? ByteBuffer.wrap(value).getInt() : ByteBuffer.wrap(value).getLong();
	}

}
