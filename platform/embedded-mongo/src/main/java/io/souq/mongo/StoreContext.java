package io.souq.mongo;

/**
 * What every collection of one store shares: the engine, the group commit and whether
 * queries are planned (tests turn planning off to compare with full scans).
 */
final class StoreContext {

	private final StoreEngine engine;

	private final GroupCommit commit;

	private volatile boolean plannerEnabled = true;

	StoreContext(StoreEngine engine, GroupCommit commit) {
		this.engine = engine;
		this.commit = commit;
	}

	StoreEngine engine() {
		return this.engine;
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
