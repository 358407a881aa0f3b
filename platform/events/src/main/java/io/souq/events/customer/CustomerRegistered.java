package io.souq.events.customer;

import java.time.Instant;

/**
 * A customer registered. Carries no password or hash.
 *
 * @param customerId the new customer's id
 * @param email the sign-in email
 * @param name display name
 * @param locale preferred language ({@code en}, {@code ar}, ...)
 * @param registeredAt when
 */
public record CustomerRegistered(String customerId, String email, String name, String locale,
		Instant registeredAt) implements CustomerEvent {

	public static final String TYPE = "customer.registered";

}
