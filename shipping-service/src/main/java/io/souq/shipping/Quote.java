package io.souq.shipping;

import java.util.List;

import io.souq.events.Money;

/**
 * The shipping options for a parcel to a destination, priced in one currency.
 *
 * @param country the destination, ISO 3166-1 alpha-2
 * @param zone its zone
 * @param currency the currency of the prices
 * @param options one per shipping option, standard first
 */
public record Quote(String country, Zone zone, String currency, List<Option> options) {

	public Quote {
		options = List.copyOf(options);
	}

	/** The option's entry, or {@code null}. */
	public Option option(ShippingOption option) {
		return this.options.stream().filter((o) -> o.option() == option).findFirst().orElse(null);
	}

	/**
	 * One way to ship the parcel.
	 *
	 * @param option the option
	 * @param carrier who carries it
	 * @param price what it costs
	 * @param estimatedDays how long it takes
	 */
	public record Option(ShippingOption option, String carrier, Money price, DeliveryDays estimatedDays) {
	}

}
