package io.souq.starter.web.idempotency;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A stored key: the hash of the request it was first used with, whether that request
 * finished, and (once it did) its answer.
 *
 * @param scope the hashed scope, the record's {@code _id}
 * @param requestHash the keyed hash of the first request's query string and body
 * @param state whether the first request is still running
 * @param attempt the id of the request that owns the record (a retry that takes over an
 * abandoned or expired record gets a new one, so a late finisher cannot overwrite it)
 * @param createdAt when the owning request started
 * @param expiresAt when the record stops counting
 * @param response the stored answer, once {@link State#COMPLETED}
 */
record IdempotencyRecord(String scope, String requestHash, State state, String attempt, Instant createdAt,
		Instant expiresAt, @Nullable StoredResponse response) {

	enum State {

		IN_PROGRESS, COMPLETED

	}

	/** What a request with this record's key and the given request hash gets. */
	enum Verdict {

		/** The record has expired: it counts as absent. */
		EXPIRED,

		/** The key was first used with another request: refuse (422). */
		REUSED,

		/** The first request is still running: try again shortly (409). */
		IN_PROGRESS,

		/**
		 * The first request started longer ago than any request runs and never finished
		 * (its service died): the key may be used again.
		 */
		ABANDONED,

		/** The first request finished: answer with its stored response. */
		REPLAY

	}

	Verdict verdict(String requestHash, Instant now, Duration inProgressTimeout) {
		if (!now.isBefore(this.expiresAt)) {
			return Verdict.EXPIRED;
		}
		if (!this.requestHash.equals(requestHash)) {
			return Verdict.REUSED;
		}
		if (this.state == State.IN_PROGRESS || this.response == null) {
			return now.isBefore(this.createdAt.plus(inProgressTimeout)) ? Verdict.IN_PROGRESS : Verdict.ABANDONED;
		}
		return Verdict.REPLAY;
	}

}
