package io.souq.notification;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the service knows of a customer, from {@code customer.registered}: where to write
 * and in which language. A read model: customer-service owns the customer.
 */
@Document("customers")
public class Customer {

	static final String EMAIL = "email";

	static final String NAME = "name";

	static final String LOCALE = "locale";

	static final String REGISTERED_AT = "registeredAt";

	@Id
	private final String id;

	private final String email;

	private final String name;

	private final String locale;

	private final Instant registeredAt;

	@PersistenceCreator
	Customer(String id, String email, String name, String locale, Instant registeredAt) {
		this.id = id;
		this.email = email;
		this.name = name;
		this.locale = locale;
		this.registeredAt = registeredAt;
	}

	public String id() {
		return this.id;
	}

	public String email() {
		return this.email;
	}

	public String name() {
		return this.name;
	}

	/**
	 * The preferred language as the customer gave it ({@code en}, {@code ar-EG}, ...).
	 */
	public String locale() {
		return this.locale;
	}

	public Instant registeredAt() {
		return this.registeredAt;
	}

}
