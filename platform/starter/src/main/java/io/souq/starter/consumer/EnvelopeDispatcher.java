package io.souq.starter.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.souq.events.Envelope;
import io.souq.starter.messaging.EnvelopeCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

import org.springframework.kafka.listener.MessageListener;

/**
 * The listener of one {@link TopicConsumer}: reads the envelope (a malformed one fails at
 * once, to the dead-letter topic), skips unknown types and messages already processed,
 * and calls the type's handler with the correlation id in the logging context.
 */
final class EnvelopeDispatcher implements MessageListener<String, String> {

	static final String MDC_CORRELATION_ID = "correlationId";

	private final TopicConsumer consumer;

	private final String group;

	private final EnvelopeCodec codec;

	private final ProcessedMessages processed;

	private final Counter applied;

	private final Counter duplicates;

	private final Counter ignored;

	EnvelopeDispatcher(TopicConsumer consumer, String group, EnvelopeCodec codec, ProcessedMessages processed,
			MeterRegistry registry) {
		this.consumer = consumer;
		this.group = group;
		this.codec = codec;
		this.processed = processed;
		this.applied = counter(registry, consumer.topic(), "applied");
		this.duplicates = counter(registry, consumer.topic(), "duplicate");
		this.ignored = counter(registry, consumer.topic(), "ignored");
	}

	@Override
	public void onMessage(ConsumerRecord<String, String> record) {
		Envelope<JsonNode> envelope = this.codec.read(record.value());
		EnvelopeHandler handler = this.consumer.handlerOf(envelope.type());
		if (handler == null) {
			this.ignored.increment();
			return;
		}
		boolean deduplicate = this.consumer.deduplication() == Deduplication.PROCESSED_MESSAGES;
		if (deduplicate && this.processed.contains(this.group, envelope.id())) {
			this.duplicates.increment();
			return;
		}
		String previous = MDC.get(MDC_CORRELATION_ID);
		MDC.put(MDC_CORRELATION_ID, envelope.correlationId());
		try {
			handler.handle(envelope);
		}
		finally {
			if (previous != null) {
				MDC.put(MDC_CORRELATION_ID, previous);
			}
			else {
				MDC.remove(MDC_CORRELATION_ID);
			}
		}
		if (deduplicate) {
			this.processed.record(this.group, record.topic(), envelope);
		}
		this.applied.increment();
	}

	private static Counter counter(MeterRegistry registry, String topic, String outcome) {
		return Counter.builder("souq.messaging.processed")
			.description("Messages consumed, by outcome: applied, duplicate (seen before), ignored (unknown type)")
			.tag("topic", topic)
			.tag("outcome", outcome)
			.register(registry);
	}

}
