package io.souq.events.order;

/**
 * Where an order goes.
 *
 * @param name the recipient
 * @param line1 street and number
 * @param line2 more (may be {@code null})
 * @param city city
 * @param postalCode postal code
 * @param country ISO 3166-1 alpha-2 code
 * @param phone a phone number for the carrier (may be {@code null})
 */
public record ShippingAddress(String name, String line1, String line2, String city, String postalCode, String country,
		String phone) {
}
