package io.souq.starter.outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;

import io.souq.events.Envelope;
import io.souq.starter.messaging.EnvelopeCodec;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

/**
 * A message waiting in an aggregate's outbox: stored inside the changed document, in the
 * same write as the state change that caused it, until the relay has published it.
 *
 * @param messageId the envelope id (the relay removes published entries by it)
 * @param topic where the relay publishes it
 * @param key the Kafka key, the envelope's subject
 * @param type the envelope type, for operators reading the document
 * @param envelope the envelope as JSON, published byte for byte
 * @param createdAt when the message was put in the outbox (millisecond precision, as
 * stored)
 */
public record OutboxMessage(String messageId, String topic, String key, String type, String envelope,
		Instant createdAt) {

	/**
	 * Envelopes are written with Jackson's defaults: the wire format of a contract is its
	 * record, not a service's mapper settings.
	 */
	private static final EnvelopeCodec WRITER = new EnvelopeCodec(JsonMapper.shared());

	static final String MESSAGE_ID = "messageId";

	static final String TOPIC = "topic";

	static final String KEY = "key";

	static final String TYPE = "type";

	static final String ENVELOPE = "envelope";

	static final String CREATED_AT = "createdAt";

	public OutboxMessage {
		requireText(messageId, MESSAGE_ID);
		requireText(topic, TOPIC);
		requireText(key, KEY);
		requireText(type, TYPE);
		requireText(envelope, ENVELOPE);
		Objects.requireNonNull(createdAt, CREATED_AT);
	}

	/**
	 * The message that publishes the envelope to the topic, keyed by its subject.
	 */
	public static OutboxMessage of(String topic, Envelope<?> envelope) {
		Objects.requireNonNull(envelope, "envelope");
		return new OutboxMessage(envelope.id().toString(), topic, envelope.subject(), envelope.type(),
				WRITER.write(envelope), Instant.now().truncatedTo(ChronoUnit.MILLIS));
	}

	/**
	 * The stored form, for updates written without the mapping of an aggregate class (see
	 * {@link Outbox#push}). It is the form Spring Data writes for the record.
	 */
	public Document toDocument() {
		return new Document(MESSAGE_ID, this.messageId).append(TOPIC, this.topic)
			.append(KEY, this.key)
			.append(TYPE, this.type)
			.append(ENVELOPE, this.envelope)
			.append(CREATED_AT, Date.from(this.createdAt));
	}

	/**
	 * Reads a stored entry.
	 * @throws IllegalArgumentException when a part is missing or of the wrong type
	 */
	public static OutboxMessage fromDocument(Document document) {
		try {
			Date created = document.get(CREATED_AT, Date.class);
			return new OutboxMessage(document.getString(MESSAGE_ID), document.getString(TOPIC), document.getString(KEY),
					document.getString(TYPE), document.getString(ENVELOPE),
					(created != null) ? created.toInstant() : null);
		}
		catch (ClassCastException | NullPointerException ex) {
			throw new IllegalArgumentException("not an outbox entry: " + ex.getMessage(), ex);
		}
	}

	private static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
	}

}
