package io.souq.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What Linux tells about a process: its command line and resident memory.
 */
final class ProcessInfo {

	private static final Pattern PID = Pattern.compile("[0-9]+");

	/** The state of a listening socket in {@code /proc/net/tcp}. */
	private static final String TCP_LISTEN = "0A";

	private ProcessInfo() {
	}

	/**
	 * A process's full command line, from {@code /proc/<pid>/cmdline} where there is one,
	 * otherwise from {@link ProcessHandle.Info}.
	 * @param handle the process
	 * @return the arguments, program first; empty if unknown
	 */
	static List<String> commandLine(ProcessHandle handle) {
		Path cmdline = Path.of("/proc", Long.toString(handle.pid()), "cmdline");
		try {
			if (Files.isReadable(cmdline)) {
				return splitCmdline(Files.readAllBytes(cmdline));
			}
		}
		catch (IOException ex) {
			// fall through
		}
		List<String> result = new ArrayList<>();
		handle.info().command().ifPresent(result::add);
		handle.info().arguments().ifPresent((arguments) -> result.addAll(Arrays.asList(arguments)));
		return result;
	}

	static List<String> splitCmdline(byte[] content) {
		List<String> result = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < content.length; i++) {
			if (content[i] == 0) {
				result.add(new String(content, start, i - start, StandardCharsets.UTF_8));
				start = i + 1;
			}
		}
		if (start < content.length) {
			result.add(new String(content, start, content.length - start, StandardCharsets.UTF_8));
		}
		return result;
	}

	/**
	 * Whether a process is running: alive and not a zombie. A process whose parent has
	 * gone is reaped by PID 1, which in some containers takes seconds; until then
	 * {@link ProcessHandle#isAlive()} still says {@code true}.
	 * @param handle the process
	 * @return {@code true} if it runs
	 */
	static boolean isRunning(ProcessHandle handle) {
		if (!handle.isAlive()) {
			return false;
		}
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
			return stateOf(stat) != 'Z';
		}
		catch (IOException | RuntimeException ex) {
			return handle.isAlive();
		}
	}

	/**
	 * The state letter in the content of {@code /proc/<pid>/stat}.
	 * @param stat the content, e.g. {@code 42 (java) S 1 ...}
	 * @return the state, e.g. {@code 'S'} or {@code 'Z'}; {@code '?'} if unreadable
	 */
	static char stateOf(String stat) {
		int end = stat.lastIndexOf(')');
		return (end >= 0 && end + 2 < stat.length()) ? stat.charAt(end + 2) : '?';
	}

	/**
	 * A process's resident set size.
	 * @param pid the process id
	 * @return the RSS in KiB, or 0 if unknown
	 */
	static long rssKib(long pid) {
		try {
			return parseVmRssKib(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/**
	 * Reads {@code VmRSS} from the content of {@code /proc/<pid>/status}.
	 * @param status the file's content
	 * @return the RSS in KiB, or 0 if absent
	 */
	static long parseVmRssKib(String status) {
		for (String line : status.split("\n")) {
			if (line.startsWith("VmRSS:")) {
				String value = line.substring("VmRSS:".length()).trim();
				int space = value.indexOf(' ');
				return Long.parseLong((space < 0) ? value : value.substring(0, space));
			}
		}
		return 0;
	}

	/**
	 * The process listening on a TCP port: the socket's inode from {@code /proc/net/tcp}
	 * and {@code /proc/net/tcp6}, then the process that has a file descriptor on that
	 * socket ({@code /proc/<pid>/fd}).
	 * @param port the port
	 * @return the pid, or empty if nothing listens there or the owner cannot be seen
	 */
	static OptionalLong listeningPid(int port) {
		Set<String> inodes = new HashSet<>();
		for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			try {
				inodes.addAll(listeningInodes(Files.readString(Path.of(table), StandardCharsets.US_ASCII), port));
			}
			catch (IOException | RuntimeException ex) {
				// no such table
			}
		}
		if (inodes.isEmpty()) {
			return OptionalLong.empty();
		}
		Set<String> sockets = new HashSet<>();
		for (String inode : inodes) {
			sockets.add("socket:[" + inode + "]");
		}
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			for (Path process : processes.filter((dir) -> PID.matcher(dir.getFileName().toString()).matches())
				.toList()) {
				if (holdsAny(process, sockets)) {
					return OptionalLong.of(Long.parseLong(process.getFileName().toString()));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// no /proc
		}
		return OptionalLong.empty();
	}

	private static boolean holdsAny(Path process, Set<String> sockets) {
		try (Stream<Path> descriptors = Files.list(process.resolve("fd"))) {
			for (Path descriptor : descriptors.toList()) {
				try {
					if (sockets.contains(Files.readSymbolicLink(descriptor).toString())) {
						return true;
					}
				}
				catch (IOException ex) {
					// closed meanwhile
				}
			}
			return false;
		}
		catch (IOException | RuntimeException ex) {
			// gone, or not ours to read
			return false;
		}
	}

	/**
	 * The inodes of the listening sockets on a port in a {@code /proc/net/tcp} table
	 * (IPv4 or IPv6, any address).
	 * @param table the table's content
	 * @param port the port
	 * @return the inodes
	 */
	static Set<String> listeningInodes(String table, int port) {
		Set<String> inodes = new HashSet<>();
		for (String line : table.split("\n")) {
			String[] fields = line.trim().split("\\s+");
			// sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid
			// timeout inode
			if (fields.length < 10 || !fields[3].equals(TCP_LISTEN)) {
				continue;
			}
			String local = fields[1];
			int colon = local.lastIndexOf(':');
			try {
				if (colon > 0 && Integer.parseInt(local.substring(colon + 1), 16) == port && !fields[9].equals("0")) {
					inodes.add(fields[9]);
				}
			}
			catch (NumberFormatException ex) {
				// the header
			}
		}
		return inodes;
	}

	/**
	 * Formats a size in KiB for people.
	 * @param kib the size
	 * @return e.g. {@code 312 MiB} or {@code 1.9 GiB}
	 */
	static String formatKib(long kib) {
		if (kib >= 1024 * 1024) {
			return String.format(java.util.Locale.ROOT, "%.1f GiB", kib / (1024.0 * 1024.0));
		}
		return (kib / 1024) + " MiB";
	}

}
