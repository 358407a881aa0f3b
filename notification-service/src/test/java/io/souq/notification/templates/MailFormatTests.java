package io.souq.notification.templates;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import io.souq.events.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailFormatTests {

	static final String RLM = "\u200f";

	static final String NBSP = "\u00a0";

	final MailFormat english = new MailFormat(Locale.forLanguageTag("en-US"), ZoneOffset.UTC);

	final MailFormat arabic = new MailFormat(Locale.forLanguageTag("ar-SA"), ZoneOffset.UTC);

	@Test
	void formatsMoneyForTheLocaleAndCurrency() {
		assertThat(this.english.money(Money.of("25.90", "EUR"))).isEqualTo("€25.90");
		assertThat(this.english.money(Money.of("1234.5", "SAR"))).isEqualTo("SAR1,234.50");
		assertThat(this.english.money(Money.of("29", "USD"))).isEqualTo("$29.00");
		assertThat(this.english.money(Money.of("5", "JPY"))).isEqualTo("¥5");
		assertThat(this.arabic.money(Money.of("29.00", "SAR"))).isEqualTo(RLM + "٢٩٫٠٠" + NBSP + "ر.س.\u200f");
		assertThat(this.arabic.money(Money.of("25.90", "EUR"))).isEqualTo(RLM + "٢٥٫٩٠" + NBSP + "€");
		assertThat(this.arabic.money(Money.of("1234.5", "EUR"))).contains("١٬٢٣٤٫٥٠");
		assertThat(this.english.money(null)).isNull();
	}

	@Test
	void keepsEveryDigitOfAnAmount() {
		assertThat(this.english.money(Money.of("0.125", "EUR"))).isEqualTo("€0.125");
		assertThat(this.english.money(Money.of("12.50", "ABC"))).isEqualTo("12.50 ABC");
	}

	@Test
	void formatsDatesAndCountsForTheLocale() {
		Instant at = Instant.parse("2026-11-27T09:00:00Z");
		assertThat(this.english.date(at)).isEqualTo("November 27, 2026");
		assertThat(this.arabic.date(at)).isEqualTo("٢٧ نوفمبر ٢٠٢٦");
		assertThat(new MailFormat(Locale.forLanguageTag("en-GB"), ZoneOffset.UTC).date(at))
			.isEqualTo("27 November 2026");
		assertThat(new MailFormat(Locale.forLanguageTag("en-US"), ZoneId.of("Pacific/Kiritimati"))
			.date(Instant.parse("2026-11-27T23:00:00Z"))).isEqualTo("November 28, 2026");
		assertThat(this.english.date(null)).isNull();
		assertThat(this.arabic.number(1234)).isEqualTo("١٬٢٣٤");
		assertThat(this.english.number(1234)).isEqualTo("1,234");
	}

	@Test
	void namesCountriesInTheLocalesLanguage() {
		assertThat(this.english.country("SA")).isEqualTo("Saudi Arabia");
		assertThat(this.arabic.country("sa")).isEqualTo("المملكة العربية السعودية");
		assertThat(this.english.country("ZZ9")).isEqualTo("ZZ9");
		assertThat(this.english.country(null)).isNull();
	}

}
