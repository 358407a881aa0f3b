package io.souq.local;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the Souq checkout. Has no logger on purpose: the command line calls it before its
 * logging is configured.
 */
final class RepositoryRoot {

	private RepositoryRoot() {
	}

	/**
	 * The {@code souq.repository.root} system property if set, otherwise the nearest
	 * directory above the working directory that holds {@code deploy/local/pom.xml}.
	 * @return the repository root
	 * @throws SouqException if there is none
	 */
	static Path find() {
		String property = System.getProperty("souq.repository.root");
		if (property != null && !property.isBlank()) {
			return Path.of(property).toAbsolutePath().normalize();
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("deploy/local/pom.xml"))) {
				return dir;
			}
		}
		throw new SouqException("cannot find the Souq checkout above " + Path.of("").toAbsolutePath());
	}

}
