package io.souq.starter.consumer;

import java.util.UUID;

import io.souq.events.Envelope;

/**
 * The ids of the messages a consumer group has handled, for consumers that deduplicate
 * with {@link Deduplication#PROCESSED_MESSAGES}. The starter consults and writes it
 * around a handler; a handler may also use it itself.
 */
public interface ProcessedMessages {

	/** Whether the group has handled the message. */
	boolean contains(String group, UUID messageId);

	/** Records that the group has handled the message (recording twice is harmless). */
	void record(String group, String topic, Envelope<?> message);

}
