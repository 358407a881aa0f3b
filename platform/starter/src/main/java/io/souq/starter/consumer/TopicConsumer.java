package io.souq.starter.consumer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A service's consumption of one topic, declared as a bean: the handler of each message
 * type it knows, in the consumer group {@code spring.application.name}. Types without a
 * handler are skipped (consumers ignore what they do not know).
 *
 * <pre class="code">
 * &#64;Bean
 * TopicConsumer inventoryCommands(Reservations reservations) {
 * 	return TopicConsumer.of("inventory.commands")
 * 		.on("inventory.reserve-stock", reservations::reserve)
 * 		.on("inventory.release-reservation", reservations::release);
 * }
 * </pre>
 *
 * Failures are retried with back-off ({@code souq.consumer.*}), then go to
 * {@code <topic>.<group>.dlq}; the partition keeps flowing.
 */
public final class TopicConsumer {

	private final String topic;

	private final Map<String, EnvelopeHandler> handlers;

	private final Deduplication deduplication;

	private TopicConsumer(String topic, Map<String, EnvelopeHandler> handlers, Deduplication deduplication) {
		this.topic = topic;
		this.handlers = handlers;
		this.deduplication = deduplication;
	}

	/**
	 * Consumes the topic, deduplicating with the {@link ProcessedMessages} store unless
	 * told otherwise.
	 */
	public static TopicConsumer of(String topic) {
		if (topic == null || topic.isBlank()) {
			throw new IllegalArgumentException("topic must not be blank");
		}
		return new TopicConsumer(topic, Map.of(), Deduplication.PROCESSED_MESSAGES);
	}

	/**
	 * This consumption with a handler for one more type.
	 * @throws IllegalArgumentException when the type has a handler already
	 */
	public TopicConsumer on(String type, EnvelopeHandler handler) {
		if (type == null || type.isBlank()) {
			throw new IllegalArgumentException("type must not be blank");
		}
		Objects.requireNonNull(handler, "handler");
		if (this.handlers.containsKey(type)) {
			throw new IllegalArgumentException(type + " has a handler on " + this.topic + " already");
		}
		Map<String, EnvelopeHandler> more = new LinkedHashMap<>(this.handlers);
		more.put(type, handler);
		return new TopicConsumer(this.topic, Collections.unmodifiableMap(more), this.deduplication);
	}

	/**
	 * This consumption with another way of deduplicating.
	 */
	public TopicConsumer deduplication(Deduplication deduplication) {
		return new TopicConsumer(this.topic, this.handlers, Objects.requireNonNull(deduplication, "deduplication"));
	}

	public String topic() {
		return this.topic;
	}

	/** The handled types and their handlers, in declaration order. */
	public Map<String, EnvelopeHandler> handlers() {
		return this.handlers;
	}

	public Deduplication deduplication() {
		return this.deduplication;
	}

	/** The handler of a type, or {@code null} when the type is not handled. */
	EnvelopeHandler handlerOf(String type) {
		return this.handlers.get(type);
	}

	@Override
	public String toString() {
		return "TopicConsumer[" + this.topic + " " + this.handlers.keySet() + ", " + this.deduplication + "]";
	}

}
