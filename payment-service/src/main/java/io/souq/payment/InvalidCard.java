package io.souq.payment;

import java.util.List;

/**
 * Card details that are not valid. Neither the message nor the violations contain what
 * was typed: a card number or security code must never reach a log or an error.
 */
public class InvalidCard extends RuntimeException {

	private final List<Violation> violations;

	InvalidCard(List<Violation> violations) {
		super("The card details are not valid: " + violations.stream().map(Violation::field).toList());
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return this.violations;
	}

	/**
	 * One field that is not valid.
	 *
	 * @param field the request field
	 * @param message what is wrong with it, never the value
	 */
	public record Violation(String field, String message) {
	}

}
