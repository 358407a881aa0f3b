package io.souq.starter.consumer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.souq.events.Envelope;
import io.souq.starter.messaging.EnvelopeCodec;
import io.souq.starter.messaging.MalformedMessageException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class EnvelopeDispatcherTests {

	record Reserve(String sku, int quantity) {
	}

	private final EnvelopeCodec codec = new EnvelopeCodec(JsonMapper.shared());

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final InMemoryProcessedMessages processed = new InMemoryProcessedMessages();

	private final List<Reserve> reserved = new ArrayList<>();

	private final List<String> correlationIds = new ArrayList<>();

	private int failuresLeft;

	private final EnvelopeHandler reserve = (envelope) -> {
		this.correlationIds.add(MDC.get("correlationId"));
		if (this.failuresLeft > 0) {
			this.failuresLeft--;
			throw new IllegalStateException("database busy");
		}
		this.reserved.add(this.codec.data(envelope, Reserve.class));
	};

	private final Envelope<Reserve> command = Envelope.of("inventory.reserve-stock", 1, "order-service", "o-1",
			new Reserve("sku-1", 2));

	@Test
	void handsTheEnvelopeToTheHandlerOfItsTypeWithItsCorrelationIdInTheLogs() {
		dispatcher(Deduplication.PROCESSED_MESSAGES).onMessage(record(this.command));
		assertThat(this.reserved).containsExactly(new Reserve("sku-1", 2));
		assertThat(this.correlationIds).containsExactly(this.command.correlationId());
		assertThat(MDC.get("correlationId")).isNull();
		assertThat(this.processed.contains("inventory-service", this.command.id())).isTrue();
		assertThat(count("applied")).isEqualTo(1);
	}

	@Test
	void appliesAMessageDeliveredTwiceOnce() {
		EnvelopeDispatcher dispatcher = dispatcher(Deduplication.PROCESSED_MESSAGES);
		dispatcher.onMessage(record(this.command));
		dispatcher.onMessage(record(this.command));
		assertThat(this.reserved).hasSize(1);
		assertThat(count("duplicate")).isEqualTo(1);
	}

	@Test
	void recordsNothingWhenTheHandlerFailsSoThatTheRetryApplies() {
		this.failuresLeft = 1;
		EnvelopeDispatcher dispatcher = dispatcher(Deduplication.PROCESSED_MESSAGES);
		assertThatIllegalStateException().isThrownBy(() -> dispatcher.onMessage(record(this.command)));
		assertThat(this.processed.contains("inventory-service", this.command.id())).isFalse();
		dispatcher.onMessage(record(this.command));
		assertThat(this.reserved).hasSize(1);
	}

	@Test
	void ignoresTypesItDoesNotKnow() {
		dispatcher(Deduplication.PROCESSED_MESSAGES)
			.onMessage(record(Envelope.of("inventory.count-stock", 1, "order-service", "o-1", "x")));
		assertThat(this.reserved).isEmpty();
		assertThat(count("ignored")).isEqualTo(1);
		assertThat(this.processed.ids).isEmpty();
	}

	@Test
	void leavesTheStoreAloneWhenTheHandlerDeduplicates() {
		EnvelopeDispatcher dispatcher = dispatcher(Deduplication.HANDLER);
		dispatcher.onMessage(record(this.command));
		dispatcher.onMessage(record(this.command));
		assertThat(this.reserved).hasSize(2);
		assertThat(this.processed.ids).isEmpty();
	}

	@Test
	void failsAtOnceOnAMessageThatIsNotAnEnvelope() {
		EnvelopeDispatcher dispatcher = dispatcher(Deduplication.PROCESSED_MESSAGES);
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(
				() -> dispatcher.onMessage(new ConsumerRecord<>("inventory.commands", 0, 0, "o-1", "not json")));
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> dispatcher.onMessage(new ConsumerRecord<>("inventory.commands", 0, 1, "o-1", null)));
	}

	private EnvelopeDispatcher dispatcher(Deduplication deduplication) {
		TopicConsumer consumer = TopicConsumer.of("inventory.commands")
			.on("inventory.reserve-stock", this.reserve)
			.deduplication(deduplication);
		return new EnvelopeDispatcher(consumer, "inventory-service", this.codec, this.processed, this.registry);
	}

	private ConsumerRecord<String, String> record(Envelope<?> envelope) {
		return new ConsumerRecord<>("inventory.commands", 0, 0, envelope.subject(), this.codec.write(envelope));
	}

	private double count(String outcome) {
		return this.registry.get("souq.messaging.processed").tag("outcome", outcome).counter().count();
	}

	static class InMemoryProcessedMessages implements ProcessedMessages {

		final Set<String> ids = new HashSet<>();

		@Override
		public boolean contains(String group, UUID messageId) {
			return this.ids.contains(group + ":" + messageId);
		}

		@Override
		public void record(String group, String topic, Envelope<?> message) {
			this.ids.add(group + ":" + message.id());
		}

	}

}
