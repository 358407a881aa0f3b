package io.souq.notification.templates;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

import io.souq.events.Money;

/**
 * Money, numbers, dates and countries as the reader's locale writes them: {@code €25.90}
 * and {@code November 27, 2026} in English, {@code ٢٥٫٩٠ €} and {@code ٢٧ نوفمبر ٢٠٢٦} in
 * Saudi Arabic. Dates are days in the configured time zone.
 */
public final class MailFormat {

	private final Locale locale;

	private final ZoneId zone;

	private final DateTimeFormatter dates;

	public MailFormat(Locale locale, ZoneId zone) {
		this.locale = Objects.requireNonNull(locale, "locale");
		this.zone = Objects.requireNonNull(zone, "zone");
		this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
			.withLocale(locale)
			.withDecimalStyle(DecimalStyle.of(locale));
	}

	/** An amount with its currency, e.g. {@code €25.90}; {@code null} for none. */
	public String money(Money money) {
		if (money == null) {
			return null;
		}
		Currency currency = currency(money.currency());
		if (currency == null) {
			// a code the JDK does not know: the number in the locale's digits and the
			// code
			NumberFormat number = NumberFormat.getNumberInstance(this.locale);
			int scale = Math.max(money.amount().scale(), 0);
			number.setMinimumFractionDigits(scale);
			number.setMaximumFractionDigits(scale);
			return number.format(money.amount()) + " " + money.currency();
		}
		NumberFormat format = NumberFormat.getCurrencyInstance(this.locale);
		format.setCurrency(currency);
		int digits = Math.max(currency.getDefaultFractionDigits(), 0);
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(Math.max(digits, money.amount().stripTrailingZeros().scale()));
		return format.format(money.amount());
	}

	/** A count in the locale's digits. */
	public String number(long value) {
		return NumberFormat.getIntegerInstance(this.locale).format(value);
	}

	/** The day of an instant, e.g. {@code November 27, 2026}; {@code null} for none. */
	public String date(Instant instant) {
		return (instant != null) ? this.dates.format(instant.atZone(this.zone)) : null;
	}

	/** A country's name from its ISO 3166 code, e.g. {@code Saudi Arabia}. */
	public String country(String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		String name = Locale.of("", code.strip().toUpperCase(Locale.ROOT)).getDisplayCountry(this.locale);
		return (name == null || name.isBlank()) ? code : name;
	}

	public Locale locale() {
		return this.locale;
	}

	private static Currency currency(String code) {
		try {
			return Currency.getInstance(code);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return null;
		}
	}

}
