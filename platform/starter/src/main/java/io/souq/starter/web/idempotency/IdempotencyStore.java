package io.souq.starter.web.idempotency;

/**
 * Where keys are claimed, and answers stored for replay.
 */
interface IdempotencyStore {

	/**
	 * Claims the scope for a request with this hash: the request may run
	 * ({@link Claim.Acquired}) only when no live record holds the scope; concurrent
	 * claims of one scope acquire it at most once.
	 */
	Claim claim(String scope, String requestHash);

	/** Stores the answer of the request that acquired the scope. */
	void complete(String scope, String attempt, StoredResponse response);

	/** Removes the record of a request that failed, so the client may retry. */
	void release(String scope, String attempt);

	/** The outcome of a claim. */
	sealed interface Claim {

		/** The request runs; {@code attempt} identifies it in the record. */
		record Acquired(String attempt) implements Claim {
		}

		/** The request was answered before: replay that answer. */
		record Replay(StoredResponse response) implements Claim {
		}

		/** The key was used for a different request. */
		record Reused() implements Claim {
		}

		/** The first request with the key is still running. */
		record InUse() implements Claim {
		}

	}

}
