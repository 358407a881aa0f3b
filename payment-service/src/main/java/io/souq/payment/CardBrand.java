package io.souq.payment;

import java.util.Optional;

/**
 * The card brands payment-service accepts, told apart by the first digits of the number.
 */
public enum CardBrand {

	/** Numbers starting with 4. */
	VISA(3),

	/** Numbers starting with 51 to 55 or 2221 to 2720. */
	MASTERCARD(3),

	/** Numbers starting with 34 or 37; a four-digit security code. */
	AMEX(4);

	private final int cvcLength;

	CardBrand(int cvcLength) {
		this.cvcLength = cvcLength;
	}

	/** How many digits the card's security code (CVC) has. */
	public int cvcLength() {
		return this.cvcLength;
	}

	/**
	 * The brand of a card number.
	 * @param digits the number, digits only
	 * @return the brand, or empty when the number is of no brand accepted here
	 */
	public static Optional<CardBrand> of(String digits) {
		if (digits == null || digits.length() < 4 || !digits.chars().allMatch(Card::isAsciiDigit)) {
			return Optional.empty();
		}
		if (digits.charAt(0) == '4') {
			return Optional.of(VISA);
		}
		int two = Integer.parseInt(digits.substring(0, 2));
		if (two == 34 || two == 37) {
			return Optional.of(AMEX);
		}
		int four = Integer.parseInt(digits.substring(0, 4));
		if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
			return Optional.of(MASTERCARD);
		}
		return Optional.empty();
	}

}
