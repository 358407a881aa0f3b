package io.souq.shipping;

/**
 * Where a parcel goes, seen from the platform's home country: the zone decides the price
 * and the delivery time.
 */
public enum Zone {

	/** The home country. */
	DOMESTIC,

	/** The neighbouring countries the platform serves at regional rates. */
	REGIONAL,

	/** Every other country. */
	REST_OF_WORLD

}
