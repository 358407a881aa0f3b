package io.souq.mongo;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import de.bwaldvogel.mongo.MongoServer;
import com.sleepycat.je.DatabaseException;
import com.sleepycat.je.EnvironmentLockedException;

/**
 * A MongoDB-protocol server (mongo-java-server) running in this JVM, for tests and local
 * runs: mongo-java-server's protocol and query engine over Souq's store, with secondary
 * indexes, a query planner, TTL expiry and, with {@link MongoStorage#dataDir(Path) file
 * storage}, every acknowledged write in the files before its reply (see
 * {@link SouqBackend}).
 *
 * <pre class="code">
 * try (EmbeddedMongoServer mongo = EmbeddedMongoServer.startInMemory()) {
 *     MongoClient client = MongoClients.create(mongo.connectionString());
 *     ...
 * }
 * </pre>
 */
public final class EmbeddedMongoServer implements AutoCloseable {

	/** The address servers bind to unless told otherwise. */
	public static final String DEFAULT_HOST = "127.0.0.1";

	/**
	 * Threads that run commands. A command waits for the group commit that makes it
	 * durable while holding its thread, so there are more than cores: the commands that
	 * wait together share one commit.
	 */
	static final int WORKER_THREADS = 16;

	private final MongoServer server;

	private final SouqBackend backend;

	private final MongoStorage storage;

	private final InetSocketAddress address;

	private final AtomicBoolean closed = new AtomicBoolean();

	private EmbeddedMongoServer(MongoServer server, SouqBackend backend, MongoStorage storage,
			InetSocketAddress address) {
		this.server = server;
		this.backend = backend;
		this.storage = storage;
		this.address = address;
	}

	/**
	 * Starts a server with an in-memory backend on a free port of {@value #DEFAULT_HOST}.
	 * @return the running server
	 */
	public static EmbeddedMongoServer startInMemory() {
		return start(MongoStorage.inMemory());
	}

	/**
	 * Starts a server keeping its data in {@code dataDir} (created when missing) on a
	 * free port of {@value #DEFAULT_HOST}.
	 * @param dataDir the data directory
	 * @return the running server
	 * @throws EmbeddedMongoException if the data file cannot be opened
	 */
	public static EmbeddedMongoServer startWithDataDir(Path dataDir) {
		return start(MongoStorage.dataDir(dataDir));
	}

	/**
	 * Starts a server on a free port of {@value #DEFAULT_HOST}.
	 * @param storage where the data is kept
	 * @return the running server
	 * @throws EmbeddedMongoException if the data file cannot be opened
	 */
	public static EmbeddedMongoServer start(MongoStorage storage) {
		return start(storage, DEFAULT_HOST, 0);
	}

	/**
	 * Starts a server.
	 * @param storage where the data is kept
	 * @param host the host name or address to bind to
	 * @param port the port to listen on, {@code 0} for a free one
	 * @return the running server
	 * @throws EmbeddedMongoException if the port is in use, the address cannot be bound
	 * or the data file cannot be opened
	 */
	public static EmbeddedMongoServer start(MongoStorage storage, String host, int port) {
		Objects.requireNonNull(storage, "storage");
		Objects.requireNonNull(host, "host");
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
		}
		InetSocketAddress bindAddress = new InetSocketAddress(host, port);
		if (bindAddress.isUnresolved()) {
			throw new EmbeddedMongoException("cannot resolve bind address '" + host + "'");
		}
		SouqBackend backend = openBackend(storage);
		MongoServer server = new MongoServer(backend);
		try {
			server.bind(bindAddress, 1, WORKER_THREADS);
		}
		catch (Exception ex) {
			// Netty rethrows the checked BindException undeclared, which MongoServer.bind
			// does not clean up after
			if (!(ex instanceof RuntimeException)) {
				server.shutdownNow();
			}
			throw bindFailure(ex, bindAddress);
		}
		// the requested address (a wildcard 0.0.0.0 is reported back as [::]) with the
		// chosen port
		InetSocketAddress listening = new InetSocketAddress(bindAddress.getAddress(),
				server.getLocalAddress().getPort());
		return new EmbeddedMongoServer(server, backend, storage, listening);
	}

	private static SouqBackend openBackend(MongoStorage storage) {
		return switch (storage) {
			case MongoStorage.InMemory inMemory -> SouqBackend.inMemory();
			case MongoStorage.DataDir dataDir -> openDataDir(dataDir);
		};
	}

	private static SouqBackend openDataDir(MongoStorage.DataDir dataDir) {
		try {
			Files.createDirectories(dataDir.directory());
		}
		catch (IOException ex) {
			throw new EmbeddedMongoException("cannot create data dir " + dataDir.directory() + ": " + ex, ex);
		}
		try {
			return SouqBackend.open(dataDir.directory());
		}
		catch (EnvironmentLockedException ex) {
			throw new EmbeddedMongoException(
					"data dir " + dataDir.directory() + " is in use by another process (locked)", ex);
		}
		catch (StoreEngine.OpenElsewhereException ex) {
			throw new EmbeddedMongoException(
					"data dir " + dataDir.directory() + " is in use by another server of this process (locked)", ex);
		}
		catch (DatabaseException ex) {
			throw new EmbeddedMongoException("cannot open data dir " + dataDir.directory() + ": "
					+ String.valueOf(ex.getMessage()).lines().findFirst().orElse(""), ex);
		}
	}

	private static EmbeddedMongoException bindFailure(Exception ex, InetSocketAddress bindAddress) {
		String where = bindAddress.getHostString() + ":" + bindAddress.getPort();
		Throwable cause = ex;
		while (cause != null && !(cause instanceof BindException)) {
			cause = cause.getCause();
		}
		if (cause != null && String.valueOf(cause.getMessage()).toLowerCase().contains("in use")) {
			return new EmbeddedMongoException("port " + bindAddress.getPort() + " on "
					+ bindAddress.getAddress().getHostAddress() + " is already in use", ex);
		}
		return new EmbeddedMongoException("cannot listen on " + where + ": " + ex.getMessage(), ex);
	}

	/**
	 * The MongoDB connection string of this server, e.g.
	 * {@code mongodb://127.0.0.1:27017}.
	 * @return the connection string
	 */
	public String connectionString() {
		return "mongodb://" + uriHost() + ":" + port();
	}

	private String uriHost() {
		InetAddress address = this.address.getAddress();
		if (address.isAnyLocalAddress()) {
			return (address instanceof Inet6Address) ? "[::1]" : "127.0.0.1";
		}
		String hostAddress = address.getHostAddress();
		return (address instanceof Inet6Address) ? "[" + hostAddress + "]" : hostAddress;
	}

	/**
	 * The address the server listens on.
	 * @return the IP address as text
	 */
	public String host() {
		return this.address.getAddress().getHostAddress();
	}

	/**
	 * The port the server listens on (the chosen one when started with port 0).
	 * @return the port
	 */
	public int port() {
		return this.address.getPort();
	}

	/**
	 * Where the server keeps its data.
	 * @return the storage
	 */
	public MongoStorage storage() {
		return this.storage;
	}

	/** The backend, for this package's tests. */
	SouqBackend backend() {
		return this.backend;
	}

	/**
	 * Closes all client connections, stops listening and closes the storage (committing
	 * the store). Does nothing when already closed.
	 */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.server.shutdownNow();
		}
	}

	@Override
	public String toString() {
		return "EmbeddedMongoServer[" + connectionString() + ", " + this.storage + "]";
	}

}
