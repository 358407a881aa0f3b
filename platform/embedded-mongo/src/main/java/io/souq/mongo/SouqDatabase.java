package io.souq.mongo;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;

/**
 * A database of the store: its collections are {@link SouqCollection}s, its indexes
 * {@link PrimaryIndex} (the data map) and {@link SecondaryIndex}es, each in maps of the
 * one {@link StoreEngine} named after the database and collection.
 */
final class SouqDatabase extends AbstractSynchronizedMongoDatabase<Object> {

	static final String DATA_PREFIX = "souq.data.";

	static final String META_PREFIX = "souq.meta.";

	static final String INDEX_PREFIX = "souq.index.";

	/** Collection names cannot hold a {@code $}: it ends the collection in a map name. */
	private static final String INDEX_SEPARATOR = "$";

	private final StoreContext context;

	private volatile boolean dropping;

	SouqDatabase(String databaseName, CursorRegistry cursorRegistry, StoreContext context) {
		super(databaseName, cursorRegistry);
		this.context = context;
		initializeNamespacesAndIndexes();
	}

	private StoreEngine engine() {
		return this.context.engine();
	}

	@Override
	protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
		String fullName = getFullCollectionNamespace(collectionName);
		StoreMap data = engine().map(DATA_PREFIX + fullName, KeyComparator.ID);
		StoreMap meta = engine().map(META_PREFIX + fullName, null);
		return new SouqCollection(this, collectionName, options, this.cursorRegistry, this.context, data, meta);
	}

	@Override
	protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
			boolean sparse) {
		SouqCollection collection = (SouqCollection) resolveCollection(collectionName, true);
		if (keys.size() == 1 && keys.get(0).getKey().equals("_id")) {
			return new PrimaryIndex(indexName, keys, collection);
		}
		return secondaryIndex(collection, indexName, keys, sparse, true);
	}

	@Override
	protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
			boolean sparse) {
		SouqCollection collection = (SouqCollection) resolveCollection(collectionName, true);
		return secondaryIndex(collection, indexName, keys, sparse, false);
	}

	private SecondaryIndex secondaryIndex(SouqCollection collection, String indexName, List<IndexKey> keys,
			boolean sparse, boolean unique) {
		KeyComparator comparator = new KeyComparator(SecondaryIndex.directions(keys));
		StoreMap entries = engine().map(indexMapName(collection.getFullName(), indexName), comparator);
		return new SecondaryIndex(indexName, keys, sparse, unique, collection, entries, comparator);
	}

	private static String indexMapName(String fullCollectionName, String indexName) {
		return INDEX_PREFIX + fullCollectionName + INDEX_SEPARATOR + indexName;
	}

	@Override
	public void dropCollection(String collectionName, Oplog oplog) {
		super.dropCollection(collectionName, oplog);
		if (!this.dropping) {
			removeMaps(getFullCollectionNamespace(collectionName));
		}
	}

	/**
	 * Drops every collection, then every map of the database: the system collections are
	 * still read while the others are dropped.
	 */
	@Override
	public void drop(Oplog oplog) {
		this.dropping = true;
		super.drop(oplog);
		this.context.commit().change();
		for (String name : engine().names()) {
			if (name.startsWith(DATA_PREFIX + this.databaseName + ".")
					|| name.startsWith(META_PREFIX + this.databaseName + ".")
					|| name.startsWith(INDEX_PREFIX + this.databaseName + ".")) {
				engine().remove(name);
			}
		}
	}

	private void removeMaps(String fullCollectionName) {
		this.context.commit().change();
		engine().remove(DATA_PREFIX + fullCollectionName);
		engine().remove(META_PREFIX + fullCollectionName);
		String indexPrefix = INDEX_PREFIX + fullCollectionName + INDEX_SEPARATOR;
		for (String name : engine().names()) {
			if (name.startsWith(indexPrefix)) {
				engine().remove(name);
			}
		}
	}

	@Override
	public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
		String oldFullName = collection.getFullName();
		super.moveCollection(oldDatabase, collection, newCollectionName);
		String newFullName = getFullCollectionNamespace(newCollectionName);
		this.context.commit().change();
		rename(DATA_PREFIX + oldFullName, DATA_PREFIX + newFullName);
		rename(META_PREFIX + oldFullName, META_PREFIX + newFullName);
		String indexPrefix = INDEX_PREFIX + oldFullName + INDEX_SEPARATOR;
		for (String name : engine().names()) {
			if (name.startsWith(indexPrefix)) {
				rename(name, INDEX_PREFIX + newFullName + INDEX_SEPARATOR + name.substring(indexPrefix.length()));
			}
		}
		if (collection instanceof SouqCollection moved) {
			moved.relocate(engine().map(DATA_PREFIX + newFullName, KeyComparator.ID),
					engine().map(META_PREFIX + newFullName, null));
			for (SecondaryIndex index : moved.secondaryIndexes()) {
				index.relocate(engine().map(indexMapName(newFullName, index.getName()), index.comparator()));
			}
		}
	}

	private void rename(String from, String to) {
		if (engine().exists(from)) {
			engine().rename(from, to);
		}
	}

	@Override
	protected long getStorageSize() {
		return engine().fileSize();
	}

	@Override
	protected long getFileSize() {
		return getStorageSize();
	}

	/**
	 * Runs a command; an {@code aggregate} whose pipeline starts with {@code $match}
	 * reads the candidates the planner finds for that filter instead of every document.
	 */
	@Override
	public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver,
			Oplog oplog) {
		if ("aggregate".equalsIgnoreCase(command) && query.get(command) instanceof String collectionName
				&& query.get("pipeline") instanceof List<?> pipeline && !pipeline.isEmpty()
				&& pipeline.get(0) instanceof Document firstStage && firstStage.size() == 1
				&& firstStage.get("$match") instanceof Document matchFilter
				&& resolveCollection(collectionName, false) instanceof SouqCollection collection) {
			collection.narrowNextAggregationSource(matchFilter);
			try {
				return super.handleCommand(channel, command, query, databaseResolver, oplog);
			}
			finally {
				collection.clearAggregationSource();
			}
		}
		return super.handleCommand(channel, command, query, databaseResolver, oplog);
	}

}
