package io.souq.mongo;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 file backend, answering {@code hello}, looking documents up
 * through the {@code _id} index when a filter pins {@code _id}, and committing the
 * MVStore synchronously after every command that may have written, before the reply goes
 * out, so that no acknowledged write is lost when the process is killed.
 * <p>
 * "Committed" means written to the file, i.e. to the OS page cache: that survives a
 * killed process, not a power cut, as nothing is fsync'ed. Old chunks are reused as soon
 * as no stored version needs them (retention time 0), or the file would grow by every
 * commit of the last 45 s.
 */
final class SouqH2Backend extends H2Backend {

	/** Commands that never write: no commit needed after them. */
	private static final Set<String> READ_ONLY_COMMANDS = Set.of("find", "getmore", "count", "distinct",
			"listcollections", "listindexes", "listdatabases", "dbstats", "collstats", "serverstatus", "ping",
			"ismaster", "hello", "buildinfo", "whatsmyuri", "getlasterror", "getlog", "hostinfo", "getcmdlineopts",
			"connectionstatus", "getfreemonitoringstatus", "getparameter", "killcursors", "endsessions",
			"replsetgetstatus");

	/**
	 * Touched to force a store of our own, see {@link #commitBeforeReply()}. No dot in
	 * the name, so that it never falls under a database's maps.
	 */
	private static final String COMMIT_MARKER_MAP = "souq-commit-marker";

	private final MVMap<Integer, Long> commitMarker;

	private final AtomicLong commitMarkerValue = new AtomicLong();

	private SouqH2Backend(MVStore mvStore) {
		super(mvStore);
		this.commitMarker = mvStore.openMap(COMMIT_MARKER_MAP);
	}

	/**
	 * Opens (or creates) the data file.
	 * @param dataFile the H2 MVStore file
	 * @return the backend
	 * @throws org.h2.mvstore.MVStoreException if the file cannot be opened, e.g. when
	 * another process has it open
	 */
	static SouqH2Backend open(Path dataFile) {
		MVStore mvStore = new MVStore.Builder().fileName(dataFile.toString()).open();
		mvStore.setRetentionTime(0);
		try {
			return new SouqH2Backend(mvStore);
		}
		catch (RuntimeException ex) {
			mvStore.closeImmediately();
			throw ex;
		}
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return SouqH2Database.open(databaseName, getMvStore(), getCursorRegistry());
	}

	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		if (HelloCommand.isHello(command)) {
			return HelloCommand
				.helloResponse(super.handleCommand(channel, databaseName, HelloCommand.IS_MASTER, query));
		}
		if (isReadOnly(command)) {
			return super.handleCommand(channel, databaseName, command, query);
		}
		Document response;
		try {
			response = super.handleCommand(channel, databaseName, command, query);
		}
		catch (RuntimeException ex) {
			// a failed command may still have written (e.g. an unordered batch)
			try {
				commitBeforeReply();
			}
			catch (RuntimeException commitFailure) {
				ex.addSuppressed(commitFailure);
			}
			throw ex;
		}
		commitBeforeReply();
		return response;
	}

	static boolean isReadOnly(String command) {
		return READ_ONLY_COMMANDS.contains(command.toLowerCase(Locale.ROOT));
	}

	/**
	 * Makes every change made so far durable before returning.
	 * <p>
	 * {@link MVStore#commit()} stores synchronously, but returns without storing when
	 * there is nothing left to store, which also happens when H2's background writer
	 * (kept for its housekeeping, which rewrites sparse chunks) or another thread has
	 * just taken our changes into a store of its own. The background writer's store is
	 * asynchronous and may not have reached the file yet. So the commit is repeated,
	 * after touching a marker map, until it performs a store itself: a synchronous store
	 * runs on H2's single-threaded serialisation and write executors after every store
	 * submitted before it, and waits for its own.
	 */
	private void commitBeforeReply() {
		MVStore mvStore = getMvStore();
		while (!mvStore.isClosed() && mvStore.commit() < 0) {
			this.commitMarker.put(0, this.commitMarkerValue.incrementAndGet());
		}
	}

	/**
	 * An {@link H2Database} whose collections are {@link SouqH2Collection}s. The data and
	 * meta maps are named as {@link H2Database} names them, so that files written by
	 * mongo-java-server's own H2 backend open here and the other way round.
	 */
	static final class SouqH2Database extends H2Database {

		private static final String DATABASES_PREFIX = "databases.";

		private static final String META_PREFIX = "meta.";

		/**
		 * The store of the database under construction: {@link H2Database}'s constructor
		 * opens the existing collections before this class's fields are set.
		 */
		private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

		private final MVStore mvStore;

		private SouqH2Database(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
			super(databaseName, mvStore, cursorRegistry);
			this.mvStore = mvStore;
		}

		static SouqH2Database open(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
			OPENING.set(mvStore);
			try {
				return new SouqH2Database(databaseName, mvStore, cursorRegistry);
			}
			finally {
				OPENING.remove();
			}
		}

		@Override
		protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
			MVStore store = (this.mvStore != null) ? this.mvStore : OPENING.get();
			String fullCollectionName = getFullCollectionNamespace(collectionName);
			MVMap<Object, Document> dataMap = store.openMap(DATABASES_PREFIX + fullCollectionName);
			MVMap<String, Object> metaMap = store.openMap(META_PREFIX + fullCollectionName);
			return new SouqH2Collection(this, collectionName, options, dataMap, metaMap, this.cursorRegistry);
		}

		@Override
		public Document handleCommand(Channel channel, String command, Document query,
				DatabaseResolver databaseResolver, Oplog oplog) {
			return IdLookupCollection.handleCommand(command, query, (name) -> resolveCollection(name, false),
					() -> super.handleCommand(channel, command, query, databaseResolver, oplog));
		}

	}

	static final class SouqH2Collection extends H2Collection implements IdLookupCollection {

		private final QueryCounters queryCounters = new QueryCounters();

		private final AggregationSource aggregationSource = new AggregationSource();

		SouqH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
				MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
			super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
		}

		@Override
		protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
				int batchSize, Document fieldSelector) {
			Iterable<Object> candidates = IdLookup.candidatePositions(getIndexes(), getIdField(), query, orderBy);
			if (candidates == null) {
				return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
			}
			this.queryCounters.idLookup();
			return matchDocuments(query, candidates, orderBy, numberToSkip, limit, batchSize, fieldSelector);
		}

		@Override
		protected boolean documentMatchesQuery(Document document, Document query) {
			this.queryCounters.documentExamined();
			return super.documentMatchesQuery(document, query);
		}

		@Override
		public Stream<Document> queryAllAsStream() {
			return this.aggregationSource.documents(this::queryAll, this::handleQuery);
		}

		@Override
		public void narrowNextAggregationSource(Document matchFilter) {
			this.aggregationSource.narrow(matchFilter, getIdField());
		}

		@Override
		public void clearAggregationSource() {
			this.aggregationSource.clear();
		}

		@Override
		public QueryCounters queryCounters() {
			return this.queryCounters;
		}

	}

}
