package io.souq.mongo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.Lock;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.StringDataType;

/**
 * The store behind {@link EmbeddedMongoServer}: mongo-java-server's protocol, command and
 * query engine over Souq's own storage (one H2 MVStore, in a file or in memory) with
 * secondary indexes, a query planner, TTL expiry and group commit.
 * <p>
 * Every command runs inside a {@link CommandScope}; before its reply leaves, what it
 * wrote, and what it read, is in the file ({@link GroupCommit}). It answers
 * {@code hello}, and {@code serverStatus} reports the store's counters under
 * {@code souq}.
 */
final class SouqBackend extends AbstractMongoBackend {

	/** The version of the file format; {@link #FORMAT_MAP} holds it in the file. */
	static final String FORMAT_VERSION = "2";

	static final String FORMAT_MAP = "souq.format";

	private static final int CACHE_MEGABYTES = 48;

	private static final int PAGE_SPLIT_BYTES = 4 * 1024;

	/**
	 * How long superseded chunks stay readable, for reads that started before a commit.
	 */
	private static final int RETENTION_MILLIS = 2_000;

	/** Commands that never write: they hold no write gate. */
	private static final Set<String> READ_ONLY_COMMANDS = Set.of("find", "getmore", "count", "distinct",
			"listcollections", "listindexes", "listdatabases", "dbstats", "collstats", "serverstatus", "ping",
			"ismaster", "hello", "buildinfo", "whatsmyuri", "getlasterror", "getlog", "hostinfo", "getcmdlineopts",
			"connectionstatus", "getfreemonitoringstatus", "getparameter", "killcursors", "endsessions",
			"replsetgetstatus", "validate");

	private final StoreContext context;

	private final TtlMonitor ttlMonitor;

	private SouqBackend(MVStore store, boolean persistent) {
		this.context = new StoreContext(store, new GroupCommit(persistent ? store : null));
		for (String databaseName : storedDatabaseNames(store)) {
			resolveDatabase(databaseName);
		}
		this.ttlMonitor = new TtlMonitor(this);
	}

	/**
	 * Opens (or creates) a data file.
	 * @param dataFile the file
	 * @return the backend
	 * @throws org.h2.mvstore.MVStoreException if the file cannot be opened, e.g. when
	 * another process has it open
	 * @throws EmbeddedMongoException if the file holds another format
	 */
	static SouqBackend open(Path dataFile) {
		MVStore store = new MVStore.Builder().fileName(dataFile.toString())
			.autoCommitDisabled()
			.cacheSize(CACHE_MEGABYTES)
			.pageSplitSize(PAGE_SPLIT_BYTES)
			.open();
		try {
			// chunks are reused as soon as no version in use needs them (commands
			// register
			// theirs): an MVStore otherwise keeps every chunk of the last 45 s
			store.setRetentionTime(0);
			checkFormat(store, dataFile);
			return new SouqBackend(store, true);
		}
		catch (RuntimeException ex) {
			store.closeImmediately();
			throw ex;
		}
	}

	/**
	 * A store in memory only.
	 * @return the backend
	 */
	static SouqBackend inMemory() {
		MVStore store = new MVStore.Builder().autoCommitDisabled().open();
		checkFormat(store, null);
		return new SouqBackend(store, false);
	}

	private static void checkFormat(MVStore store, Path dataFile) {
		MVMap<String, String> format = store.openMap(FORMAT_MAP,
				new MVMap.Builder<String, String>().keyType(StringDataType.INSTANCE)
					.valueType(StringDataType.INSTANCE));
		String version = format.get("version");
		if (version == null) {
			boolean older = store.getMapNames()
				.stream()
				.anyMatch((name) -> name.startsWith("databases.") || name.startsWith("meta."));
			if (older) {
				throw new EmbeddedMongoException(
						"data file " + dataFile + " holds an older storage format that this store does not read: "
								+ "run ./souq reset to start with empty data (or move the file away)");
			}
			format.put("version", FORMAT_VERSION);
			store.commit();
		}
		else if (!FORMAT_VERSION.equals(version)) {
			throw new EmbeddedMongoException("data file " + dataFile + " holds storage format " + version
					+ ", this store reads format " + FORMAT_VERSION + ": run ./souq reset to start with empty data");
		}
	}

