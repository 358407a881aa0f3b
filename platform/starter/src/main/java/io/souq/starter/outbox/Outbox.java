package io.souq.starter.outbox;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import io.souq.events.Envelope;
import org.bson.Document;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Field names of the outbox inside an aggregate document, and the pieces of a guarded
 * update that changes state, appends messages and records a consumed message in one
 * atomic write, for services that update with {@code updateFirst} or
 * {@code findAndModify} rather than by saving an {@link Outboxed} aggregate:
 *
 * <pre class="code">
 * Query reserve = query(where("_id").is(sku).and("available").gte(quantity)
 * 	.andOperator(Outbox.notApplied(command)));
 * Update update = new Update().inc("available", -quantity);
 * Outbox.markApplied(update, command);
 * Outbox.push(update, OutboxMessage.of("inventory.events", reserved));
 * mongo.updateFirst(reserve, update, Stock.class);
 * relay.nudge();
 * </pre>
 *
 * A collection written this way is relayed once it is listed in
 * {@code souq.outbox.collections} (or its class extends {@link Outboxed}).
 */
public final class Outbox {

	/** The list of pending messages inside an aggregate document. */
	public static final String FIELD = "outbox";

	/** The relay's claim on a document: {@code {owner, until}}. */
	public static final String LEASE_FIELD = "outboxLease";

	/** The bounded list of the ids of the messages applied to an aggregate. */
	public static final String APPLIED_FIELD = "appliedMessageIds";

	/** The message id inside an outbox entry. */
	static final String MESSAGE_ID_PATH = FIELD + "." + OutboxMessage.MESSAGE_ID;

	private Outbox() {
	}

	/** Adds {@code $push: {outbox: {$each: [...]}}} to the update. */
	public static Update push(Update update, OutboxMessage... messages) {
		return push(update, Arrays.asList(messages));
	}

	/** Adds {@code $push: {outbox: {$each: [...]}}} to the update. */
	public static Update push(Update update, Collection<OutboxMessage> messages) {
		List<Document> documents = messages.stream().map(OutboxMessage::toDocument).toList();
		update.push(FIELD).each(documents.toArray());
		return update;
	}

	/** Matches an aggregate that has not applied the message yet. */
	public static Criteria notApplied(Envelope<?> message) {
		return Criteria.where(APPLIED_FIELD).ne(message.id().toString());
	}

	/**
	 * Adds the message id to the bounded list of applied ids (combine with
	 * {@link #notApplied} in the filter).
	 */
	public static Update markApplied(Update update, Envelope<?> message) {
		update.push(APPLIED_FIELD).slice(-Outboxed.APPLIED_MESSAGE_IDS_KEPT).each(message.id().toString());
		return update;
	}

}
