package io.souq.mongo;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The command line of {@link MongoServerMain}.
 *
 * @param storage where the data is kept
 * @param bind the host name or address to bind to
 * @param port the port to listen on, 0 for a free one
 * @param help whether only the usage was asked for
 */
record LauncherOptions(MongoStorage storage, String bind, int port, boolean help) {

	static final int DEFAULT_PORT = 27017;

	static final String USAGE = "usage: MongoServerMain [--bind <host>] [--port <n>] (--data-dir <dir> | --in-memory)";

	static final String HELP = """
			%s
			  --bind <host>     address to listen on (default %s)
			  --port <n>        port to listen on, 0 for a free one (default %d)
			  --data-dir <dir>  keep the data in the files of <dir> (created if missing)
			  --in-memory       keep the data in memory only
			""".formatted(USAGE, EmbeddedMongoServer.DEFAULT_HOST, DEFAULT_PORT);

	/**
	 * Parses the arguments.
	 * @param args the command line
	 * @return the options
	 * @throws UsageException with a one-line message when the arguments are wrong
	 */
	static LauncherOptions parse(String... args) {
		String bind = EmbeddedMongoServer.DEFAULT_HOST;
		int port = DEFAULT_PORT;
		Path dataDir = null;
		boolean inMemory = false;
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < args.length; i++) {
			String argument = args[i];
			String name = argument;
			String inlineValue = null;
			int equals = argument.indexOf('=');
			if (argument.startsWith("--") && equals > 0) {
				name = argument.substring(0, equals);
				inlineValue = argument.substring(equals + 1);
			}
			if (name.equals("--help") || name.equals("-h")) {
				return new LauncherOptions(MongoStorage.inMemory(), bind, port, true);
			}
			if (!seen.add(name)) {
				throw new UsageException(name + " is given more than once");
			}
			switch (name) {
				case "--bind" -> {
					bind = (inlineValue != null) ? inlineValue : valueOf(args, ++i, name);
					if (bind.isBlank()) {
						throw new UsageException("--bind needs a host name or address");
					}
				}
				case "--port" -> port = parsePort((inlineValue != null) ? inlineValue : valueOf(args, ++i, name));
				case "--data-dir" -> {
					String value = (inlineValue != null) ? inlineValue : valueOf(args, ++i, name);
					if (value.isBlank()) {
						throw new UsageException("--data-dir needs a directory");
					}
					dataDir = Path.of(value);
				}
				case "--in-memory" -> {
					if (inlineValue != null) {
						throw new UsageException("--in-memory takes no value");
					}
					inMemory = true;
				}
				default -> throw new UsageException("unknown argument '" + argument + "'");
			}
		}
		if (dataDir != null && inMemory) {
			throw new UsageException("--data-dir and --in-memory cannot be used together");
		}
		if (dataDir == null && !inMemory) {
			throw new UsageException("choose the storage: --data-dir <dir> or --in-memory");
		}
		MongoStorage storage = inMemory ? MongoStorage.inMemory() : MongoStorage.dataDir(dataDir);
		return new LauncherOptions(storage, bind, port, false);
	}

	private static String valueOf(String[] args, int index, String name) {
		if (index >= args.length || args[index].startsWith("--")) {
			throw new UsageException(name + " needs a value");
		}
		return args[index];
	}

	private static int parsePort(String value) {
		int port;
		try {
			port = Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new UsageException("--port must be a number between 0 and 65535, not '" + value + "'");
		}
		if (port < 0 || port > 65535) {
			throw new UsageException("--port must be a number between 0 and 65535, not '" + value + "'");
		}
		return port;
	}

	/** A wrong command line; the message is one line. */
	static final class UsageException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UsageException(String message) {
			super(message);
		}

	}

}
