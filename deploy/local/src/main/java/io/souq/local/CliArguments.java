package io.souq.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A parsed {@code ./souq} command line.
 *
 * @param command the command: up, down, status, logs, stop, start, restart, reset or help
 * @param names the components named (logs, stop, start, restart)
 * @param detach {@code up -d}: return once everything is ready
 * @param only {@code up --only}: the selection, e.g. {@code infra} or {@code kafka,mongo}
 * @param timeoutSeconds {@code up --timeout}: seconds each component may take
 * @param parallel {@code up --parallel}: how many services start at once
 * @param noAot {@code up --no-aot}: no AOT caches
 * @param follow {@code logs -f}
 * @param lines {@code logs -n}: only the last lines
 * @param force {@code reset --force}: stop the platform first
 */
public record CliArguments(String command, List<String> names, boolean detach, Optional<String> only,
		OptionalInt timeoutSeconds, OptionalInt parallel, boolean noAot, boolean follow, OptionalInt lines,
		boolean force) {

	/**
	 * Parses the arguments.
	 * @param args the command line, command first
	 * @return the parsed arguments
	 * @throws UsageException if they make no sense
	 */
	public static CliArguments parse(String... args) {
		if (args.length == 0) {
			return simple("help");
		}
		String command = args[0];
		List<String> rest = List.of(args).subList(1, args.length);
		return switch (command) {
			case "help", "-h", "--help" -> simple("help");
			case "up" -> parseUp(rest);
			case "down", "status" -> {
				noArguments(command, rest);
				yield simple(command);
			}
			case "logs" -> parseLogs(rest);
			case "stop", "start", "restart" -> parseNames(command, rest);
			case "reset" -> parseReset(rest);
			case "build", "test" -> throw new UsageException("'" + command + "' is run by the ./souq script itself");
			default -> throw new UsageException("unknown command '" + command + "'");
		};
	}

	private static CliArguments simple(String command) {
		return new CliArguments(command, List.of(), false, Optional.empty(), OptionalInt.empty(), OptionalInt.empty(),
				false, false, OptionalInt.empty(), false);
	}

	private static void noArguments(String command, List<String> rest) {
		if (!rest.isEmpty()) {
			throw new UsageException("'" + command + "' takes no arguments, got '" + String.join(" ", rest) + "'");
		}
	}

	private static CliArguments parseUp(List<String> rest) {
		boolean detach = false;
		boolean noAot = false;
		Optional<String> only = Optional.empty();
		OptionalInt timeout = OptionalInt.empty();
		OptionalInt parallel = OptionalInt.empty();
		for (int i = 0; i < rest.size(); i++) {
			String arg = rest.get(i);
			String option = optionName(arg);
			switch (option) {
				case "-d", "--detach" -> detach = true;
				case "--no-aot" -> noAot = true;
				case "--only" -> {
					String value = optionValue(rest, i, arg);
					i += arg.contains("=") ? 0 : 1;
					Component.select(value);
					only = Optional.of(value);
				}
				case "--timeout" -> {
					timeout = OptionalInt.of(positive(option, optionValue(rest, i, arg)));
					i += arg.contains("=") ? 0 : 1;
				}
				case "--parallel" -> {
					parallel = OptionalInt.of(positive(option, optionValue(rest, i, arg)));
					i += arg.contains("=") ? 0 : 1;
				}
				default -> throw new UsageException("unknown option '" + arg + "' for 'up'");
			}
		}
		return new CliArguments("up", List.of(), detach, only, timeout, parallel, noAot, false, OptionalInt.empty(),
				false);
	}

	private static CliArguments parseLogs(List<String> rest) {
		List<String> names = new ArrayList<>();
		boolean follow = false;
		OptionalInt lines = OptionalInt.empty();
		for (int i = 0; i < rest.size(); i++) {
			String arg = rest.get(i);
			String option = optionName(arg);
			switch (option) {
				case "-f", "--follow" -> follow = true;
				case "-n", "--lines" -> {
					lines = OptionalInt.of(positive(option, optionValue(rest, i, arg)));
					i += arg.contains("=") ? 0 : 1;
				}
				default -> {
					if (arg.startsWith("-")) {
						throw new UsageException("unknown option '" + arg + "' for 'logs'");
					}
					names.add(Component.named(arg).name());
				}
			}
		}
		if (names.size() != 1) {
			throw new UsageException("'logs' takes one component name, e.g. ./souq logs kafka -f");
		}
		return new CliArguments("logs", List.copyOf(names), false, Optional.empty(), OptionalInt.empty(),
				OptionalInt.empty(), false, follow, lines, false);
	}

	private static CliArguments parseNames(String command, List<String> rest) {
		if (rest.isEmpty()) {
			throw new UsageException(
					"'" + command + "' takes component names, e.g. ./souq " + command + " payment-service");
		}
		List<String> names = new ArrayList<>();
		for (String arg : rest) {
			if (arg.startsWith("-")) {
				throw new UsageException("unknown option '" + arg + "' for '" + command + "'");
			}
			for (Component component : Component.select(arg)) {
				if (!names.contains(component.name())) {
					names.add(component.name());
				}
			}
		}
		return new CliArguments(command, List.copyOf(names), false, Optional.empty(), OptionalInt.empty(),
				OptionalInt.empty(), false, false, OptionalInt.empty(), false);
	}

	private static CliArguments parseReset(List<String> rest) {
		boolean force = false;
		for (String arg : rest) {
			if (arg.equals("--force") || arg.equals("-f")) {
				force = true;
			}
			else {
				throw new UsageException("unknown option '" + arg + "' for 'reset'");
			}
		}
		return new CliArguments("reset", List.of(), false, Optional.empty(), OptionalInt.empty(), OptionalInt.empty(),
				false, false, OptionalInt.empty(), force);
	}

	private static String optionName(String arg) {
		int equals = arg.indexOf('=');
		return (arg.startsWith("--") && equals > 0) ? arg.substring(0, equals) : arg;
	}

	private static String optionValue(List<String> rest, int index, String arg) {
		int equals = arg.indexOf('=');
		if (arg.startsWith("--") && equals > 0) {
			return arg.substring(equals + 1);
		}
		if (index + 1 >= rest.size()) {
			throw new UsageException("option '" + arg + "' needs a value");
		}
		return rest.get(index + 1);
	}

	private static int positive(String option, String value) {
		try {
			int number = Integer.parseInt(value);
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new UsageException("option '" + option + "' needs a positive number, not '" + value + "'");
	}

}
