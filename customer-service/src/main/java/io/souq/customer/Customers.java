package io.souq.customer;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.souq.starter.web.ProblemException;
import io.souq.starter.web.ProblemException.FieldProblem;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Registration, sign-in and profile changes.
 */
@Service
public class Customers {

	private final CustomerRepository repository;

	private final PasswordEncoder passwords;

	private final Clock clock;

	Customers(CustomerRepository repository, PasswordEncoder passwords, Clock clock) {
		this.repository = repository;
		this.passwords = passwords;
		this.clock = clock;
	}

	/**
	 * Registers a customer.
	 * @throws ProblemException 400 when the password breaks the rules, 409 when the email
	 * is taken
	 */
	public Customer register(String email, String password, String name, String locale) {
		List<String> violations = PasswordPolicy.violations(password, email);
		if (!violations.isEmpty()) {
			throw ProblemException
				.invalidFields(violations.stream().map(v -> new FieldProblem("password", v)).toList());
		}
		return insert(email, password, name, locale, EnumSet.of(Role.CUSTOMER));
	}

	/**
	 * Creates the configured admin account unless it exists (its password is the
	 * operator's choice, so the customer password rules do not apply).
	 */
	public boolean seedAdmin(String email, String password) {
		if (this.repository.findByEmail(Customer.normalizeEmail(email)).isPresent()) {
			return false;
		}
		try {
			insert(email, password, "Administrator", "en", EnumSet.of(Role.ADMIN, Role.CUSTOMER));
			return true;
		}
		catch (ProblemException ex) {
			return false;
		}
	}

	/** The customer with these credentials, if they are right. */
	public Optional<Customer> authenticate(String email, String password) {
		Optional<Customer> customer = this.repository.findByEmail(Customer.normalizeEmail(email));
		if (customer.isEmpty()) {
			// spend the same time as a real check, so timing does not tell which emails
			// exist
			this.passwords.matches(password, dummyHash());
			return Optional.empty();
		}
		return customer.filter(c -> this.passwords.matches(password, c.passwordHash()));
	}

	public Customer get(String customerId) {
		return this.repository.findById(customerId).orElseThrow(() -> ProblemException.notFound("No such customer."));
	}

	public Customer putAddress(String customerId, String addressName, Address address) {
		Customer customer = get(customerId);
		customer.putAddress(addressName, address);
		return this.repository.save(customer);
	}

	private Customer insert(String email, String password, String name, String locale, Set<Role> roles) {
		Customer customer = Customer.register(email, this.passwords.encode(password), name, locale, roles,
				this.clock.instant());
		try {
			return this.repository.insert(customer);
		}
		catch (DuplicateKeyException ex) {
			throw new ProblemException(HttpStatus.CONFLICT, "email-taken", "Email already registered",
					"A customer with this email already exists.");
		}
	}

	private volatile String dummyHash;

	private String dummyHash() {
		String hash = this.dummyHash;
		if (hash == null) {
			hash = this.passwords.encode("not-a-password-" + System.nanoTime());
			this.dummyHash = hash;
		}
		return hash;
	}

}
