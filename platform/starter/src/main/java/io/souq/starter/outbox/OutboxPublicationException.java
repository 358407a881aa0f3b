package io.souq.starter.outbox;

/**
 * The broker did not acknowledge an outbox message in time; it stays in the outbox and is
 * published again.
 */
public class OutboxPublicationException extends RuntimeException {

	OutboxPublicationException(OutboxMessage message, Throwable cause) {
		super("message " + message.messageId() + " (" + message.type() + ") to " + message.topic()
				+ " not acknowledged: " + ((cause != null) ? cause.toString() : "timeout"), cause);
	}

}
