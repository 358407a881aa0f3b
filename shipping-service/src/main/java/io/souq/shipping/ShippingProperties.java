package io.souq.shipping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of shipping ({@code souq.shipping.*}): the zones, the carriers, the delivery
 * times and the tariff of every currency. Checked when the service starts: a tariff with
 * a gap (a zone, option or currency without a price) stops it.
 *
 * @param homeCountry the platform's home country, the domestic zone
 * @param regionalCountries the countries of the regional zone
 * @param unservedCountries destinations no carrier takes: quoted, but a shipment there
 * fails
 * @param defaultCurrency the currency of a quote that names none
 * @param carriers the carrier of each option
 * @param deliveryDays the delivery time of each zone and option
 * @param currencies the tariff of each currency quotes can be asked in
 */
@ConfigurationProperties("souq.shipping")
public record ShippingProperties(@DefaultValue("SA") String homeCountry, @DefaultValue( {
		"AE", "BH", "KW", "OM", "QA", "JO", "EG", "LB", "MA", "TN" }) List<String> regionalCountries,
		@DefaultValue({ "AQ", "KP" }) List<String> unservedCountries, @DefaultValue("EUR") String defaultCurrency,
		Map<ShippingOption, Carrier> carriers, Map<Zone, Map<ShippingOption, DeliveryDays>> deliveryDays,
		Map<String, Tariff> currencies){

	public ShippingProperties {
		List<String> problems = new ArrayList<>();
		homeCountry = Countries.normalize(homeCountry);
		if (!Countries.isKnown(homeCountry)) {
			problems.add("home-country " + homeCountry + " is not an ISO 3166-1 alpha-2 code");
		}
		regionalCountries = countries("regional-countries", regionalCountries, problems);
		unservedCountries = countries("unserved-countries", unservedCountries, problems);
		if (regionalCountries.contains(homeCountry)) {
			problems.add("regional-countries must not contain the home country " + homeCountry);
		}
		carriers = (carriers != null) ? Map.copyOf(carriers) : Map.of();
		deliveryDays = (deliveryDays != null) ? copy(deliveryDays) : Map.of();
		currencies = upperCaseKeys(currencies);
		for (ShippingOption option : ShippingOption.values()) {
			if (!carriers.containsKey(option)) {
				problems.add("carriers." + option + " is missing");
			}
			for (Zone zone : Zone.values()) {
				if (!deliveryDays.getOrDefault(zone, Map.of()).containsKey(option)) {
					problems.add("delivery-days." + zone + "." + option + " is missing");
				}
			}
		}
		if (currencies.isEmpty()) {
			problems.add("currencies needs at least one tariff");
		}
		currencies.forEach((currency, tariff) -> {
			if (!currency.matches("[A-Z]{3}")) {
				problems.add("currencies." + currency + " is not an ISO 4217 code");
			}
			for (Zone zone : Zone.values()) {
				for (ShippingOption option : ShippingOption.values()) {
					if (tariff.rate(zone, option) == null) {
						problems.add("currencies." + currency + ".rates." + zone + "." + option + " is missing");
					}
				}
			}
		});
		if (!currencies.containsKey(defaultCurrency)) {
			problems.add("default-currency " + defaultCurrency + " has no tariff");
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("souq.shipping is not complete: " + String.join("; ", problems));
		}
	}

	/** The currencies quotes can be asked in, sorted. */
	public Set<String> supportedCurrencies() {
		return new TreeSet<>(this.currencies.keySet());
	}

	private static List<String> countries(String name, List<String> codes, List<String> problems) {
		List<String> normalized = new ArrayList<>();
		for (String code : (codes != null) ? codes : List.<String>of()) {
			String country = Countries.normalize(code);
			if (!Countries.isKnown(country)) {
				problems.add(name + " contains " + code + ", not an ISO 3166-1 alpha-2 code");
			}
			normalized.add(country);
		}
		return List.copyOf(normalized);
	}

	private static Map<String, Tariff> upperCaseKeys(Map<String, Tariff> tariffs) {
		Map<String, Tariff> copy = new LinkedHashMap<>();
		if (tariffs != null) {
			tariffs.forEach((currency, tariff) -> copy.put(currency.toUpperCase(Locale.ROOT), tariff));
		}
		return Map.copyOf(copy);
	}

	private static Map<Zone, Map<ShippingOption, DeliveryDays>> copy(
			Map<Zone, Map<ShippingOption, DeliveryDays>> days) {
		Map<Zone, Map<ShippingOption, DeliveryDays>> copy = new EnumMap<>(Zone.class);
		days.forEach((zone, byOption) -> copy.put(zone, new EnumMap<>(byOption)));
		return copy;
	}

	/**
	 * A carrier.
	 *
	 * @param name its name, e.g. {@code Aramex}
	 * @param code two or three letters in its tracking numbers, e.g. {@code AR}
	 */
	public record Carrier(String name, String code) {

		public Carrier {
			if (name == null || name.isBlank()) {
				throw new IllegalArgumentException("a carrier needs a name");
			}
			if (code == null || !code.matches("[A-Z]{2,3}")) {
				throw new IllegalArgumentException("the code of carrier " + name + " must be 2 or 3 capital letters");
			}
		}

	}

	/**
	 * The prices of one currency.
	 *
	 * @param freeStandardFrom a subtotal from which standard shipping is free
	 * @param rates the rate of each zone and option
	 */
	public record Tariff(BigDecimal freeStandardFrom, Map<Zone, Map<ShippingOption, Rate>> rates) {

		public Tariff {
			if (freeStandardFrom == null || freeStandardFrom.signum() < 0) {
				throw new IllegalArgumentException("free-standard-from must be an amount from 0 up");
			}
			Map<Zone, Map<ShippingOption, Rate>> copy = new LinkedHashMap<>();
			if (rates != null) {
				rates.forEach((zone, byOption) -> copy.put(zone, Map.copyOf(byOption)));
			}
			rates = Map.copyOf(copy);
		}

		/** The rate of a zone and option, or {@code null} when there is none. */
		public Rate rate(Zone zone, ShippingOption option) {
			return this.rates.getOrDefault(zone, Map.of()).get(option);
		}

	}

	/**
	 * A price: a base amount plus an amount for every started 500 g.
	 *
	 * @param base the base amount
	 * @param perStartedHalfKilo the amount added for every started 500 g
	 */
	public record Rate(BigDecimal base, BigDecimal perStartedHalfKilo) {

		public Rate {
			if (base == null || base.signum() < 0 || perStartedHalfKilo == null || perStartedHalfKilo.signum() < 0) {
				throw new IllegalArgumentException("a rate needs a base and a per-started-half-kilo amount from 0 up");
			}
		}

	}

}
