package io.souq.starter.domain;

import java.util.Objects;

/**
 * A change the domain's rules refuse: thrown by aggregates, answered by the starter with
 * a 422 problem document whose type ends with the code
 * ({@code https://souq.io/problems/below-reserved}) and whose detail is the message, so
 * both must be written for the caller.
 */
public class Refused extends RuntimeException {

	private final String code;

	/**
	 * @param code a short kebab-case code naming the rule, e.g. {@code below-reserved}
	 * @param message what was refused and why, for the caller
	 */
	public Refused(String code, String message) {
		super(message);
		this.code = Objects.requireNonNull(code, "code");
	}

	public String code() {
		return this.code;
	}

}
