package io.souq.notification.templates;

import java.util.Locale;

/**
 * The languages the messages are written in, and how a customer's locale picks one:
 * {@code ar} and its regional variants ({@code ar-EG}, {@code ar_SA}) are Arabic,
 * anything else, or no locale at all, is English.
 */
public enum Language {

	EN("en", Locale.forLanguageTag("en-US"), false),

	/** Right to left; Saudi formats by default (Arabic-Indic digits). */
	AR("ar", Locale.forLanguageTag("ar-SA"), true);

	private final String code;

	private final Locale defaultFormats;

	private final boolean rightToLeft;

	Language(String code, Locale defaultFormats, boolean rightToLeft) {
		this.code = code;
		this.defaultFormats = defaultFormats;
		this.rightToLeft = rightToLeft;
	}

	/** The language of a locale such as {@code ar}, {@code ar-EG}, {@code en_GB}. */
	public static Language of(String locale) {
		return AR.code.equals(parse(locale).getLanguage()) ? AR : EN;
	}

	/**
	 * The locale to format money, numbers and dates with for a customer's locale: the
	 * customer's own when it names a region of this language ({@code en-GB},
	 * {@code ar-EG}), otherwise this language's default ({@code en-US}, {@code ar-SA}).
	 */
	public Locale formats(String locale) {
		Locale parsed = parse(locale);
		if (this.code.equals(parsed.getLanguage()) && !parsed.getCountry().isEmpty()) {
			return parsed;
		}
		return this.defaultFormats;
	}

	/** The ISO 639 code, e.g. {@code ar}: the {@code lang} of the HTML. */
	public String code() {
		return this.code;
	}

	public boolean rightToLeft() {
		return this.rightToLeft;
	}

	private static Locale parse(String locale) {
		if (locale == null || locale.isBlank()) {
			return Locale.ROOT;
		}
		return Locale.forLanguageTag(locale.strip().replace('_', '-'));
	}

}
