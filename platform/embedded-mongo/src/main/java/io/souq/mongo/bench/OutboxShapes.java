package io.souq.mongo.bench;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;

/**
 * The commands the platform's outbox relay ({@code io.souq.starter.outbox.OutboxRelay})
 * sends for each relayed collection, with the same filters, updates and index.
 */
final class OutboxShapes {

	/** The name of the sparse index on pending outbox message ids. */
	static final String PENDING_INDEX = "souq_outbox_pending";

	static final String OUTBOX = "outbox";

	static final String LEASE = "outboxLease";

	static final String MESSAGE_ID_PATH = OUTBOX + ".messageId";

	private OutboxShapes() {
	}

	/** Documents with pending messages. */
	static Document pendingFilter() {
		return new Document(MESSAGE_ID_PATH, new Document("$exists", true));
	}

	/** Documents with pending messages and no live lease. */
	static Document claimFilter(Instant now) {
		String until = LEASE + ".until";
		return pendingFilter().append("$or", List.of(new Document(until, new Document("$exists", false)),
				new Document(until, new Document("$lt", Date.from(now)))));
	}

	/** Takes the lease. */
	static Document claimUpdate(String owner, Instant until) {
		return new Document("$set",
				new Document(LEASE, new Document("owner", owner).append("until", Date.from(until))));
	}

	/** The relay's projection of a claimed document. */
	static Document claimProjection() {
		return new Document(OUTBOX, 1);
	}

	/** Releases the lease of a document if it is still this owner's. */
	static Document releaseFilter(Object id, String owner) {
		return new Document("_id", id).append(LEASE + ".owner", owner);
	}

	/** The update that releases a lease. */
	static Document releaseUpdate() {
		return new Document("$unset", new Document(LEASE, ""));
	}

	/** The {@code countPending} aggregation: the number of pending messages. */
	static List<Document> countPendingPipeline() {
		return List.of(new Document("$match", pendingFilter()),
				new Document("$project", new Document("n", new Document("$size", "$" + OUTBOX))),
				new Document("$group", new Document("_id", null).append("n", new Document("$sum", "$n"))));
	}

}
