package io.souq.mongo.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What Linux's {@code /proc} tells about a process: its CPU time and its resident memory.
 * Every reading answers -1 where {@code /proc} is not there.
 */
final class ProcFs {

	private static final int DEFAULT_CLOCK_TICKS = 100;

	private static volatile int clockTicks;

	private ProcFs() {
	}

	/**
	 * The CPU time the process used, user and system ({@code utime + stime}).
	 * @param pid the process
	 * @return clock ticks, or -1 when unknown
	 */
	static long cpuTicks(long pid) {
		String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
		return (stat != null) ? parseCpuTicks(stat) : -1;
	}

	/**
	 * The resident set size of the process ({@code VmRSS}).
	 * @param pid the process
	 * @return bytes, or -1 when unknown
	 */
	static long rssBytes(long pid) {
		String status = read(Path.of("/proc", Long.toString(pid), "status"));
		return (status != null) ? parseRssBytes(status) : -1;
	}

	/** Clock ticks per second of {@link #cpuTicks(long)} ({@code getconf CLK_TCK}). */
	static int clockTicksPerSecond() {
		int ticks = clockTicks;
		if (ticks == 0) {
			ticks = askClockTicks();
			clockTicks = ticks;
		}
		return ticks;
	}

	/**
	 * Reads {@code utime} and {@code stime} (fields 14 and 15) of a
	 * {@code /proc/<pid>/stat} line; the command name (field 2) may hold spaces and
	 * parentheses.
	 */
	static long parseCpuTicks(String stat) {
		int end = stat.lastIndexOf(')');
		if (end < 0) {
			return -1;
		}
		String[] fields = stat.substring(end + 1).trim().split("\\s+");
		// fields[0] is field 3 (the state)
		if (fields.length < 13) {
			return -1;
		}
		try {
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/** Reads the {@code VmRSS:} line of a {@code /proc/<pid>/status}. */
	static long parseRssBytes(String status) {
		for (String line : status.split("\n")) {
			if (line.startsWith("VmRSS:")) {
				String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
				try {
					long value = Long.parseLong(parts[0]);
					return (parts.length > 1 && parts[1].equalsIgnoreCase("kB")) ? value * 1024 : value;
				}
				catch (NumberFormatException ex) {
					return -1;
				}
			}
		}
		return -1;
	}

	private static int askClockTicks() {
		try {
			Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
			try (InputStream out = getconf.getInputStream()) {
				String text = new String(out.readAllBytes(), StandardCharsets.US_ASCII).trim();
				if (getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
					return Integer.parseInt(text);
				}
			}
			finally {
				getconf.destroyForcibly();
			}
		}
		catch (IOException | NumberFormatException ex) {
			// fall back to the usual value
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return DEFAULT_CLOCK_TICKS;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			return null;
		}
	}

}
