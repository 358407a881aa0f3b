package io.souq.starter.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.souq.events.Headers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.support.KafkaHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLettersTests {

	private final DeadLetters deadLetters = new DeadLetters(new DeadLetterTopics("order-service", (topic) -> {
	}), Map.of(), Map.of(), Map.of(), Duration.ofSeconds(1));

	@Test
	void replaysTheKeyValueAndEnvelopeHeadersWithoutTheErrorHeaders() {
		ConsumerRecord<byte[], byte[]> deadLetter = deadLetter();
		ProducerRecord<byte[], byte[]> replay = DeadLetters.replayRecord(deadLetter, "payment.events");
		assertThat(replay.topic()).isEqualTo("payment.events");
		assertThat(replay.partition()).isNull();
		assertThat(replay.key()).isEqualTo(bytes("o-1"));
		assertThat(replay.value()).isEqualTo(bytes("{\"id\":\"x\"}"));
		assertThat(replay.headers()).extracting(Header::key)
			.containsExactly(Headers.ID, Headers.TYPE, DeadLetters.REPLAYED_FROM_HEADER);
		assertThat(new String(replay.headers().lastHeader(DeadLetters.REPLAYED_FROM_HEADER).value(),
				StandardCharsets.UTF_8))
			.isEqualTo("payment.events.order-service.dlq:0:7");
	}

	@Test
	void findsTheOriginalTopicInTheHeadersElseInTheName() {
		ConsumerRecord<byte[], byte[]> deadLetter = deadLetter();
		assertThat(this.deadLetters.originalTopic(deadLetter)).isEqualTo("payment.v2.events");
		deadLetter.headers().remove(KafkaHeaders.DLT_ORIGINAL_TOPIC);
		assertThat(this.deadLetters.originalTopic(deadLetter)).isEqualTo("payment.events");
	}

	@Test
	void remembersReplaysInAGroupOfItsOwn() {
		assertThat(this.deadLetters.replayGroup()).isEqualTo("order-service.dlq-replay");
	}

	private static ConsumerRecord<byte[], byte[]> deadLetter() {
		ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("payment.events.order-service.dlq", 0, 7,
				bytes("o-1"), bytes("{\"id\":\"x\"}"));
		record.headers().add(Headers.ID, bytes("x"));
		record.headers().add(Headers.TYPE, bytes("payment.authorized"));
		record.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, bytes("payment.v2.events"));
		record.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, bytes("boom"));
		record.headers().add(DeadLetters.REPLAYED_FROM_HEADER, bytes("earlier"));
		return record;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
