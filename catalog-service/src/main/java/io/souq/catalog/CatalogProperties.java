package io.souq.catalog;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the catalog.
 *
 * @param currencies the currencies products may be priced in
 * @param defaultCurrency the currency of a price filter or order when the request names
 * none
 */
@ConfigurationProperties("souq.catalog")
public record CatalogProperties(@DefaultValue( {
		"EUR", "USD", "SAR" }) List<String> currencies, @DefaultValue("EUR") String defaultCurrency){

	public CatalogProperties {
		currencies = List.copyOf(currencies);
		if (!currencies.contains(defaultCurrency)) {
			throw new IllegalArgumentException(
					"souq.catalog.default-currency " + defaultCurrency + " is not one of " + currencies);
		}
	}

	public Set<String> supported() {
		return Set.copyOf(this.currencies);
	}

}
