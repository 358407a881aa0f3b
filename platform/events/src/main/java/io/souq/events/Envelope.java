package io.souq.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The message every Souq topic carries: CloudEvents-style attributes around a payload.
 * The attributes are mirrored into Kafka headers; {@code subject} is also the Kafka key.
 *
 * @param id unique message id, the key of idempotent consumption
 * @param type wire name of the payload, e.g. {@code order.placed}
 * @param version schema version of the payload
 * @param source the service that produced the message
 * @param subject aggregate id (order id, SKU, product id), also the Kafka key
 * @param time when the fact happened or the command was issued
 * @param correlationId id shared by every message of one business flow
 * @param causationId id of the message (or request) that caused this one
 * @param data the payload
 * @param <T> payload type
 */
public record Envelope<T>(UUID id, String type, int version, String source, String subject, Instant time,
		String correlationId, String causationId, T data) {

	public Envelope {
		Objects.requireNonNull(id, "id");
		requireText(type, "type");
		if (version < 1) {
			throw new IllegalArgumentException("version must be at least 1");
		}
		requireText(source, "source");
		requireText(subject, "subject");
		Objects.requireNonNull(time, "time");
		requireText(correlationId, "correlationId");
	}

	/**
	 * A new message that starts a flow of its own (its correlation id is its own id).
	 */
	public static <T> Envelope<T> of(String type, int version, String source, String subject, T data) {
		UUID id = UUID.randomUUID();
		return new Envelope<>(id, type, version, source, subject, Instant.now(), id.toString(), null, data);
	}

	/**
	 * A new message caused by this one: same correlation id, causation id = this id.
	 */
	public <R> Envelope<R> reply(String type, int version, String source, String subject, R data) {
		return new Envelope<>(UUID.randomUUID(), type, version, source, subject, Instant.now(), this.correlationId,
				this.id.toString(), data);
	}

	private static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
	}

}
