package io.souq.customer;

import java.util.ArrayList;
import java.util.List;

/**
 * What a customer's password must be: 8 to 128 characters, with at least one letter and
 * one digit, and not the email itself.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 8;

	public static final int MAX_LENGTH = 128;

	private PasswordPolicy() {
	}

	/**
	 * The rules the password breaks; empty when it is acceptable.
	 */
	public static List<String> violations(String password, String email) {
		List<String> violations = new ArrayList<>();
		if (password == null || password.length() < MIN_LENGTH) {
			violations.add("must have at least " + MIN_LENGTH + " characters");
			return violations;
		}
		if (password.length() > MAX_LENGTH) {
			violations.add("must have at most " + MAX_LENGTH + " characters");
		}
		if (password.codePoints().noneMatch(Character::isLetter)) {
			violations.add("must contain a letter");
		}
		if (password.codePoints().noneMatch(Character::isDigit)) {
			violations.add("must contain a digit");
		}
		if (email != null && password.equalsIgnoreCase(email.trim())) {
			violations.add("must not be the email address");
		}
		return violations;
	}

}
