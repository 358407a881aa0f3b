package io.souq.mongo.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line of {@link StoreBenchmark}.
 *
 * @param sizes the collection sizes to measure, in the order given
 * @param docBytes the BSON size each order document is padded to
 * @param seconds how long each figure is measured
 * @param warmupSeconds how long each workload runs before it is measured
 * @param writers the client threads of the concurrent-writers figure
 * @param dataRoot the directory the data directories are created in
 * @param keep whether the data directories are kept at the end
 * @param serverJavaOptions the JVM options of the server process
 * @param serverJava the java binary of the server process
 * @param skipIdle whether the idle figure is skipped
 * @param help whether only the usage was asked for
 */
record BenchmarkOptions(List<Integer> sizes, int docBytes, int seconds, int warmupSeconds, int writers, Path dataRoot,
		boolean keep, List<String> serverJavaOptions, String serverJava, boolean skipIdle, boolean help) {

	static final String USAGE = "usage: StoreBenchmark [--sizes 1000,100000,1000000] [--doc-bytes 3000] [--seconds 10]"
			+ " [--warmup-seconds 3] [--writers 8] [--data-root <dir>] [--keep] [--server-java-opts '<opts>']"
			+ " [--server-java <java>] [--skip-idle] [--help]";

	static final List<Integer> DEFAULT_SIZES = List.of(1_000, 100_000, 1_000_000);

	static final int DEFAULT_DOC_BYTES = 3_000;

	static final int DEFAULT_SECONDS = 10;

	static final int DEFAULT_WARMUP_SECONDS = 3;

	static final int DEFAULT_WRITERS = 8;

	private static final Set<String> FLAGS = Set.of("--keep", "--skip-idle", "--help", "-h");

	private static final Set<String> VALUED = Set.of("--sizes", "--doc-bytes", "--seconds", "--warmup-seconds",
			"--writers", "--data-root", "--server-java-opts", "--server-java");

	static final List<String> DEFAULT_SERVER_JAVA_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC");

	static final String HELP = """
			%s
			  --sizes <n,n,...>          documents in the orders collection, one fill per size (default 1000,100000,1000000)
			  --doc-bytes <n>            BSON size of an order document, 500 to 1000000 (default %d)
			  --seconds <n>              measured seconds per figure (default %d)
			  --warmup-seconds <n>       seconds each workload runs before it is measured (default %d)
			  --writers <n>              client threads of the concurrent-writers figure (default %d)
			  --data-root <dir>          where the data directories go (default the temporary directory)
			  --keep                     keep the data directories
			  --server-java-opts '<opts>'  JVM options of the server process (default '%s')
			  --server-java <java>       java binary of the server process (default the running JVM's)
			  --skip-idle                skip the 30 s idle CPU figure
			"""
		.formatted(USAGE, DEFAULT_DOC_BYTES, DEFAULT_SECONDS, DEFAULT_WARMUP_SECONDS, DEFAULT_WRITERS,
				String.join(" ", DEFAULT_SERVER_JAVA_OPTIONS));

	BenchmarkOptions {
		sizes = List.copyOf(sizes);
		serverJavaOptions = List.copyOf(serverJavaOptions);
	}

	/** The largest of the sizes. */
	int largestSize() {
		return this.sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
	}

	/**
	 * Parses the arguments.
	 * @param args the command line
	 * @return the options
	 * @throws UsageException with a one-line message when the arguments are wrong
	 */
	static BenchmarkOptions parse(String... args) {
		List<Integer> sizes = DEFAULT_SIZES;
		int docBytes = DEFAULT_DOC_BYTES;
		int seconds = DEFAULT_SECONDS;
		int warmupSeconds = DEFAULT_WARMUP_SECONDS;
		int writers = DEFAULT_WRITERS;
		Path dataRoot = Path.of(System.getProperty("java.io.tmpdir"));
		boolean keep = false;
		List<String> serverJavaOptions = DEFAULT_SERVER_JAVA_OPTIONS;
		String serverJava = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		boolean skipIdle = false;
		boolean help = false;
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < args.length; i++) {
			String argument = args[i];
			String name = argument;
			String inline = null;
			int equals = argument.indexOf('=');
			if (argument.startsWith("--") && equals > 0) {
				name = argument.substring(0, equals);
				inline = argument.substring(equals + 1);
			}
			if (!seen.add(name)) {
				throw new UsageException(name + " is given more than once");
			}
			if (FLAGS.contains(name)) {
				if (inline != null) {
					throw new UsageException(name + " takes no value");
				}
				switch (name) {
					case "--keep" -> keep = true;
					case "--skip-idle" -> skipIdle = true;
					default -> help = true;
				}
				continue;
			}
			if (!VALUED.contains(name)) {
				throw new UsageException("unknown argument '" + argument + "'");
			}
			String value = (inline != null) ? inline : value(args, ++i, name);
			switch (name) {
				case "--sizes" -> sizes = parseSizes(value);
				case "--doc-bytes" -> docBytes = parseInt(value, name, 500, 1_000_000);
				case "--seconds" -> seconds = parseInt(value, name, 1, 3_600);
				case "--warmup-seconds" -> warmupSeconds = parseInt(value, name, 0, 3_600);
				case "--writers" -> writers = parseInt(value, name, 1, 256);
				case "--data-root" -> dataRoot = Path.of(requireText(value, name));
				case "--server-java-opts" -> serverJavaOptions = splitOptions(value);
				default -> serverJava = requireText(value, name);
			}
		}
		return new BenchmarkOptions(sizes, docBytes, seconds, warmupSeconds, writers, dataRoot, keep, serverJavaOptions,
				serverJava, skipIdle, help);
	}

	private static String value(String[] args, int index, String name) {
		if (index >= args.length || (args[index].startsWith("--") && !name.equals("--server-java-opts"))) {
			throw new UsageException(name + " needs a value");
		}
		return args[index];
	}

	private static String requireText(String value, String name) {
		if (value.isBlank()) {
			throw new UsageException(name + " needs a value");
		}
		return value;
	}

	static List<Integer> parseSizes(String value) {
		List<Integer> sizes = new ArrayList<>();
		for (String part : value.split(",", -1)) {
			int size = parseInt(part, "--sizes", 1, 100_000_000);
			if (sizes.contains(size)) {
				throw new UsageException("--sizes lists " + size + " twice");
			}
			sizes.add(size);
		}
		return sizes;
	}

	static List<String> splitOptions(String value) {
		String trimmed = value.trim();
		return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
	}

	private static int parseInt(String value, String name, int min, int max) {
		String digits = value.trim().replace("_", "");
		int number;
		try {
			number = Integer.parseInt(digits);
		}
		catch (NumberFormatException ex) {
			throw new UsageException(
					name + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
		}
		if (number < min || number > max) {
			throw new UsageException(
					name + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
		}
		return number;
	}

	/** A wrong command line; the message is one line. */
	static final class UsageException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UsageException(String message) {
			super(message);
		}

	}

}
