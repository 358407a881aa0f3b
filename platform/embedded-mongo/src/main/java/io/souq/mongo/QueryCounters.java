package io.souq.mongo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a collection's queries did: how each was answered (which index, or a scan), how
 * many index entries were walked and how many documents were tested against a filter.
 * Lets tests prove that a query is served by an index and reads only a few documents,
 * without timing anything.
 */
final class QueryCounters {

	/** The name under which scans are counted. */
	static final String SCAN = "COLLSCAN";

	private final LongAdder documentsExamined = new LongAdder();

	private final LongAdder keysExamined = new LongAdder();

	private final Map<String, LongAdder> plans = new ConcurrentHashMap<>();

	private volatile String lastPlan;

	void documentExamined() {
		this.documentsExamined.increment();
	}

	void keyExamined() {
		this.keysExamined.increment();
	}

	void planned(String indexName) {
		String plan = (indexName != null) ? indexName : SCAN;
		this.plans.computeIfAbsent(plan, (name) -> new LongAdder()).increment();
		this.lastPlan = plan;
	}

	long documentsExamined() {
		return this.documentsExamined.sum();
	}

	long keysExamined() {
		return this.keysExamined.sum();
	}

	/**
	 * How many queries were answered through an index (or by a scan).
	 * @param indexName the index's name, or {@link #SCAN}
	 * @return the count
	 */
	long plans(String indexName) {
		LongAdder count = this.plans.get(indexName);
		return (count != null) ? count.sum() : 0;
	}

	long scans() {
		return plans(SCAN);
	}

	/** The index (or {@link #SCAN}) of the latest query. */
	String lastPlan() {
		return this.lastPlan;
	}

}
