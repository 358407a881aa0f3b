package io.souq.payment;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Customers' payment methods: a card is handed to the provider, and only its token,
 * brand, last four digits and expiry are kept.
 */
@Service
public class PaymentMethods {

	private static final Logger log = LoggerFactory.getLogger(PaymentMethods.class);

	private static final SecureRandom random = new SecureRandom();

	private final PaymentMethodRepository repository;

	private final PaymentProvider provider;

	private final Clock clock;

	PaymentMethods(PaymentMethodRepository repository, PaymentProvider provider, Clock clock) {
		this.repository = repository;
		this.provider = provider;
		this.clock = clock;
	}

	/**
	 * Registers a customer's card.
	 * @throws ProviderUnavailableException when the provider cannot take the card now
	 */
	public PaymentMethod register(String customerId, Card card) {
		PaymentProvider.TokenizedCard tokenized = this.provider.tokenize(card);
		PaymentMethod method = this.repository
			.insert(PaymentMethod.of(newToken(), customerId, card, tokenized, this.clock.instant()));
		log.info("Payment method {} ({} ending {}) registered for customer {}", method.token(), method.brand(),
				method.last4(), customerId);
		return method;
	}

	/** The method with this token, or {@code null}. */
	PaymentMethod find(String token) {
		return (token != null && !token.isBlank()) ? this.repository.findById(token).orElse(null) : null;
	}

	private static String newToken() {
		byte[] bytes = new byte[12];
		random.nextBytes(bytes);
		return PaymentMethod.TOKEN_PREFIX + HexFormat.of().formatHex(bytes);
	}

}
