package io.souq.shipping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.souq.events.Money;
import io.souq.shipping.ShippingProperties.Carrier;
import io.souq.shipping.ShippingProperties.Rate;
import io.souq.shipping.ShippingProperties.Tariff;

/**
 * What shipping costs and how long it takes: the zone of a destination, the price of each
 * option (a base per zone and option plus an amount per started 500 g, in exact
 * decimals), free standard shipping from a subtotal, the carrier and the delivery days of
 * each option.
 */
public class ShippingRates {

	/** The weight step of the rates. */
	static final int STEP_GRAMS = 500;

	private final ShippingProperties properties;

	public ShippingRates(ShippingProperties properties) {
		this.properties = properties;
	}

	/**
	 * The zone of a destination.
	 * @param country an ISO 3166-1 alpha-2 code, upper case
	 */
	public Zone zoneOf(String country) {
		if (this.properties.homeCountry().equals(country)) {
			return Zone.DOMESTIC;
		}
		if (this.properties.regionalCountries().contains(country)) {
			return Zone.REGIONAL;
		}
		return Zone.REST_OF_WORLD;
	}

	/** Whether a carrier takes parcels to the country. */
	public boolean serves(String country) {
		return !this.properties.unservedCountries().contains(country);
	}

	public Carrier carrier(ShippingOption option) {
		return this.properties.carriers().get(option);
	}

	public DeliveryDays deliveryDays(Zone zone, ShippingOption option) {
		return this.properties.deliveryDays().get(zone).get(option);
	}

	public Set<String> currencies() {
		return this.properties.supportedCurrencies();
	}

	public boolean supports(String currency) {
		return this.properties.currencies().containsKey(currency);
	}

	/**
	 * The options for a parcel.
	 * @param country the destination, an ISO 3166-1 alpha-2 code in upper case
	 * @param weightGrams the parcel's weight, from 1 g
	 * @param subtotal the order's subtotal, or {@code null} when unknown (no free
	 * shipping then)
	 * @param currency a supported currency
	 * @throws IllegalArgumentException when the currency has no tariff or the weight is
	 * not positive
	 */
	public Quote quote(String country, int weightGrams, BigDecimal subtotal, String currency) {
		Tariff tariff = this.properties.currencies().get(currency);
		if (tariff == null) {
			throw new IllegalArgumentException("no tariff in " + currency);
		}
		if (weightGrams < 1) {
			throw new IllegalArgumentException("a parcel weighs at least 1 g");
		}
		Zone zone = zoneOf(country);
		boolean freeStandard = subtotal != null && subtotal.compareTo(tariff.freeStandardFrom()) >= 0;
		List<Quote.Option> options = new ArrayList<>();
		for (ShippingOption option : ShippingOption.values()) {
			BigDecimal amount = (option == ShippingOption.STANDARD && freeStandard) ? BigDecimal.ZERO
					: price(tariff.rate(zone, option), weightGrams);
			options.add(new Quote.Option(option, carrier(option).name(), new Money(amount(amount), currency),
					deliveryDays(zone, option)));
		}
		return new Quote(country, zone, currency, options);
	}

	/** Base plus the rate of every started 500 g: exact, no rounding. */
	static BigDecimal price(Rate rate, int weightGrams) {
		long steps = (weightGrams + STEP_GRAMS - 1L) / STEP_GRAMS;
		return rate.base().add(rate.perStartedHalfKilo().multiply(BigDecimal.valueOf(steps)));
	}

	/** An amount with at least two decimals ({@code 15} is {@code 15.00}). */
	static BigDecimal amount(BigDecimal value) {
		return (value.scale() < 2) ? value.setScale(2) : value;
	}

}
