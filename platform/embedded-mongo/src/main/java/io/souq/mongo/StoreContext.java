package io.souq.mongo;

import org.h2.mvstore.MVStore;

/**
 * What every collection of one store shares: the MVStore, the group commit and whether
 * queries are planned (tests turn planning off to compare with full scans).
 */
final class StoreContext {

	private final MVStore store;

	private final GroupCommit commit;

	private volatile boolean plannerEnabled = true;

	StoreContext(MVStore store, GroupCommit commit) {
		this.store = store;
		this.commit = commit;
	}

	MVStore store() {
		return this.store;
	}

	GroupCommit commit() {
		return this.commit;
	}

	boolean plannerEnabled() {
		return this.plannerEnabled;
	}

	void plannerEnabled(boolean enabled) {
		this.plannerEnabled = enabled;
	}

}
