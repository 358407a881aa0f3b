package io.souq.payment;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Card details as a customer typed them, checked: the number passes the Luhn check and is
 * of an accepted {@link CardBrand brand}, the security code fits the brand, the card has
 * not expired, the holder's name is given. It exists only while the request that
 * registers the card runs: the number and the security code are handed to the payment
 * provider and never stored, logged or echoed ({@link #toString()} shows neither).
 */
public final class Card {

	static final int MIN_DIGITS = 12;

	static final int MAX_DIGITS = 19;

	static final int MAX_YEARS_AHEAD = 20;

	static final int MAX_HOLDER_NAME = 100;

	private final String number;

	private final String cvc;

	private final CardBrand brand;

	private final int expMonth;

	private final int expYear;

	private final String holderName;

	private Card(String number, String cvc, CardBrand brand, int expMonth, int expYear, String holderName) {
		this.number = number;
		this.cvc = cvc;
		this.brand = brand;
		this.expMonth = expMonth;
		this.expYear = expYear;
		this.holderName = holderName;
	}

	/**
	 * Checks card details as they came in a request. No message of the exception contains
	 * the number or the security code.
	 * @param cardNumber the number; spaces and dashes between the digits are allowed
	 * @param expMonth the month of expiry, 1 to 12
	 * @param expYear the year of expiry, four digits
	 * @param cvc the security code
	 * @param holderName the name on the card
	 * @param currentMonth this month (UTC)
	 * @return the checked card
	 * @throws InvalidCard listing every field that is not valid
	 */
	public static Card of(String cardNumber, String expMonth, String expYear, String cvc, String holderName,
			YearMonth currentMonth) {
		List<InvalidCard.Violation> violations = new ArrayList<>();
		String digits = number(cardNumber, violations);
		CardBrand brand = null;
		if (digits != null) {
			brand = CardBrand.of(digits).orElse(null);
			if (brand == null) {
				violations.add(new InvalidCard.Violation("cardNumber",
						"is of a card brand that is not accepted (Visa, Mastercard or American Express)"));
			}
		}
		String code = cvc(cvc, brand, violations);
		Integer month = month(expMonth, violations);
		Integer year = year(expYear, currentMonth, violations);
		if (month != null && year != null && YearMonth.of(year, month).isBefore(currentMonth)) {
			violations.add(new InvalidCard.Violation((year == currentMonth.getYear()) ? "expMonth" : "expYear",
					"the card has expired"));
		}
		String name = holderName(holderName, violations);
		if (!violations.isEmpty()) {
			throw new InvalidCard(violations);
		}
		return new Card(digits, code, brand, month, year, name);
	}

	/**
	 * Whether a card valid through the end of the given month (UTC) has expired at the
	 * instant.
	 */
	public static boolean expired(int expMonth, int expYear, Instant at) {
		Instant end = YearMonth.of(expYear, expMonth).plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		return !at.isBefore(end);
	}

	/**
	 * Whether the digits pass the Luhn check (the last digit is the check digit).
	 */
	public static boolean luhn(String digits) {
		int sum = 0;
		boolean twice = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int digit = digits.charAt(i) - '0';
			if (twice) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			twice = !twice;
		}
		return sum % 10 == 0;
	}

	/** The number, digits only: for the payment provider, never to be kept. */
	public String number() {
		return this.number;
	}

	/** The security code: for the payment provider, never to be kept. */
	public String cvc() {
		return this.cvc;
	}

	public CardBrand brand() {
		return this.brand;
	}

	public String last4() {
		return this.number.substring(this.number.length() - 4);
	}

	public int expMonth() {
		return this.expMonth;
	}

	public int expYear() {
		return this.expYear;
	}

	public String holderName() {
		return this.holderName;
	}

	/** The brand, the last four digits and the expiry: never the number or the code. */
	@Override
	public String toString() {
		return "Card[" + this.brand + " ****" + last4() + " " + this.expMonth + "/" + this.expYear + "]";
	}

	static boolean isAsciiDigit(int c) {
		return c >= '0' && c <= '9';
	}

	private static String number(String text, List<InvalidCard.Violation> violations) {
		if (text == null || text.isBlank()) {
			violations.add(new InvalidCard.Violation("cardNumber", "is required"));
			return null;
		}
		StringBuilder digits = new StringBuilder(MAX_DIGITS);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (isAsciiDigit(c)) {
				digits.append(c);
			}
			else if (c != ' ' && c != '-') {
				violations.add(new InvalidCard.Violation("cardNumber", "must have only digits, spaces and dashes"));
				return null;
			}
		}
		if (digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS) {
			violations.add(new InvalidCard.Violation("cardNumber",
					"must have " + MIN_DIGITS + " to " + MAX_DIGITS + " digits"));
			return null;
		}
		if (!luhn(digits.toString())) {
			violations.add(new InvalidCard.Violation("cardNumber", "is not a valid card number (check digit)"));
			return null;
		}
		return digits.toString();
	}

	private static String cvc(String text, CardBrand brand, List<InvalidCard.Violation> violations) {
		if (text == null || text.isBlank()) {
			violations.add(new InvalidCard.Violation("cvc", "is required"));
			return null;
		}
		String code = text.strip();
		boolean digits = code.chars().allMatch(Card::isAsciiDigit);
		if (brand != null) {
			if (!digits || code.length() != brand.cvcLength()) {
				violations.add(new InvalidCard.Violation("cvc", "must be " + brand.cvcLength() + " digits"));
				return null;
			}
		}
		else if (!digits || code.length() < 3 || code.length() > 4) {
			violations.add(new InvalidCard.Violation("cvc", "must be 3 or 4 digits"));
			return null;
		}
		return code;
	}

	private static Integer month(String text, List<InvalidCard.Violation> violations) {
		Integer month = small(text);
		if (month == null || month < 1 || month > 12) {
			violations.add(new InvalidCard.Violation("expMonth", "must be a month from 1 to 12"));
			return null;
		}
		return month;
	}

	private static Integer year(String text, YearMonth currentMonth, List<InvalidCard.Violation> violations) {
		Integer year = small(text);
		int last = currentMonth.getYear() + MAX_YEARS_AHEAD;
		if (year == null) {
			violations.add(new InvalidCard.Violation("expYear", "must be a year such as " + last));
			return null;
		}
		if (year < currentMonth.getYear()) {
			violations.add(new InvalidCard.Violation("expYear", "the card has expired"));
			return null;
		}
		if (year > last) {
			violations.add(new InvalidCard.Violation("expYear", "must be " + last + " at the latest"));
			return null;
		}
		return year;
	}

	private static String holderName(String text, List<InvalidCard.Violation> violations) {
		String name = (text != null) ? text.strip() : "";
		if (name.isEmpty()) {
			violations.add(new InvalidCard.Violation("holderName", "is required"));
			return null;
		}
		if (name.length() > MAX_HOLDER_NAME) {
			violations
				.add(new InvalidCard.Violation("holderName", "must have at most " + MAX_HOLDER_NAME + " characters"));
			return null;
		}
		if (name.chars().anyMatch(Character::isISOControl)) {
			violations.add(new InvalidCard.Violation("holderName", "must not contain control characters"));
			return null;
		}
		if (containsCardNumber(name)) {
			// it would be stored: a number typed into the wrong field is refused too
			violations.add(new InvalidCard.Violation("holderName", "must not contain a card number"));
			return null;
		}
		return name;
	}

	/** Whether the text has a run of 12 digits or more (spaces and dashes between). */
	static boolean containsCardNumber(String text) {
		int run = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (isAsciiDigit(c)) {
				run++;
				if (run >= MIN_DIGITS) {
					return true;
				}
			}
			else if (c != ' ' && c != '-') {
				run = 0;
			}
		}
		return false;
	}

	/** A whole number of at most four digits, or {@code null}. */
	private static Integer small(String text) {
		if (text == null) {
			return null;
		}
		String value = text.strip();
		if (value.isEmpty() || value.length() > 4 || !value.chars().allMatch(Card::isAsciiDigit)) {
			return null;
		}
		return Integer.valueOf(value);
	}

}
