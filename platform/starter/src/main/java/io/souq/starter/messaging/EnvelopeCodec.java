package io.souq.starter.messaging;

import java.nio.charset.StandardCharsets;

import io.souq.events.Envelope;
import io.souq.events.Headers;
import io.souq.starter.json.DecimalsAsStrings;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns {@link Envelope envelopes} into Kafka records (JSON value, subject as key,
 * attributes mirrored into headers) and back.
 */
public class EnvelopeCodec {

	private static final TypeReference<Envelope<JsonNode>> ENVELOPE = new TypeReference<>() {
	};

	private final JsonMapper mapper;

	/**
	 * A codec writing with the given mapper's settings, plus decimal amounts as strings
	 * ({@code "19.99"}, never a float).
	 */
	public EnvelopeCodec(JsonMapper mapper) {
		this.mapper = mapper.rebuild().addModule(DecimalsAsStrings.module()).build();
	}

	public ProducerRecord<String, String> toRecord(String topic, Envelope<?> envelope) {
		RecordHeaders headers = new RecordHeaders();
		header(headers, Headers.ID, envelope.id().toString());
		header(headers, Headers.TYPE, envelope.type());
		header(headers, Headers.VERSION, Integer.toString(envelope.version()));
		header(headers, Headers.SOURCE, envelope.source());
		header(headers, Headers.SUBJECT, envelope.subject());
		header(headers, Headers.TIME, envelope.time().toString());
		header(headers, Headers.CORRELATION_ID, envelope.correlationId());
		header(headers, Headers.CAUSATION_ID, envelope.causationId());
		return new ProducerRecord<>(topic, null, envelope.subject(), write(envelope), headers);
	}

	public String write(Envelope<?> envelope) {
		return this.mapper.writeValueAsString(envelope);
	}

	/**
	 * Reads an envelope whose payload stays a JSON tree until the consumer knows its
	 * type.
	 * @throws MalformedMessageException when the value is not a valid envelope
	 */
	public Envelope<JsonNode> read(String json) {
		try {
			Envelope<JsonNode> envelope = this.mapper.readValue(json, ENVELOPE);
			if (envelope == null) {
				throw new MalformedMessageException("empty message", null);
			}
			return envelope;
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			throw new MalformedMessageException("not a valid envelope", ex);
		}
	}

	/**
	 * The payload as the given type.
	 * @throws MalformedMessageException when the payload does not fit the type
	 */
	public <T> T data(Envelope<JsonNode> envelope, Class<T> type) {
		try {
			return this.mapper.treeToValue(envelope.data(), type);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new MalformedMessageException(
					"payload of " + envelope.type() + " does not fit " + type.getSimpleName(), ex);
		}
	}

	private static void header(RecordHeaders headers, String name, String value) {
		if (value != null) {
			headers.add(name, value.getBytes(StandardCharsets.UTF_8));
		}
	}

}
