package io.souq.mongo;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;

/**
 * The {@code _id} index of a collection: the collection's data map itself, which is keyed
 * by {@code _id} in value order, so it needs no entries of its own. The planner walks the
 * data map for {@code _id} conditions (see {@link QueryPlanner}).
 */
final class PrimaryIndex extends Index<Object> {

	private final SouqCollection collection;

	PrimaryIndex(String name, List<IndexKey> keys, SouqCollection collection) {
		super(name, keys, false);
		this.collection = collection;
	}

	boolean ascending() {
		return getKeys().get(0).isAscending();
	}

	@Override
	public Object getPosition(Document document) {
		return this.collection.idKey(document);
	}

	@Override
	public void checkAdd(Document document, MongoCollection<Object> target) {
		Object id = this.collection.idKey(document);
		if (this.collection.containsId(id)) {
			throw new DuplicateKeyError(this, target, getKeys(), new KeyValue(Missing.isNullOrMissing(id) ? null : id));
		}
	}

	@Override
	public void add(Document document, Object position, MongoCollection<Object> target) {
		// the data map holds the document under its id
	}

	@Override
	public Object remove(Document document) {
		return this.collection.idKey(document);
	}

	@Override
	public boolean canHandle(Document query) {
		return false;
	}

	@Override
	public Iterable<Object> getPositions(Document query) {
		throw new UnsupportedOperationException("the planner walks the data map");
	}

	@Override
	public long getCount() {
		return this.collection.count();
	}

	@Override
	public boolean isEmpty() {
		// never rebuilt: the data map is the index
		return false;
	}

	@Override
	public long getDataSize() {
		return getCount();
	}

	@Override
	public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> target) {
		// _id is immutable: the collection refuses a changed one before this
	}

	@Override
	public void updateInPlace(Document oldDocument, Document newDocument, Object position,
			MongoCollection<Object> target) {
		// nothing to maintain
	}

	@Override
	public void drop() {
		// dropped with the collection
	}

	@Override
	public boolean isUnique() {
		return true;
	}

}
