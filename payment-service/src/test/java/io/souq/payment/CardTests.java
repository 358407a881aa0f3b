package io.souq.payment;

import java.time.Instant;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CardTests {

	static final YearMonth NOW = YearMonth.of(2026, 11);

	@ParameterizedTest
	@ValueSource(strings = { "4242424242424242", "5555555555554444", "378282246310005", "4000000000000002",
			"2223003122003222", "6011111111111117", "4222222222222" })
	void acceptsNumbersThatPassTheLuhnCheck(String number) {
		assertThat(Card.luhn(number)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "4242424242424241", "5555555555554443", "378282246310006", "1234567890123" })
	void refusesNumbersThatFailTheLuhnCheck(String number) {
		assertThat(Card.luhn(number)).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "4242424242424242, VISA", "5105105105105100, MASTERCARD", "5555555555554444, MASTERCARD",
			"2221000000000009, MASTERCARD", "2720990000000007, MASTERCARD", "378282246310005, AMEX",
			"341111111111111, AMEX" })
	void tellsTheBrandFromTheFirstDigits(String number, CardBrand brand) {
		assertThat(CardBrand.of(number)).contains(brand);
	}

	@ParameterizedTest
	@ValueSource(strings = { "6011111111111117", "2220990000000000", "2721000000000000", "5000000000000000",
			"3530111333300000", "12ab" })
	void knowsNoOtherBrand(String number) {
		assertThat(CardBrand.of(number)).isEmpty();
	}

	@Test
	void acceptsAValidCardWithSpacesAndDashesAndHidesItsNumber() {
		Card card = Card.of(" 4242 4242-4242 4242 ", "12", "2030", "123", "  Amira Haddad ", NOW);
		assertThat(card.number()).isEqualTo("4242424242424242");
		assertThat(card.brand()).isEqualTo(CardBrand.VISA);
		assertThat(card.last4()).isEqualTo("4242");
		assertThat(card.expMonth()).isEqualTo(12);
		assertThat(card.expYear()).isEqualTo(2030);
		assertThat(card.holderName()).isEqualTo("Amira Haddad");
		assertThat(card.toString()).doesNotContain("4242424242424242", "123").contains("4242");
	}

	@Test
	void acceptsACardValidThroughThisMonth() {
		assertThat(Card.of("5555555555554444", "11", "2026", "123", "A", NOW).brand()).isEqualTo(CardBrand.MASTERCARD);
	}

	@Test
	void wantsFourDigitsOfSecurityCodeForAmexAndThreeOtherwise() {
		assertThat(Card.of("378282246310005", "1", "2027", "1234", "A", NOW).cvc()).isEqualTo("1234");
		assertThat(fieldsOf("378282246310005", "1", "2027", "123", "A")).containsExactly("cvc");
		assertThat(fieldsOf("4242424242424242", "1", "2027", "1234", "A")).containsExactly("cvc");
		assertThat(fieldsOf("4242424242424242", "1", "2027", "12a", "A")).containsExactly("cvc");
	}

	@Test
	void refusesBadNumbersWithoutEchoingThem() {
		String[] numbers = { "4242424242424241", "6011111111111117", "4242 4242 4242 424x", "42424242424", "" };
		for (String number : numbers) {
			InvalidCard invalid = catchThrowableOfType(InvalidCard.class,
					() -> Card.of(number, "12", "2030", "123", "A", NOW));
			assertThat(invalid.violations()).extracting(InvalidCard.Violation::field).containsExactly("cardNumber");
			assertThat(invalid.getMessage()).doesNotContain("4242", "6011");
			assertThat(invalid.violations())
				.allSatisfy((v) -> assertThat(v.message()).doesNotContain("4242", "6011", "123"));
		}
	}

	@Test
	void refusesAPastExpiryOnTheFieldThatIsWrong() {
		assertThat(fieldsOf("4242424242424242", "10", "2026", "123", "A")).containsExactly("expMonth");
		assertThat(fieldsOf("4242424242424242", "12", "2025", "123", "A")).containsExactly("expYear");
		assertThat(fieldsOf("4242424242424242", "12", "2047", "123", "A")).containsExactly("expYear");
		assertThat(fieldsOf("4242424242424242", "12", "2046", "123", "A")).isEmpty();
		assertThat(fieldsOf("4242424242424242", "13", "2030", "123", "A")).containsExactly("expMonth");
		assertThat(fieldsOf("4242424242424242", "0", "2030", "123", "A")).containsExactly("expMonth");
		assertThat(fieldsOf("4242424242424242", "twelve", "30", "123", "A")).containsExactly("expMonth", "expYear");
	}

	@Test
	void wantsAHolderNameOfAtMostAHundredCharactersAndNoCardNumberInIt() {
		assertThat(fieldsOf("4242424242424242", "12", "2030", "123", " ")).containsExactly("holderName");
		assertThat(fieldsOf("4242424242424242", "12", "2030", "123", "x".repeat(101))).containsExactly("holderName");
		assertThat(fieldsOf("4242424242424242", "12", "2030", "123", "x".repeat(100))).isEmpty();
		assertThat(fieldsOf("4242424242424242", "12", "2030", "123", "Amira 4242 4242-4242 4242"))
			.containsExactly("holderName");
		assertThat(fieldsOf("4242424242424242", "12", "2030", "123", "Louis 14th, 1638-1715")).isEmpty();
	}

	@Test
	void listsEveryFieldThatIsWrong() {
		assertThat(fieldsOf(null, null, null, null, null)).containsExactlyInAnyOrder("cardNumber", "cvc", "expMonth",
				"expYear", "holderName");
	}

	@Test
	void aCardIsValidThroughTheLastInstantOfItsMonthInUtc() {
		assertThat(Card.expired(11, 2026, Instant.parse("2026-11-30T23:59:59Z"))).isFalse();
		assertThat(Card.expired(11, 2026, Instant.parse("2026-12-01T00:00:00Z"))).isTrue();
		assertThat(Card.expired(12, 2026, Instant.parse("2027-01-01T00:00:00Z"))).isTrue();
		assertThat(Card.expired(12, 2026, Instant.parse("2026-12-31T12:00:00Z"))).isFalse();
	}

	private static java.util.List<String> fieldsOf(String number, String month, String year, String cvc,
			String holder) {
		try {
			Card.of(number, month, year, cvc, holder, NOW);
			return java.util.List.of();
		}
		catch (InvalidCard ex) {
			return ex.violations().stream().map(InvalidCard.Violation::field).toList();
		}
	}

}
