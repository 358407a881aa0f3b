package io.souq.mongo;

import java.io.PrintStream;
import java.util.ServiceLoader;

import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Runs an {@link EmbeddedMongoServer} as its own process until it is stopped (SIGTERM or
 * Ctrl-C close the server and the store cleanly).
 *
 * <pre>
 * java -cp ... io.souq.mongo.MongoServerMain [--bind &lt;host&gt;] [--port &lt;n&gt;] (--data-dir &lt;dir&gt; | --in-memory)
 * </pre>
 *
 * Prints one line to standard output once listening, and one when stopped. A wrong
 * argument ends it with exit code 2, a start failure (port in use, data file locked) with
 * exit code 1, each with a one-line message on standard error.
 */
public final class MongoServerMain {

	static final String NAME = "souq-embedded-mongo";

	static final int EXIT_START_FAILED = 1;

	static final int EXIT_USAGE = 2;

	private MongoServerMain() {
	}

	public static void main(String[] args) {
		quietLoggingWithoutProvider();
		LauncherOptions options;
		try {
			options = LauncherOptions.parse(args);
		}
		catch (LauncherOptions.UsageException ex) {
			System.err.println(NAME + ": " + ex.getMessage() + " (" + LauncherOptions.USAGE + ")");
			System.exit(EXIT_USAGE);
			return;
		}
		if (options.help()) {
			System.out.print(LauncherOptions.HELP);
			return;
		}
		try {
			EmbeddedMongoServer server = start(options, System.out);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, System.out), NAME + "-shutdown"));
		}
		catch (RuntimeException ex) {
			System.err.println(NAME + ": " + describe(ex));
			System.exit(EXIT_START_FAILED);
		}
		// Netty's event loop threads keep the JVM running
	}

	/**
	 * Starts the server and prints the listening line.
	 * @param options the parsed command line
	 * @param out where the line goes
	 * @return the running server
	 */
	static EmbeddedMongoServer start(LauncherOptions options, PrintStream out) {
		EmbeddedMongoServer server = EmbeddedMongoServer.start(options.storage(), options.bind(), options.port());
		out.println(listeningLine(server));
		out.flush();
		return server;
	}

	static String listeningLine(EmbeddedMongoServer server) {
		return NAME + " listening on " + server.connectionString() + " (" + server.storage() + ")";
	}

	static void stop(EmbeddedMongoServer server, PrintStream out) {
		server.close();
		out.println(NAME + " stopped");
		out.flush();
	}

	static String describe(RuntimeException ex) {
		if (ex instanceof EmbeddedMongoException || ex instanceof IllegalArgumentException) {
			return ex.getMessage();
		}
		return ex.getClass().getSimpleName() + ": " + ex.getMessage();
	}

	/**
	 * mongo-java-server logs through SLF4J. Without a logging binding on the class path,
	 * SLF4J prints a three-line warning: choose its no-operation provider quietly
	 * instead. A binding on the class path (or an explicit {@code slf4j.provider}) is
	 * left alone.
	 */
	static void quietLoggingWithoutProvider() {
		if (System.getProperty("slf4j.provider") != null) {
			return;
		}
		boolean hasProvider = ServiceLoader.load(SLF4JServiceProvider.class).stream().findAny().isPresent();
		if (!hasProvider) {
			System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
			System.setProperty("slf4j.internal.verbosity", "WARN");
		}
	}

}
