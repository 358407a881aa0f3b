package io.souq.order.checkout;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A checkout: where to, how to pay, how fast. Exactly one of {@code shippingAddress} and
 * {@code addressName} (one of the customer's named addresses).
 *
 * @param shippingAddress the address, written out
 * @param addressName the name of one of the customer's addresses
 * @param paymentMethodToken a payment method of the customer
 * @param shippingOption {@code STANDARD} or {@code EXPRESS}
 */
public record CheckoutRequest(@Valid AddressRequest shippingAddress,
		@Size(min = 1, max = 50) @Pattern(regexp = "[\\p{L}\\p{N} _-]+") String addressName,
		@NotBlank @Size(max = 100) String paymentMethodToken,
		@NotNull @Pattern(regexp = "STANDARD|EXPRESS", message = "must be STANDARD or EXPRESS") String shippingOption) {

	/**
	 * An address written out.
	 *
	 * @param name the recipient (the customer's name when absent)
	 * @param line1 street and number
	 * @param line2 more
	 * @param city city
	 * @param postalCode postal code
	 * @param country ISO 3166-1 alpha-2 code
	 * @param phone a phone number for the carrier
	 */
	public record AddressRequest(@Size(max = 100) String name, @NotBlank @Size(max = 200) String line1,
			@Size(max = 200) String line2, @NotBlank @Size(max = 100) String city,
			@NotBlank @Size(max = 20) String postalCode,
			@NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 code") String country,
			@Pattern(regexp = "\\+?[0-9 ()-]{4,20}", message = "must be a phone number") String phone) {
	}

}
