package io.souq.starter.outbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.souq.events.Envelope;

/**
 * Base class of an aggregate that publishes messages and consumes them idempotently,
 * without multi-document transactions: both live inside the aggregate's own document, so
 * that a state change, the messages it causes and the ids of the messages that caused it
 * are stored in one atomic write.
 * <ul>
 * <li>{@link #message(String, Envelope)} puts a message in the {@value Outbox#FIELD}
 * list; the {@link OutboxRelay} publishes it after the save and removes it. Every
 * collection of a {@code @Document} class extending this one is relayed.</li>
 * <li>{@link #markApplied(Envelope)} records the id of a consumed message in the bounded
 * {@value Outbox#APPLIED_FIELD} list and answers whether it was new, so a message
 * delivered twice changes the aggregate once (use {@code @Version}: of two concurrent
 * deliveries, one save then fails and its retry sees the id).</li>
 * </ul>
 * Never clear the outbox yourself: a save replaces the document, and pending entries that
 * are missing from it are lost. An entry the relay removed just before a save that still
 * held it comes back and is published again: consumers are idempotent.
 */
public abstract class Outboxed {

	/** How many consumed message ids an aggregate remembers. */
	public static final int APPLIED_MESSAGE_IDS_KEPT = 100;

	private List<OutboxMessage> outbox = new ArrayList<>();

	private List<String> appliedMessageIds = new ArrayList<>();

	/**
	 * Puts a message in the outbox, to be published to the topic once this aggregate is
	 * saved.
	 */
	protected final void message(String topic, Envelope<?> envelope) {
		outboxList().add(OutboxMessage.of(topic, envelope));
	}

	/** The messages waiting to be published, oldest first. */
	public final List<OutboxMessage> outbox() {
		return Collections.unmodifiableList(outboxList());
	}

	/**
	 * Records that the message has been applied to this aggregate.
	 * @return {@code true} the first time, {@code false} when it has been applied already
	 * (apply nothing then)
	 */
	protected final boolean markApplied(Envelope<?> message) {
		Objects.requireNonNull(message, "message");
		String id = message.id().toString();
		List<String> applied = appliedList();
		if (applied.contains(id)) {
			return false;
		}
		applied.add(id);
		if (applied.size() > APPLIED_MESSAGE_IDS_KEPT) {
			applied.subList(0, applied.size() - APPLIED_MESSAGE_IDS_KEPT).clear();
		}
		return true;
	}

	/** Whether the message with this id has been applied to this aggregate. */
	public final boolean hasApplied(UUID messageId) {
		return appliedList().contains(messageId.toString());
	}

	private List<OutboxMessage> outboxList() {
		if (this.outbox == null) {
			this.outbox = new ArrayList<>();
		}
		return this.outbox;
	}

	private List<String> appliedList() {
		if (this.appliedMessageIds == null) {
			this.appliedMessageIds = new ArrayList<>();
		}
		return this.appliedMessageIds;
	}

}
