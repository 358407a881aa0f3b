package io.souq.customer;

/**
 * A named postal address of a customer.
 *
 * @param line1 street and number
 * @param line2 optional second line
 * @param city city
 * @param postalCode postal code
 * @param country ISO 3166-1 alpha-2 country code
 * @param phone optional phone number
 */
public record Address(String line1, String line2, String city, String postalCode, String country, String phone) {

}
