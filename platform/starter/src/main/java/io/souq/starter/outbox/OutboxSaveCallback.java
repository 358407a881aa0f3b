package io.souq.starter.outbox;

import java.util.function.Supplier;

import org.bson.Document;

import org.springframework.data.mongodb.core.mapping.event.AfterSaveCallback;

/**
 * Nudges the relay after an {@link Outboxed} aggregate with pending messages is saved, so
 * that they are published at once instead of at the next poll.
 */
public class OutboxSaveCallback implements AfterSaveCallback<Outboxed> {

	private final Supplier<OutboxRelay> relay;

	/**
	 * @param relay the relay, looked up at the first save (the relay needs the template
	 * whose converter needs this callback)
	 */
	public OutboxSaveCallback(Supplier<OutboxRelay> relay) {
		this.relay = relay;
	}

	@Override
	public Outboxed onAfterSave(Outboxed entity, Document document, String collection) {
		if (!entity.outbox().isEmpty()) {
			this.relay.get().nudge();
		}
		return entity;
	}

}
