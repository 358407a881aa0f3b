package io.souq.shipping;

import java.util.Locale;
import java.util.Set;

/**
 * The ISO 3166-1 alpha-2 country codes ({@link Locale#getISOCountries()}).
 */
public final class Countries {

	private static final Set<String> CODES = Set.of(Locale.getISOCountries());

	private Countries() {
	}

	/** Whether the code is an ISO 3166-1 alpha-2 country code (upper case). */
	public static boolean isKnown(String code) {
		return code != null && CODES.contains(code);
	}

	/** The code stripped and in upper case, or {@code null} when blank. */
	public static String normalize(String code) {
		return (code == null || code.isBlank()) ? null : code.strip().toUpperCase(Locale.ROOT);
	}

}
