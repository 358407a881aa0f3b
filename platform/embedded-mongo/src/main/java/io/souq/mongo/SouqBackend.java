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
import de.bwaldvogel.mongo.exception.MongoServerException;

/**
 * The store behind {@link EmbeddedMongoServer}: mongo-java-server's protocol, command and
 * query engine over Souq's own storage ({@link StoreEngine}: Berkeley DB Java Edition, in
 * a directory or in memory) with secondary indexes, a query planner, TTL expiry and group
 * commit.
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

	/** The file of the store's first format (H2 MVStore, Java-serialised documents). */
	static final String OLDER_FORMAT_FILE = "souq.mv.db";

	private static final byte[] VERSION_KEY = "version".getBytes(java.nio.charset.StandardCharsets.UTF_8);

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

	private SouqBackend(StoreEngine engine) {
		this.context = new StoreContext(engine, new GroupCommit(engine.persistent() ? engine : null));
		// opening reads the namespaces and index descriptions: its cursors close with it
		CommandScope opening = CommandScope.open(engine, true);
		try {
			for (String databaseName : storedDatabaseNames(engine)) {
				resolveDatabase(databaseName);
			}
		}
		finally {
			opening.finish(true);
			opening.close();
		}
		engine.flush();
		this.ttlMonitor = new TtlMonitor(this);
	}

	/**
	 * Opens (or creates) the store in a data directory.
	 * @param directory the directory
	 * @return the backend
	 * @throws com.sleepycat.je.EnvironmentLockedException if another process has it open
	 * @throws EmbeddedMongoException if the directory holds another format
	 */
	static SouqBackend open(Path directory) {
		if (java.nio.file.Files.exists(directory.resolve(OLDER_FORMAT_FILE))) {
			throw new EmbeddedMongoException("data dir " + directory + " holds an older storage format ("
					+ OLDER_FORMAT_FILE + ") that this store does not read: "
					+ "run ./souq reset to start with empty data (or move the file away)");
		}
		StoreEngine engine = StoreEngine.open(directory);
		try {
			checkFormat(engine, directory);
			return new SouqBackend(engine);
		}
		catch (RuntimeException ex) {
			engine.close();
			throw ex;
		}
	}

	/**
	 * A store in memory only.
	 * @return the backend
	 */
	static SouqBackend inMemory() {
		StoreEngine engine = StoreEngine.inMemory();
		checkFormat(engine, null);
		return new SouqBackend(engine);
	}

	private static void checkFormat(StoreEngine engine, Path directory) {
		StoreMap format = engine.map(FORMAT_MAP, null);
		byte[] version = format.get(VERSION_KEY);
		if (version == null) {
			format.putIfAbsent(VERSION_KEY, FORMAT_VERSION.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		else if (!FORMAT_VERSION.equals(new String(version, java.nio.charset.StandardCharsets.UTF_8))) {
			throw new EmbeddedMongoException("data dir " + directory + " holds storage format "
					+ new String(version, java.nio.charset.StandardCharsets.UTF_8) + ", this store reads format "
					+ FORMAT_VERSION + ": run ./souq reset to start with empty data");
		}
	}

	private static Set<String> storedDatabaseNames(StoreEngine engine) {
		Set<String> names = new LinkedHashSet<>();
		for (String mapName : engine.names()) {
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
		CommandScope scope = CommandScope.open(this.context.engine(), mayWrite);
		if (scope == null) {
			return command.get();
		}
		GroupCommit commit = this.context.commit();
		Lock gate = (mayWrite && commit.persistent()) ? commit.writeGate() : null;
		T reply = null;
		RuntimeException failure = null;
		long target;
		if (gate != null) {
			gate.lock();
		}
		try {
			reply = command.get();
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		finally {
			try {
				// a refused write (MongoServerException) keeps what the command did
				// before
				// it, as MongoDB does; anything unexpected undoes the whole command
				scope.finish(failure == null || failure instanceof MongoServerException);
			}
			catch (RuntimeException ex) {
				if (failure == null) {
					failure = ex;
				}
				else {
					failure.addSuppressed(ex);
				}
			}
			finally {
				if (gate != null) {
					gate.unlock();
				}
				target = scope.close();
			}
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
		Document souq = new Document("storage", commit.persistent() ? "file" : "memory").append("engine", "je")
			.append("commits", commit.commits())
			.append("writes", commit.writes())
			.append("fileBytes", this.context.engine().fileSize())
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
		this.context.engine().close();
	}

}
