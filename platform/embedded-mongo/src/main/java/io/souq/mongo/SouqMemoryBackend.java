package io.souq.mongo;

import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;

/**
 * mongo-java-server's in-memory backend, answering {@code hello} and looking documents up
 * through the {@code _id} index when a filter pins {@code _id}.
 */
final class SouqMemoryBackend extends MemoryBackend {

	@Override
	public MemoryDatabase openOrCreateDatabase(String databaseName) {
		return new SouqMemoryDatabase(databaseName, getCursorRegistry());
	}

	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		if (HelloCommand.isHello(command)) {
			return HelloCommand
				.helloResponse(super.handleCommand(channel, databaseName, HelloCommand.IS_MASTER, query));
		}
		return super.handleCommand(channel, databaseName, command, query);
	}

	static final class SouqMemoryDatabase extends MemoryDatabase {

		SouqMemoryDatabase(String databaseName, CursorRegistry cursorRegistry) {
			super(databaseName, cursorRegistry);
		}

		@Override
		protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
			return new SouqMemoryCollection(this, collectionName, options, this.cursorRegistry);
		}

		@Override
		public Document handleCommand(Channel channel, String command, Document query,
				DatabaseResolver databaseResolver, Oplog oplog) {
			return IdLookupCollection.handleCommand(command, query, (name) -> resolveCollection(name, false),
					() -> super.handleCommand(channel, command, query, databaseResolver, oplog));
		}

	}

	static final class SouqMemoryCollection extends MemoryCollection implements IdLookupCollection {

		private final QueryCounters queryCounters = new QueryCounters();

		private final AggregationSource aggregationSource = new AggregationSource();

		SouqMemoryCollection(MongoDatabase database, String collectionName, CollectionOptions options,
				CursorRegistry cursorRegistry) {
			super(database, collectionName, options, cursorRegistry);
		}

		@Override
		protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
				int batchSize, Document fieldSelector) {
			Iterable<Integer> candidates = IdLookup.candidatePositions(getIndexes(), getIdField(), query, orderBy);
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
