package io.souq.payment;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A customer's card as payment-service keeps it: a token, the brand, the last four
 * digits, the expiry, the holder's name and the provider's reference. Never the number or
 * the security code.
 */
@Document("payment_methods")
public class PaymentMethod {

	static final String TOKEN_PREFIX = "pm_";

	@Id
	private final String token;

	@Indexed
	private final String customerId;

	private final CardBrand brand;

	private final String last4;

	private final int expMonth;

	private final int expYear;

	private final String holderName;

	private final String providerReference;

	private final Instant createdAt;

	@PersistenceCreator
	PaymentMethod(String token, String customerId, CardBrand brand, String last4, int expMonth, int expYear,
			String holderName, String providerReference, Instant createdAt) {
		this.token = token;
		this.customerId = customerId;
		this.brand = brand;
		this.last4 = last4;
		this.expMonth = expMonth;
		this.expYear = expYear;
		this.holderName = holderName;
		this.providerReference = providerReference;
		this.createdAt = createdAt;
	}

	/** The method of a card the provider tokenized. */
	static PaymentMethod of(String token, String customerId, Card card, PaymentProvider.TokenizedCard tokenized,
			Instant now) {
		return new PaymentMethod(token, customerId, tokenized.brand(), tokenized.last4(), card.expMonth(),
				card.expYear(), card.holderName(), tokenized.reference(), now);
	}

	/**
	 * Whether the card has expired at the instant (it is valid through its month, UTC).
	 */
	public boolean expiredAt(Instant at) {
		return Card.expired(this.expMonth, this.expYear, at);
	}

	/** Whether the method is this customer's. */
	public boolean belongsTo(String customer) {
		return this.customerId != null && this.customerId.equals(customer);
	}

	public String token() {
		return this.token;
	}

	public String customerId() {
		return this.customerId;
	}

	public CardBrand brand() {
		return this.brand;
	}

	public String last4() {
		return this.last4;
	}

	public int expMonth() {
		return this.expMonth;
	}

	public int expYear() {
		return this.expYear;
	}

	public String holderName() {
		return this.holderName;
	}

	public String providerReference() {
		return this.providerReference;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

}
