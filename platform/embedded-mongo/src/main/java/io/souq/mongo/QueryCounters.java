package io.souq.mongo;

import java.util.concurrent.atomic.LongAdder;

/**
 * What a collection's queries did: how many documents were tested against a filter, and
 * how many queries were answered through the {@code _id} index lookup. Lets tests prove
 * that a lookup does not visit the other documents, without timing anything.
 */
final class QueryCounters {

	private final LongAdder documentsExamined = new LongAdder();

	private final LongAdder idLookups = new LongAdder();

	void documentExamined() {
		this.documentsExamined.increment();
	}

	void idLookup() {
		this.idLookups.increment();
	}

	long documentsExamined() {
		return this.documentsExamined.sum();
	}

	long idLookups() {
		return this.idLookups.sum();
	}

}
