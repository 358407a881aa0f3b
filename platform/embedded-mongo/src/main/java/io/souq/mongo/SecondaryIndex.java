package io.souq.mongo;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;

/**
 * An index other than {@code _id}: non-unique or unique, sparse or not, single-field or
 * compound, multikey (one entry per array element), kept in the store as an ordered map
 * of entries {@code [key values..., id]} ({@link KeyComparator}), so that it survives a
 * restart without a rebuild and serves equality, {@code $in}, ranges and sorts in value
 * order.
 * <p>
 * Entries are computed from the document alone (its key values and its id), so removing
 * or updating a document never needs anything but the document. Missing fields are
 * indexed as {@code null} (unless the index is sparse and the document has none of its
 * fields), an empty array as the empty array.
 */
final class SecondaryIndex extends Index<Object> {

	private static final String BUILT = "built:";

	private static final String MULTIKEY = "multikey:";

	private final SouqCollection collection;

	private final boolean unique;

	private volatile StoreMap entries;

	private final KeyComparator comparator;

	private final int fields;

	private volatile boolean built;

	private volatile boolean multikey;

	/**
	 * The entries computed by the last {@link #checkAdd}, for the {@link #add} of the
	 * same document (both run under the collection's lock, one after the other).
	 */
	private Document checkedDocument;

	private Set<Object[]> checkedEntries;

	SecondaryIndex(String name, List<IndexKey> keys, boolean sparse, boolean unique, SouqCollection collection,
			StoreMap entries, KeyComparator comparator) {
		super(name, keys, sparse);
		this.collection = collection;
		this.unique = unique;
		this.entries = entries;
		this.comparator = comparator;
		this.fields = keys.size();
		this.built = collection.metaValue(BUILT + name) != null;
		this.multikey = collection.metaValue(MULTIKEY + name) != null;
	}

	static boolean[] directions(List<IndexKey> keys) {
		boolean[] ascending = new boolean[keys.size()];
		for (int i = 0; i < ascending.length; i++) {
			ascending[i] = keys.get(i).isAscending();
		}
		return ascending;
	}

	StoreMap entries() {
		return this.entries;
	}

	/** The map under a new name, after the collection was renamed. */
	void relocate(StoreMap renamed) {
		this.entries = renamed;
	}

	KeyComparator comparator() {
		return this.comparator;
	}

	boolean sparse() {
		return isSparse();
	}

	/** Whether some document had an array in one of the index's fields. */
	boolean multikey() {
		return this.multikey;
	}

	boolean built() {
		return this.built;
	}

	/** Forgets a partial build (a crash during {@code createIndexes}) before building. */
	void clearForBuild() {
		this.entries.clear();
	}

	void markBuilt() {
		if (!this.built) {
			this.collection.metaPut(BUILT + getName(), "true");
			this.built = true;
		}
	}

	/**
	 * The entries of a document, in index order, without duplicates.
	 * @param document the document
	 * @return its entries, empty when a sparse index skips it
	 */
	Set<Object[]> entriesOf(Document document) {
		Set<Object[]> result = new TreeSet<>(this.comparator::compareValues);
		if (isSparse() && !hasAnyValue(document)) {
			return result;
		}
		Object id = this.collection.idKey(document);
		Set<KeyValue> keyValues = getKeyValues(document);
		if (keyValues.isEmpty()) {
			// an empty array in an indexed field: indexed as the empty array itself
			Object[] entry = new Object[this.fields + 1];
			List<IndexKey> keys = getKeys();
			for (int i = 0; i < this.fields; i++) {
				Object value = Utils.getSubdocumentValueCollectionAware(document, keys.get(i).getKey());
				entry[i] = (value instanceof Collection<?> values && values.isEmpty()) ? List.of()
						: Missing.isNullOrMissing(value) ? null : value;
			}
			entry[this.fields] = id;
			result.add(entry);
			return result;
		}
		for (KeyValue keyValue : keyValues) {
			Object[] entry = new Object[this.fields + 1];
			for (int i = 0; i < this.fields; i++) {
				entry[i] = keyValue.get(i);
			}
			entry[this.fields] = id;
			result.add(entry);
		}
		return result;
	}

	/**
	 * Whether a sparse index holds the document: when the query engine itself finds one
	 * of the index's fields present ({@code $exists: true}), so that every document a
	 * condition on one of those fields can match is in the index.
	 */
	private boolean hasAnyValue(Document document) {
		for (IndexKey key : getKeys()) {
			Document exists = new Document(key.getKey(), new Document("$exists", Boolean.TRUE));
			if (new DefaultQueryMatcher().matches(document, exists)) {
				return true;
			}
		}
		return false;
	}

	private boolean isMultikey(Document document) {
		for (IndexKey key : getKeys()) {
			if (Utils.getSubdocumentValueCollectionAware(document, key.getKey()) instanceof Collection) {
				return true;
			}
		}
		return false;
	}

	/** The document's id: every index of a collection names a document by its id. */
	@Override
	public Object getPosition(Document document) {
		return this.collection.idKey(document);
	}

	@Override
	public void checkAdd(Document document, MongoCollection<Object> target) {
		Set<Object[]> documentEntries = entriesOf(document);
		// add(...) follows for the same document: it reuses these entries
		this.checkedDocument = document;
		this.checkedEntries = documentEntries;
		if (this.unique) {
			for (Object[] entry : documentEntries) {
				checkUnique(entry, target);
			}
		}
	}

