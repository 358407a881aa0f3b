package io.souq.customer;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.souq.events.Envelope;
import io.souq.events.Topics;
import io.souq.events.customer.CustomerRegistered;
import io.souq.starter.outbox.Outboxed;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A registered customer: sign-in email, password hash, profile and named addresses.
 * Registering publishes {@code customer.registered} through the outbox, in the same
 * write.
 */
@Document("customers")
public class Customer extends Outboxed {

	static final String SOURCE = "customer-service";

	@Id
	private final String id;

	@Indexed(unique = true)
	private final String email;

	private String passwordHash;

	private String name;

	private String locale;

	private final Set<Role> roles;

	private final Map<String, Address> addresses;

	private final Instant registeredAt;

	@Version
	private Long version;

	@PersistenceCreator
	Customer(String id, String email, String passwordHash, String name, String locale, Set<Role> roles,
			Map<String, Address> addresses, Instant registeredAt, Long version) {
		this.id = id;
		this.email = email;
		this.passwordHash = passwordHash;
		this.name = name;
		this.locale = locale;
		this.roles = (roles != null) ? EnumSet.copyOf(roles.isEmpty() ? EnumSet.of(Role.CUSTOMER) : roles)
				: EnumSet.of(Role.CUSTOMER);
		this.addresses = (addresses != null) ? new LinkedHashMap<>(addresses) : new LinkedHashMap<>();
		this.registeredAt = registeredAt;
		this.version = version;
	}

	/**
	 * A new customer. The email is stored lower-case, so that sign-in ignores case.
	 */
	public static Customer register(String email, String passwordHash, String name, String locale, Set<Role> roles,
			Instant now) {
		Customer customer = new Customer(UUID.randomUUID().toString(), normalizeEmail(email), passwordHash, name,
				locale, roles, Map.of(), now, null);
		customer.message(Topics.CUSTOMER_EVENTS,
				Envelope.of(CustomerRegistered.TYPE, 1, SOURCE, customer.id, new CustomerRegistered(customer.id,
						customer.email, customer.name, customer.locale, customer.registeredAt)));
		return customer;
	}

	public static String normalizeEmail(String email) {
		return email.trim().toLowerCase(java.util.Locale.ROOT);
	}

	/** Adds or replaces the address with this name. */
	public void putAddress(String addressName, Address address) {
		this.addresses.put(addressName, address);
	}

	public String id() {
		return this.id;
	}

	public String email() {
		return this.email;
	}

	public String passwordHash() {
		return this.passwordHash;
	}

	public String name() {
		return this.name;
	}

	public String locale() {
		return this.locale;
	}

	public Set<Role> roles() {
		return Collections.unmodifiableSet(this.roles);
	}

	public Map<String, Address> addresses() {
		return Collections.unmodifiableMap(this.addresses);
	}

	public Instant registeredAt() {
		return this.registeredAt;
	}

}
