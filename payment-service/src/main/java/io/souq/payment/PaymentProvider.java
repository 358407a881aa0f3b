package io.souq.payment;

import io.souq.events.Money;

/**
 * The payment provider (acquirer) behind payment-service. It keeps the card: this service
 * keeps only the provider's reference to it. Transient failures (the provider is down,
 * slow or overloaded) are thrown as {@link ProviderUnavailableException}; a refusal is an
 * answer, not an exception.
 */
public interface PaymentProvider {

	/**
	 * Hands the card to the provider.
	 * @return the provider's reference to the card, its brand and last four digits
	 */
	TokenizedCard tokenize(Card card);

	/**
	 * Holds the amount on the card. Idempotent per key: asked again with the same key,
	 * the provider answers the first outcome and holds nothing more.
	 * @param reference the provider's reference to the card
	 * @param amount the amount
	 * @param idempotencyKey the order id
	 */
	Authorization authorize(String reference, Money amount, String idempotencyKey);

	/** Takes the held money (no effect when it was taken already). */
	void capture(String authorizationId, Money amount);

	/** Releases the held money (no effect when it was released already). */
	void voidAuthorization(String authorizationId);

	/** Gives taken money back (no effect when it was given back already). */
	void refund(String authorizationId, Money amount);

	/**
	 * A card the provider keeps.
	 *
	 * @param reference the provider's reference to it
	 * @param brand its brand
	 * @param last4 its last four digits
	 */
	record TokenizedCard(String reference, CardBrand brand, String last4) {
	}

	/** The answer to an authorization. */
	sealed interface Authorization permits Approved, Declined {

	}

	/**
	 * The amount is held.
	 *
	 * @param authorizationId the provider's id of the authorization
	 */
	record Approved(String authorizationId) implements Authorization {
	}

	/**
	 * The authorization is refused.
	 *
	 * @param reason e.g. {@code card_declined}, {@code insufficient_funds}
	 */
	record Declined(String reason) implements Authorization {
	}

}
