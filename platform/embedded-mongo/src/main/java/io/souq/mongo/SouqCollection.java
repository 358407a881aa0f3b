package io.souq.mongo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * A collection of the store: documents as BSON bytes in an MVStore map keyed by
 * {@code _id} in value order, secondary indexes as ordered maps of entries, queries
 * planned by {@link QueryPlanner}. mongo-java-server's collection logic (matching, update
 * operators, upserts, projections, cursors) runs unchanged on top; every reader decodes
 * its own copy of a document, so no stored object is ever shared.
 */
final class SouqCollection extends AbstractSynchronizedMongoCollection<Object> {

	/** Set while an update of a single document looks for it: one match is enough. */
	private static final ThreadLocal<Boolean> FIRST_ONLY = new ThreadLocal<>();

	private final StoreContext context;

	private volatile StoreMap data;

	private volatile StoreMap meta;

	private final QueryCounters counters = new QueryCounters();

	private volatile long lastChange;

	/** The aggregation source of the next {@link #queryAllAsStream()} on this thread. */
	private final ThreadLocal<Document> aggregationFilter = new ThreadLocal<>();

	SouqCollection(MongoDatabase database, String collectionName, CollectionOptions options,
			CursorRegistry cursorRegistry, StoreContext context, StoreMap data, StoreMap meta) {
		super(database, collectionName, options, cursorRegistry);
		this.context = context;
		this.data = data;
		this.meta = meta;
	}

	/** The maps under a new name, after the collection was renamed. */
	void relocate(StoreMap data, StoreMap meta) {
		this.data = data;
		this.meta = meta;
	}

	String metaValue(String key) {
		byte[] value = this.meta.get(utf8(key));
		return (value != null) ? new String(value, java.nio.charset.StandardCharsets.UTF_8) : null;
	}

	void metaPut(String key, String value) {
		changed();
		byte[] bytes = utf8(key);
		if (!this.meta.putIfAbsent(bytes, utf8(value))) {
			this.meta.replace(bytes, utf8(value));
		}
	}

	void metaRemove(String key) {
		changed();
		this.meta.remove(utf8(key));
	}

	private static byte[] utf8(String text) {
		return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	QueryCounters queryCounters() {
		return this.counters;
	}

	long lastChange() {
		return this.lastChange;
	}

	/**
	 * The position of a document: its id as the data map's key.
	 * @param document the document
	 * @return the key
	 */
	Object idKey(Document document) {
		String idField = getIdField();
		if (idField == null) {
			return null;
		}
		return Missing.ofNullable(document.get(idField));
	}

	boolean containsId(Object id) {
		return this.data.contains(ValueCodec.key(id));
	}

	void removeIndexMap(StoreMap map) {
		changed();
		this.context.engine().remove(map.name());
	}

	/** Before each change to this collection's maps. */
	private void changed() {
		this.lastChange = this.context.commit().change();
		CommandScope.wrote(this);
	}

	List<SecondaryIndex> secondaryIndexes() {
		List<SecondaryIndex> secondary = new ArrayList<>();
		for (Index<Object> index : getIndexes()) {
			if (index instanceof SecondaryIndex secondaryIndex) {
				secondary.add(secondaryIndex);
			}
		}
		return secondary;
	}

	private PrimaryIndex primaryIndex() {
		for (Index<Object> index : getIndexes()) {
			if (index instanceof PrimaryIndex primary) {
				return primary;
			}
		}
		return null;
	}

	// storage

	@Override
	protected Object addDocumentInternal(Document document) {
		Object key = (getIdField() != null) ? Missing.ofNullable(Utils.getSubdocumentValue(document, getIdField()))
				: UUID.randomUUID();
		changed();
		if (!this.data.putIfAbsent(ValueCodec.key(key), ValueCodec.encode(document))) {
			throw new IllegalStateException("a document with _id " + key + " is already in " + this);
		}
		return key;
	}

	@Override
	protected Document getDocument(Object position) {
		byte[] bytes = this.data.get(ValueCodec.key(position));
		return (bytes != null) ? ValueCodec.decode(bytes) : null;
	}

	@Override
	protected void removeDocument(Object position) {
		changed();
		if (!this.data.remove(ValueCodec.key(position))) {
			throw new NoSuchElementException("no document with _id " + position + " in " + this);
		}
	}

	@Override
	protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
		changed();
		this.data.replace(ValueCodec.key(position), ValueCodec.encode(newDocument));
	}

