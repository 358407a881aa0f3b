package io.souq.starter.consumer;

import io.souq.events.Envelope;
import tools.jackson.databind.JsonNode;

/**
 * Handles one type of message. Read the payload with
 * {@code EnvelopeCodec.data(envelope, MyPayload.class)}.
 * <p>
 * Throwing makes the message be retried with back-off and, after the last attempt, go to
 * the dead-letter topic; a {@link io.souq.starter.messaging.MalformedMessageException}
 * goes there at once.
 */
@FunctionalInterface
public interface EnvelopeHandler {

	void handle(Envelope<JsonNode> envelope);

}
