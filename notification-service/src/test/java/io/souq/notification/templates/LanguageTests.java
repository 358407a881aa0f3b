package io.souq.notification.templates;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageTests {

	@ParameterizedTest
	@ValueSource(strings = { "ar", "AR", "ar-SA", "ar-EG", "ar_AE", " ar " })
	void writesArabicToArabicLocales(String locale) {
		assertThat(Language.of(locale)).isEqualTo(Language.AR);
		assertThat(Language.AR.rightToLeft()).isTrue();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "en", "en-GB", "fr", "de-DE", "arabic", "ary", "not a locale", "  " })
	void writesEnglishToEveryoneElse(String locale) {
		assertThat(Language.of(locale)).isEqualTo(Language.EN);
		assertThat(Language.EN.rightToLeft()).isFalse();
	}

	@ParameterizedTest
	@CsvSource(nullValues = "null", value = { "ar, AR, ar-SA", "ar-EG, AR, ar-EG", "ar_AE, AR, ar-AE", "en, EN, en-US",
			"en-GB, EN, en-GB", "fr-FR, EN, en-US", "null, EN, en-US" })
	void formatsForTheCustomersRegionWhenTheyNameOne(String locale, Language language, String formats) {
		assertThat(Language.of(locale)).isEqualTo(language);
		assertThat(language.formats(locale)).isEqualTo(Locale.forLanguageTag(formats));
	}

}
