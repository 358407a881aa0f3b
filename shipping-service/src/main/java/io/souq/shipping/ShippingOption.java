package io.souq.shipping;

import java.util.Locale;

/**
 * How fast a parcel travels; each option has its own carrier, price and delivery time.
 */
public enum ShippingOption {

	STANDARD, EXPRESS;

	/**
	 * The option of a name, ignoring case.
	 * @throws IllegalArgumentException when the name is no option
	 */
	public static ShippingOption parse(String name) {
		if (name == null) {
			throw new IllegalArgumentException("no shipping option");
		}
		return valueOf(name.strip().toUpperCase(Locale.ROOT));
	}

}
