package io.souq.cart;

import java.util.Currency;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the carts ({@code souq.cart.*}).
 *
 * @param defaultCurrency the currency of a new cart when the first add names none
 * @param currencies the currencies a cart may hold (ISO 4217 codes)
 */
@ConfigurationProperties("souq.cart")
public record CartProperties(@DefaultValue("EUR") String defaultCurrency, @DefaultValue( {
		"EUR", "USD", "SAR" }) List<String> currencies){

	public CartProperties {
		currencies = List.copyOf(currencies);
		if (currencies.isEmpty()) {
			throw new IllegalArgumentException("souq.cart.currencies must name at least one currency");
		}
		for (String code : currencies) {
			if (code == null || !code.matches("[A-Z]{3}") || !isIsoCode(code)) {
				throw new IllegalArgumentException("souq.cart.currencies: '" + code + "' is not an ISO 4217 code");
			}
		}
		if (!currencies.contains(defaultCurrency)) {
			throw new IllegalArgumentException("souq.cart.default-currency '" + defaultCurrency
					+ "' is not one of souq.cart.currencies " + currencies);
		}
	}

	/** Whether a cart may hold this currency. */
	public boolean supports(String currency) {
		return this.currencies.contains(currency);
	}

	private static boolean isIsoCode(String code) {
		try {
			Currency.getInstance(code);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
