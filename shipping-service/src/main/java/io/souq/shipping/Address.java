package io.souq.shipping;

/**
 * Where a parcel goes.
 *
 * @param name the recipient
 * @param line1 street and number
 * @param line2 more, or {@code null}
 * @param city the city
 * @param postalCode the postal code
 * @param country ISO 3166-1 alpha-2 code
 * @param phone a phone number for the carrier, or {@code null}
 */
public record Address(String name, String line1, String line2, String city, String postalCode, String country,
		String phone) {

	/** Whether a carrier can take it: street, city, postal code and a known country. */
	public boolean complete() {
		return present(this.line1) && present(this.city) && present(this.postalCode) && Countries.isKnown(this.country);
	}

	private static boolean present(String text) {
		return text != null && !text.isBlank();
	}

}
