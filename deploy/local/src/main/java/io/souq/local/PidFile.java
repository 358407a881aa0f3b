package io.souq.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A component's pid file, {@code run/<name>.pid}. A pid file counts only if it points at
 * a live process whose command line carries the component's markers
 * ({@code -Dsouq.component=<name>} and {@code -Dsouq.home=<home>}); otherwise it is stale
 * and is removed.
 *
 * @param path the file
 * @param component the component's name
 * @param home the platform's home
 */
public record PidFile(Path path, String component, SouqHome home) {

	/**
	 * The pid file of a component.
	 * @param home the platform's home
	 * @param component the component's name
	 * @return its pid file
	 */
	public static PidFile of(SouqHome home, String component) {
		return new PidFile(home.pidFile(component), component, home);
	}

	/**
	 * The marker argument that names the component on its command line.
	 * @param component the component's name
	 * @return {@code -Dsouq.component=<name>}
	 */
	public static String componentMarker(String component) {
		return "-Dsouq.component=" + component;
	}

	/**
	 * The marker argument that names the platform's home on a command line.
	 * @param home the platform's home
	 * @return {@code -Dsouq.home=<path>}
	 */
	public static String homeMarker(SouqHome home) {
		return "-Dsouq.home=" + home.root();
	}

	/**
	 * Writes the pid, atomically.
	 * @param pid the process id
	 */
	public void write(long pid) {
		try {
			Files.createDirectories(this.path.getParent());
			Path tmp = this.path.resolveSibling(this.path.getFileName() + ".tmp");
			Files.writeString(tmp, pid + "\n", StandardCharsets.US_ASCII);
			Files.move(tmp, this.path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads the pid written in the file.
	 * @return the pid, or empty if there is no file or it holds no number
	 */
	public OptionalLong read() {
		try {
			if (!Files.isRegularFile(this.path)) {
				return OptionalLong.empty();
			}
			return parse(Files.readString(this.path, StandardCharsets.US_ASCII));
		}
		catch (IOException ex) {
			return OptionalLong.empty();
		}
	}

	/**
	 * Parses a pid file's content.
	 * @param content the content
	 * @return the pid, or empty if it is not a positive number
	 */
	static OptionalLong parse(String content) {
		try {
			long pid = Long.parseLong(content.strip());
			return (pid > 0) ? OptionalLong.of(pid) : OptionalLong.empty();
		}
		catch (NumberFormatException ex) {
			return OptionalLong.empty();
		}
	}

	/**
	 * Deletes the file if it exists.
	 */
	public void delete() {
		try {
			Files.deleteIfExists(this.path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The live process this file points at, if it is ours; a stale file is deleted.
	 * @return the process, or empty if the component is not running
	 */
	public Optional<ProcessHandle> liveProcess() {
		OptionalLong pid = read();
		if (pid.isEmpty()) {
			if (Files.exists(this.path)) {
				delete();
			}
			return Optional.empty();
		}
		Optional<ProcessHandle> handle = ProcessHandle.of(pid.getAsLong()).filter(ProcessInfo::isRunning);
		if (handle.isPresent() && isOurs(handle.get())) {
			return handle;
		}
		delete();
		return Optional.empty();
	}

	private boolean isOurs(ProcessHandle handle) {
		return commandLineMatches(ProcessInfo.commandLine(handle), this.component, this.home);
	}

	/**
	 * Whether a command line is that of the given component of the given platform.
	 * @param commandLine the arguments, program first
	 * @param component the component's name
	 * @param home the platform's home
	 * @return {@code true} if both markers are present
	 */
	static boolean commandLineMatches(List<String> commandLine, String component, SouqHome home) {
		return commandLine.contains(componentMarker(component)) && commandLine.contains(homeMarker(home));
	}

}
