package io.souq.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reading the components' log files.
 */
final class LogFiles {

	private LogFiles() {
	}

	/**
	 * The last lines of a file, indented, for error messages.
	 * @param file the file
	 * @param lines how many lines
	 * @return the lines, each indented by two spaces, or a note if there is no file
	 */
	static String tail(Path file, int lines) {
		if (!Files.isRegularFile(file)) {
			return "  (no log file " + file + ")";
		}
		try {
			return indent(collapse(lastLines(file, 4 * lines), lines));
		}
		catch (IOException ex) {
			return "  (cannot read " + file + ": " + ex.getMessage() + ")";
		}
	}

	/**
	 * The one-line refusal a component printed last, if it ended that way: the store's
	 * launcher prints {@code souq-embedded-mongo: <what is wrong and what to do>} and
	 * exits (a data directory of an older format, a port in use).
	 * @param file the component's log
	 * @param prefix how the component's own failure line starts
	 * @return the line without the prefix, or {@code null}
	 */
	static String refusal(Path file, String prefix) {
		try {
			String last = lastLines(file, 1).strip();
			return last.startsWith(prefix) ? last.substring(prefix.length()).strip() : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * The last lines of a file (at most its last 256 KiB).
	 * @param file the file
	 * @param lines how many lines
	 * @return the lines, separated by newlines
	 * @throws IOException if the file cannot be read
	 */
	static String lastLines(Path file, int lines) throws IOException {
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
			long length = raf.length();
			long start = Math.max(0, length - 256 * 1024);
			raf.seek(start);
			byte[] bytes = new byte[(int) (length - start)];
			raf.readFully(bytes);
			return lastLines(new String(bytes, StandardCharsets.UTF_8), lines);
		}
	}

	/**
	 * The last lines of a text.
	 * @param text the text
	 * @param lines how many lines
	 * @return the lines, separated by newlines
	 */
	static String lastLines(String text, int lines) {
		Deque<String> last = new ArrayDeque<>();
		for (String line : text.split("\r?\n")) {
			last.addLast(line);
			if (last.size() > lines) {
				last.removeFirst();
			}
		}
		return String.join("\n", last);
	}

	/**
	 * Collapses runs of identical lines into one with a count, shortens very long lines
	 * and keeps the last lines: a log tail that shows more than one message.
	 * @param text the lines
	 * @param lines how many lines to keep
	 * @return the collapsed lines
	 */
	static String collapse(String text, int lines) {
		Deque<String> result = new ArrayDeque<>();
		String previous = null;
		int repeats = 0;
		for (String line : (text + "\n").split("\n", -1)) {
			if (line.equals(previous)) {
				repeats++;
				continue;
			}
			if (previous != null) {
				String shown = (previous.length() > 400) ? previous.substring(0, 400) + " ..." : previous;
				result.addLast((repeats > 0) ? shown + "  [repeated " + (repeats + 1) + " times]" : shown);
			}
			previous = line;
			repeats = 0;
		}
		while (result.size() > lines) {
			result.removeFirst();
		}
		return String.join("\n", result);
	}

	private static String indent(String text) {
		return text.isEmpty() ? "" : "  " + text.replace("\n", "\n  ");
	}

	/**
	 * Copies a file to a stream and, if asked, keeps copying what is appended until the
	 * thread is interrupted or the JVM exits.
	 * @param file the file
	 * @param out the stream
	 * @param follow whether to follow the file
	 * @throws IOException if the file cannot be read
	 */
	static void print(Path file, OutputStream out, boolean follow) throws IOException {
		copy(file, out, 0, follow);
	}

	/**
	 * Copies a file from a position on, following it if asked.
	 * @param file the file
	 * @param out the stream
	 * @param from the position to start at
	 * @param follow whether to follow the file
	 * @throws IOException if the file cannot be read
	 */
	static void copy(Path file, OutputStream out, long from, boolean follow) throws IOException {
		long position = from;
		byte[] buffer = new byte[64 * 1024];
		while (true) {
			if (Files.size(file) < position) {
				position = 0;
			}
			try (InputStream in = Files.newInputStream(file)) {
				in.skipNBytes(position);
				int read;
				while ((read = in.read(buffer)) > 0) {
					out.write(buffer, 0, read);
					position += read;
				}
			}
			out.flush();
			if (!follow) {
				return;
			}
			Launcher.pause(Duration.ofMillis(300));
		}
	}

}
