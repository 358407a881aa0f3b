package io.souq.events;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount in a currency. On the wire the amount is a decimal string ({@code "19.99"}),
 * never a float.
 *
 * @param amount the exact amount
 * @param currency ISO 4217 code, e.g. {@code EUR}
 */
public record Money(BigDecimal amount, String currency) {

	public Money {
		Objects.requireNonNull(amount, "amount");
		if (currency == null || !currency.matches("[A-Z]{3}")) {
			throw new IllegalArgumentException("currency must be an ISO 4217 code");
		}
	}

	public static Money of(String amount, String currency) {
		return new Money(new BigDecimal(amount), currency);
	}

}
