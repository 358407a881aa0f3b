package io.souq.mongo;

import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The source of the next aggregation on this thread, narrowed to an {@code _id} lookup
 * when the pipeline's first {@code $match} pins {@code _id} (see
 * {@link IdLookupCollection#narrowNextAggregationSource(Document)}). Shared by the
 * collections of both backends.
 */
final class AggregationSource {

	private final ThreadLocal<Document> idFilter = new ThreadLocal<>();

	void narrow(Document matchFilter, String idField) {
		Document filter = IdLookup.idIndexFilter(matchFilter, idField, null);
		if (filter != null) {
			this.idFilter.set(filter);
		}
	}

	void clear() {
		this.idFilter.remove();
	}

	/**
	 * Every document, or only those the narrowed filter finds through the index.
	 * @param all every document of the collection
	 * @param query runs a query
	 */
	Stream<Document> documents(Supplier<Iterable<Document>> all, Function<Document, Iterable<Document>> query) {
		Document filter = this.idFilter.get();
		if (filter == null) {
			return StreamSupport.stream(all.get().spliterator(), false);
		}
		this.idFilter.remove();
		return StreamSupport.stream(query.apply(filter).spliterator(), false);
	}

}