	private static Set<String> storedDatabaseNames(MVStore store) {
		Set<String> names = new LinkedHashSet<>();
		for (String mapName : store.getMapNames()) {
			if (mapName.startsWith(SouqDatabase.DATA_PREFIX)) {
				String fullName = mapName.substring(SouqDatabase.DATA_PREFIX.length());
				names.add(fullName.substring(0, fullName.indexOf('.')));
			}
		}
		return names;
	}

	StoreContext context() {
		return this.context;
	}

	TtlMonitor ttlMonitor() {
		return this.ttlMonitor;
	}

	/** The databases open now. */
	List<SouqDatabase> databases() {
		List<SouqDatabase> databases = new ArrayList<>();
		for (String name : listDatabaseNames()) {
			if (resolveDatabase(name) instanceof SouqDatabase database) {
				databases.add(database);
			}
		}
		return databases;
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return new SouqDatabase(databaseName, getCursorRegistry(), this.context);
	}

	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		if (HelloCommand.isHello(command)) {
			return HelloCommand
				.helloResponse(super.handleCommand(channel, databaseName, HelloCommand.IS_MASTER, query));
		}
		return durably(mayWrite(command, query), () -> super.handleCommand(channel, databaseName, command, query));
	}

	@Override
	public QueryResult handleQuery(MongoQuery query) {
		return durably(false, () -> super.handleQuery(query));
	}

	/**
	 * Runs a command and waits, before returning its reply, until everything it wrote or
	 * read is durable.
	 */
	<T> T durably(boolean mayWrite, java.util.function.Supplier<T> command) {
		CommandScope scope = CommandScope.open();
		if (scope == null) {
			return command.get();
		}
		GroupCommit commit = this.context.commit();
		Lock gate = (mayWrite && commit.persistent()) ? commit.writeGate() : null;
		T reply;
		RuntimeException failure = null;
		long target;
		MVStore store = this.context.store();
		MVStore.TxCounter version = commit.persistent() ? store.registerVersionUsage() : null;
		if (gate != null) {
			gate.lock();
		}
		try {
			reply = command.get();
		}
		catch (RuntimeException ex) {
			// a failed command may have written part of a batch
			failure = ex;
			reply = null;
		}
		finally {
			if (gate != null) {
				gate.unlock();
			}
			if (version != null) {
				store.deregisterVersionUsage(version);
			}
			target = scope.close();
		}
		if (scope.wroteAnything()) {
			commit.countWrite();
		}
		try {
			commit.awaitDurable(target);
		}
		catch (RuntimeException ex) {
			if (failure != null) {
				failure.addSuppressed(ex);
				throw failure;
			}
			throw ex;
		}
		if (failure != null) {
			throw failure;
		}
		return reply;
	}

	static boolean mayWrite(String command, Document query) {
		String name = command.toLowerCase(Locale.ROOT);
		if (READ_ONLY_COMMANDS.contains(name)) {
			return false;
		}
		if (name.equals("aggregate") && query.get("pipeline") instanceof List<?> pipeline) {
			return pipeline.stream()
				.anyMatch((stage) -> stage instanceof Document document
						&& (document.containsKey("$out") || document.containsKey("$merge")));
		}
		return true;
	}

	@Override
	public Document getServerStatus() {
		Document status = super.getServerStatus();
		GroupCommit commit = this.context.commit();
		Document souq = new Document("storage", commit.persistent() ? "file" : "memory")
			.append("commits", commit.commits())
			.append("writes", commit.writes())
			.append("compactions", commit.compactions())
			.append("plannerEnabled", this.context.plannerEnabled())
			.append("ttlPasses", this.ttlMonitor.passes())
			.append("ttlDeleted", this.ttlMonitor.deleted());
		status.put("souq", souq);
		return status;
	}

	@Override
	public void close() {
		this.ttlMonitor.close();
		super.close();
		this.context.commit().close();
		MVStore store = this.context.store();
		if (!store.isClosed()) {
			store.close();
		}
	}

}