	private void checkUnique(Object[] entry, MongoCollection<Object> target) {
		Object[] from = entry.clone();
		Object[] to = entry.clone();
		from[this.fields] = KeyOrder.Bound.LOWEST;
		to[this.fields] = KeyOrder.Bound.HIGHEST;
		try (StoreMap.Entries same = this.entries.entries(ValueCodec.key(from), ValueCodec.key(to), false, false)) {
			while (same.hasNext()) {
				Object id = ValueCodec.lastValue(same.next(), this.fields + 1);
				if (KeyOrder.compare(id, entry[this.fields]) != 0) {
					Object[] values = new Object[this.fields];
					System.arraycopy(entry, 0, values, 0, this.fields);
					throw new DuplicateKeyError(this, target, getKeys(), new KeyValue(values));
				}
			}
		}
	}

	@Override
	public void add(Document document, Object position, MongoCollection<Object> target) {
		// checkAdd ran for every index before anything was written
		Set<Object[]> documentEntries = (document == this.checkedDocument) ? this.checkedEntries : entriesOf(document);
		this.checkedDocument = null;
		this.checkedEntries = null;
		noteMultikey(document);
		for (Object[] entry : documentEntries) {
			this.entries.add(ValueCodec.key(entry));
		}
	}

	private void noteMultikey(Document document) {
		if (!this.multikey && isMultikey(document)) {
			this.collection.metaPut(MULTIKEY + getName(), "true");
			this.multikey = true;
		}
	}

	@Override
	public Object remove(Document document) {
		for (Object[] entry : entriesOf(document)) {
			this.entries.remove(ValueCodec.key(entry));
		}
		return this.collection.idKey(document);
	}

	/** Whether an update leaves every field of the index as it was. */
	private boolean sameKeys(Document oldDocument, Document newDocument) {
		for (IndexKey key : getKeys()) {
			Object before = Utils.getSubdocumentValueCollectionAware(oldDocument, key.getKey());
			Object after = Utils.getSubdocumentValueCollectionAware(newDocument, key.getKey());
			if (!java.util.Objects.equals(before, after) || (before != null && before.getClass() != after.getClass())
					|| hasStructure(before)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Subdocuments are equal in Java whatever their field order, but not in MongoDB's
	 * order: those take the full path.
	 */
	private static boolean hasStructure(Object value) {
		if (value instanceof Document) {
			return true;
		}
		if (value instanceof Collection<?> values) {
			for (Object element : values) {
				if (element instanceof Document || element instanceof Collection) {
					return true;
				}
			}
		}
		return false;
	}

	@Override
	public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> target) {
		// only a unique index can refuse an update
		if (!this.unique || sameKeys(oldDocument, newDocument)) {
			return;
		}
		Set<Object[]> added = entriesOf(newDocument);
		added.removeAll(entriesOf(oldDocument));
		if (this.unique) {
			for (Object[] entry : added) {
				checkUnique(entry, target);
			}
		}
	}

	@Override
	public void updateInPlace(Document oldDocument, Document newDocument, Object position,
			MongoCollection<Object> target) {
		if (sameKeys(oldDocument, newDocument)) {
			return;
		}
		Set<Object[]> before = entriesOf(oldDocument);
		Set<Object[]> after = entriesOf(newDocument);
		Iterator<Object[]> removed = before.iterator();
		while (removed.hasNext()) {
			Object[] entry = removed.next();
			if (after.remove(entry)) {
				removed.remove();
			}
		}
		// checkUpdate ran for every index before anything was written
		noteMultikey(newDocument);
		for (Object[] entry : before) {
			this.entries.remove(ValueCodec.key(entry));
		}
		for (Object[] entry : after) {
			this.entries.add(ValueCodec.key(entry));
		}
	}

	@Override
	public boolean canHandle(Document query) {
		return false;
	}

	@Override
	public Iterable<Object> getPositions(Document query) {
		throw new UnsupportedOperationException("the planner walks the index");
	}

	@Override
	public long getCount() {
		return this.entries.size();
	}

	/** Built from every document once: a reopened index is not rebuilt. */
	@Override
	public boolean isEmpty() {
		return !this.built;
	}

	@Override
	public long getDataSize() {
		return getCount();
	}

	@Override
	public void drop() {
		this.collection.metaRemove(BUILT + getName());
		this.collection.metaRemove(MULTIKEY + getName());
		this.collection.removeIndexMap(this.entries);
	}

	@Override
	public boolean isUnique() {
		return this.unique;
	}

	/**
	 * The differences between this index and the entries recomputed from every document:
	 * empty when the index is exact.
	 * @param documents every document of the collection
	 * @return a description of each difference (at most a few)
	 */
	List<String> verify(Iterable<Document> documents) {
		Set<Object[]> expected = new TreeSet<>(this.comparator::compareValues);
		for (Document document : documents) {
			expected.addAll(entriesOf(document));
		}
		Set<Object[]> actual = new TreeSet<>(this.comparator::compareValues);
		long stored = 0;
		try (StoreMap.Entries all = this.entries.entries(null, null, false, false)) {
			while (all.hasNext()) {
				actual.add(ValueCodec.values(all.next(), this.fields + 1));
				stored++;
			}
		}
		List<String> differences = new java.util.ArrayList<>();
		for (Object[] entry : expected) {
			if (!actual.contains(entry) && differences.size() < 5) {
				differences.add(getName() + " lacks " + java.util.Arrays.toString(entry));
			}
		}
		for (Object[] entry : actual) {
			if (!expected.contains(entry) && differences.size() < 10) {
				differences.add(getName() + " has a stale " + java.util.Arrays.toString(entry));
			}
		}
		if (actual.size() != stored) {
			differences.add(getName() + " holds entries that compare equal");
		}
		if (stored != this.entries.size()) {
			differences.add(getName() + " counts " + this.entries.size() + " entries but holds " + stored);
		}
		return differences;
	}

}
