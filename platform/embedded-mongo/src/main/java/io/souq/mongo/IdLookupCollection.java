package io.souq.mongo;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A collection that looks documents up through the {@code _id} index when a filter pins
 * {@code _id} (see {@link IdLookup}), also for an aggregation whose first stage is such a
 * {@code $match} (the driver's {@code countDocuments}).
 */
interface IdLookupCollection {

	/**
	 * What this collection's queries did.
	 * @return the counters
	 */
	QueryCounters queryCounters();

	/**
	 * Narrows the next {@code queryAllAsStream()} on this thread, the source of an
	 * aggregation, to the documents whose {@code _id} the filter pins, if it pins one.
	 * The aggregation's {@code $match} stage still applies the whole filter.
	 * @param matchFilter the filter of the pipeline's first {@code $match} stage
	 */
	void narrowNextAggregationSource(Document matchFilter);

	/** Undoes {@link #narrowNextAggregationSource(Document)} if it was not used. */
	void clearAggregationSource();

	/**
	 * Runs a database command, narrowing the source of an {@code aggregate} command whose
	 * pipeline starts with {@code $match}.
	 * @param command the command name
	 * @param query the command document
	 * @param collections resolves a collection name to the collection, or {@code null}
	 * @param handler runs the command
	 * @return the command's reply
	 */
	static Document handleCommand(String command, Document query, Function<String, MongoCollection<?>> collections,
			Supplier<Document> handler) {
		if ("aggregate".equalsIgnoreCase(command) && query.get(command) instanceof String collectionName
				&& query.get("pipeline") instanceof List<?> pipeline && !pipeline.isEmpty()
				&& pipeline.get(0) instanceof Document firstStage && firstStage.size() == 1
				&& firstStage.get("$match") instanceof Document matchFilter
				&& collections.apply(collectionName) instanceof IdLookupCollection collection) {
			collection.narrowNextAggregationSource(matchFilter);
			try {
				return handler.get();
			}
			finally {
				collection.clearAggregationSource();
			}
		}
		return handler.get();
	}

}