	@Override
	protected boolean tracksDataSize() {
		return false;
	}

	@Override
	protected void updateDataSize(int sizeDelta) {
		// not tracked: computed on demand (collStats) from the stored bytes
	}

	@Override
	protected int getDataSize() {
		long size = 0;
		try (StoreMap.Entries entries = this.data.entries(null, null, false, true)) {
			while (entries.hasNext()) {
				entries.next();
				size += entries.value().length;
			}
		}
		return (int) Math.min(Integer.MAX_VALUE, size);
	}

	@Override
	public int count() {
		return (int) Math.min(Integer.MAX_VALUE, this.data.size());
	}

	@Override
	public boolean isEmpty() {
		return this.data.isEmpty();
	}

	@Override
	protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
		StoreMap.Entries entries = this.data.entries(null, null, false, true);
		Iterator<DocumentWithPosition<Object>> documents = new Iterator<>() {

			@Override
			public boolean hasNext() {
				return entries.hasNext();
			}

			@Override
			public DocumentWithPosition<Object> next() {
				Object key = ValueCodec.values(entries.next(), 1)[0];
				return new DocumentWithPosition<>(ValueCodec.decode(entries.value()), key);
			}

		};
		return stream(documents);
	}

	// indexes

	@Override
	public void addIndex(Index<Object> index) {
		boolean known = getIndexes().stream().anyMatch((existing) -> existing.getName().equals(index.getName()));
		boolean build = !known && index instanceof SecondaryIndex secondary && !secondary.built();
		if (build) {
			changed();
			((SecondaryIndex) index).clearForBuild();
		}
		super.addIndex(index);
		if (build) {
			((SecondaryIndex) index).markBuilt();
		}
	}

	/**
	 * The differences between every secondary index and the one rebuilt from all
	 * documents: empty when all are exact.
	 */
	synchronized List<String> verifyIndexes() {
		List<String> differences = new ArrayList<>();
		for (SecondaryIndex index : secondaryIndexes()) {
			differences.addAll(index
				.verify(() -> streamAllDocumentsWithPosition().map(DocumentWithPosition::getDocument).iterator()));
		}
		return differences;
	}

	// queries

	@Override
	public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
			boolean isMulti, boolean isUpsert, Oplog oplog) {
		if (!isMulti) {
			FIRST_ONLY.set(Boolean.TRUE);
		}
		try {
			return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
		}
		finally {
			FIRST_ONLY.remove();
		}
	}

	@Override
	protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
			Document fieldSelector) {
		CommandScope.touched(this);
		int effectiveLimit = limit;
		if (FIRST_ONLY.get() != null) {
			FIRST_ONLY.remove();
			if (effectiveLimit == 0) {
				effectiveLimit = 1;
			}
		}
		QueryPlanner.Plan plan = plan(query, orderBy, numberToSkip, effectiveLimit);
		if (plan == null) {
			return matchDocuments(query, orderBy, numberToSkip, effectiveLimit, batchSize, fieldSelector);
		}
		return matchDocumentsFromStream(query, candidates(plan), numberToSkip, effectiveLimit, batchSize,
				plan.ordered() ? null : deriveComparator(orderBy), fieldSelector);
	}

	private QueryPlanner.Plan plan(Document query, Document orderBy, int skip, int limit) {
		if (!this.context.plannerEnabled()) {
			this.counters.planned(null);
			return null;
		}
		int reach = (limit > 0) ? skip + limit : 0;
		QueryPlanner.Plan plan = QueryPlanner.plan(query, orderBy, reach, primaryIndex(), secondaryIndexes());
		this.counters.planned((plan != null) ? plan.indexName() : null);
		return plan;
	}

	/** A full scan in {@code _id} order (the natural order of this store). */
	@Override
	protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
			Document fieldSelector) {
		CommandScope.touched(this);
		boolean reverse = isNaturalDescending(orderBy);
		return matchDocumentsFromStream(allDocuments(reverse), query, orderBy, numberToSkip, limit, batchSize,
				fieldSelector);
	}

	private Stream<Document> allDocuments(boolean reverse) {
		StoreMap.Entries entries = this.data.entries(null, null, reverse, true);
		return stream(new Iterator<>() {

			@Override
			public boolean hasNext() {
				return entries.hasNext();
			}

			@Override
			public Document next() {
				entries.next();
				return ValueCodec.decode(entries.value());
			}

		});
	}

	@Override
	protected boolean documentMatchesQuery(Document document, Document query) {
		this.counters.documentExamined();
		return super.documentMatchesQuery(document, query);
	}

	/** The documents a plan walks to, in its order, each once. */
	private Stream<Document> candidates(QueryPlanner.Plan plan) {
		if (plan.union() != null) {
			Set<Object> seen = new HashSet<>();
			return plan.union().stream().flatMap(this::candidates).filter((document) -> seen.add(idKey(document)));
		}
		List<QueryPlanner.Range> ranges = new ArrayList<>(plan.ranges());
		if (plan.reverse()) {
			Collections.reverse(ranges);
		}
		Iterator<QueryPlanner.Range> stretches = ranges.iterator();
		Set<Object> seen = plan.distinct() ? new HashSet<>() : null;
		SecondaryIndex index = plan.index();
		Iterator<Document> documents = new Iterator<>() {

			private StoreMap.Entries cursor;

			private Document next;

			@Override
			public boolean hasNext() {
				while (this.next == null) {
					if (this.cursor == null || !this.cursor.hasNext()) {
						if (!stretches.hasNext()) {
							return false;
						}
						this.cursor = open(stretches.next());
						continue;
					}
					byte[] key = this.cursor.next();
					SouqCollection.this.counters.keyExamined();
					Object id;
					byte[] bytes;
					if (index == null) {
						id = null;
						bytes = this.cursor.value();
					}
					else {
						id = ValueCodec.lastValue(key, index.comparator().width());
						if (seen != null && seen.contains(id)) {
							continue;
						}
						bytes = SouqCollection.this.data.get(ValueCodec.key(id));
					}
					if (bytes == null || (seen != null && id != null && !seen.add(id))) {
						continue;
					}
					this.next = ValueCodec.decode(bytes);
				}
				return true;
			}

			@Override
			public Document next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				Document document = this.next;
				this.next = null;
				return document;
			}

			private StoreMap.Entries open(QueryPlanner.Range range) {
				if (this.cursor != null) {
					this.cursor.close();
				}
				if (index == null) {
					byte[] from = ValueCodec.key(range.from()[0]);
					byte[] to = ValueCodec.key(range.to()[0]);
					return plan.reverse() ? SouqCollection.this.data.entries(to, from, true, true)
							: SouqCollection.this.data.entries(from, to, false, true);
				}
				byte[] from = ValueCodec.key(range.from());
				byte[] to = ValueCodec.key(range.to());
				return plan.reverse() ? index.entries().entries(to, from, true, false)
						: index.entries().entries(from, to, false, false);
			}

		};
		return stream(documents);
	}

	private static <T> Stream<T> stream(Iterator<T> iterator) {
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false);
	}

	// aggregations

	/**
	 * Narrows the source of the next aggregation on this thread to the candidates of the
	 * filter of its first {@code $match} stage (which still applies the filter).
	 * @param matchFilter the first stage's filter
	 */
	void narrowNextAggregationSource(Document matchFilter) {
		this.aggregationFilter.set(matchFilter);
	}

	void clearAggregationSource() {
		this.aggregationFilter.remove();
	}

	@Override
	public Stream<Document> queryAllAsStream() {
		CommandScope.touched(this);
		Document filter = this.aggregationFilter.get();
		if (filter == null) {
			return allDocuments(false);
		}
		this.aggregationFilter.remove();
		QueryPlanner.Plan plan = plan(filter, null, 0, 0);
		Stream<Document> candidates = (plan != null) ? candidates(plan) : allDocuments(false);
		return candidates.filter((document) -> documentMatchesQuery(document, filter));
	}

}
