package io.souq.starter.consumer;

/**
 * How a consumer makes a message delivered twice have one effect.
 */
public enum Deduplication {

	/**
	 * The starter skips a message whose id is in the {@link ProcessedMessages} store and
	 * records the id there after the handler returned. There is a window: if the service
	 * dies after the handler's write and before the record, the redelivered message is
	 * handled again. Right for handlers whose effect is naturally idempotent or cheap to
	 * repeat.
	 */
	PROCESSED_MESSAGES,

	/**
	 * The handler makes itself idempotent, without a window: it records the message id in
	 * the same atomic write as its state change (an {@code Outboxed} aggregate's
	 * {@code markApplied}, or {@code Outbox.notApplied}/{@code Outbox.markApplied} in a
	 * guarded update), or derives the answer from state (a reservation that already
	 * exists is answered again, not made again).
	 */
	HANDLER

}
