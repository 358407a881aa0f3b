package io.souq.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What Linux tells about a process: its command line and resident memory.
 */
final class ProcessInfo {

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
