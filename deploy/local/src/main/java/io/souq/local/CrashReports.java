package io.souq.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a crashed JVM leaves behind in the platform's home: {@code hs_err_pid<N>.log}
 * (written to its working directory, the home) and core files. A normal stop leaves none;
 * {@code ./souq down} warns about any it finds.
 */
final class CrashReports {

	private static final Pattern FILE = Pattern.compile("hs_err_pid\\d+\\.log|core(\\.\\d+)?");

	private static final Pattern COMPONENT = Pattern.compile("-Dsouq\\.component=(\\S+)");

	/** Deep enough for the home, its logs and each extracted application's directory. */
	private static final int DEPTH = 3;

	private CrashReports() {
	}

	/**
	 * The crash reports and core files under a home.
	 * @param home the platform's home
	 * @return their paths, sorted; empty if there are none or the home does not exist
	 */
	static List<Path> find(SouqHome home) {
		if (!Files.isDirectory(home.root())) {
			return List.of();
		}
		try (Stream<Path> paths = Files.walk(home.root(), DEPTH)) {
			return paths.filter((path) -> FILE.matcher(path.getFileName().toString()).matches())
				.filter(Files::isRegularFile)
				.sorted()
				.toList();
		}
		catch (IOException | RuntimeException ex) {
			return List.of();
		}
	}

	/**
	 * The component whose JVM wrote a crash report, from the command line the report
	 * records.
	 * @param report an {@code hs_err_pid<N>.log}
	 * @return the component's name, or empty if the report does not name one
	 */
	static Optional<String> component(Path report) {
		try (BufferedReader reader = Files.newBufferedReader(report, StandardCharsets.ISO_8859_1)) {
			String line;
			int read = 0;
			while ((line = reader.readLine()) != null && read++ < 5000) {
				Matcher matcher = COMPONENT.matcher(line);
				if (matcher.find()) {
					return Optional.of(matcher.group(1));
				}
			}
			return Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * One line about the crash reports found, for {@code ./souq down}.
	 * @param reports the reports ({@link #find(SouqHome)})
	 * @param home the platform's home, for relative names
	 * @param shownHome how the home is shown, e.g. {@code .souq}
	 * @return the warning, or empty if there are no reports
	 */
	static Optional<String> warning(List<Path> reports, SouqHome home, String shownHome) {
		if (reports.isEmpty()) {
			return Optional.empty();
		}
		List<String> names = new ArrayList<>();
		for (Path report : reports) {
			String name = home.root().relativize(report).toString();
			names.add(component(report).map((component) -> name + " (" + component + ")").orElse(name));
		}
		return Optional.of("warning: a JVM crashed: " + shownHome + " holds " + String.join(", ", names)
				+ " (read, then delete " + ((reports.size() > 1) ? "them" : "it") + ")");
	}

}
