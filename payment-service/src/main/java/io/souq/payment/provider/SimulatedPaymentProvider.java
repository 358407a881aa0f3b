package io.souq.payment.provider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.souq.events.Money;
import io.souq.payment.Card;
import io.souq.payment.PaymentProvider;
import io.souq.payment.ProviderUnavailableException;

/**
 * The built-in payment provider: a simulator whose outcome is decided by the card number,
 * like the test cards of public providers (API.md). The outcome is decided when the card
 * is tokenized and written into the reference ({@code sim_insufficient_funds_<uuid>}):
 * the number itself is never kept. It keeps nothing at all, so it answers the same after
 * a restart; an authorization's id is derived from its idempotency key, so asking again
 * with the same key answers the same authorization.
 * <table>
 * <tr>
 * <th>card number</th>
 * <th>authorization</th>
 * </tr>
 * <tr>
 * <td>4000 0000 0000 0002</td>
 * <td>declined {@code card_declined}</td>
 * </tr>
 * <tr>
 * <td>4000 0000 0000 9995</td>
 * <td>declined {@code insufficient_funds}</td>
 * </tr>
 * <tr>
 * <td>4000 0000 0000 0119</td>
 * <td>a transient error at every attempt</td>
 * </tr>
 * <tr>
 * <td>4000 0000 0000 3220</td>
 * <td>approved after a slow answer</td>
 * </tr>
 * <tr>
 * <td>any other valid number</td>
 * <td>approved</td>
 * </tr>
 * </table>
 */
public class SimulatedPaymentProvider implements PaymentProvider {

	static final String PREFIX = "sim_";

	static final String AUTHORIZATION_PREFIX = "sim_auth_";

	private static final Map<String, Behaviour> TEST_CARDS = Map.of("4000000000000002", Behaviour.CARD_DECLINED,
			"4000000000009995", Behaviour.INSUFFICIENT_FUNDS, "4000000000000119", Behaviour.PROVIDER_ERROR,
			"4000000000003220", Behaviour.SLOW);

	private final Duration slowAnswer;

	public SimulatedPaymentProvider(Duration slowAnswer) {
		this.slowAnswer = slowAnswer;
	}

	@Override
	public TokenizedCard tokenize(Card card) {
		Behaviour behaviour = TEST_CARDS.getOrDefault(card.number(), Behaviour.APPROVED);
		String reference = PREFIX + behaviour.code + "_" + UUID.randomUUID().toString().replace("-", "");
		return new TokenizedCard(reference, card.brand(), card.last4());
	}

	@Override
	public Authorization authorize(String reference, Money amount, String idempotencyKey) {
		return switch (behaviour(reference)) {
			case APPROVED -> approved(idempotencyKey);
			case CARD_DECLINED -> new Declined("card_declined");
			case INSUFFICIENT_FUNDS -> new Declined("insufficient_funds");
			case PROVIDER_ERROR -> throw new ProviderUnavailableException("simulated provider error");
			case SLOW -> {
				pause();
				yield approved(idempotencyKey);
			}
			case UNKNOWN -> new Declined("card_declined");
		};
	}

	@Override
	public void capture(String authorizationId, Money amount) {
		requireAuthorization(authorizationId);
	}

	@Override
	public void voidAuthorization(String authorizationId) {
		requireAuthorization(authorizationId);
	}

	@Override
	public void refund(String authorizationId, Money amount) {
		requireAuthorization(authorizationId);
	}

	/** What the simulator does with a card of this reference. */
	static Behaviour behaviour(String reference) {
		if (reference != null && reference.startsWith(PREFIX)) {
			for (Behaviour behaviour : Behaviour.values()) {
				if (reference.startsWith(PREFIX + behaviour.code + "_")) {
					return behaviour;
				}
			}
		}
		return Behaviour.UNKNOWN;
	}

	private static Approved approved(String idempotencyKey) {
		UUID id = UUID.nameUUIDFromBytes(idempotencyKey.getBytes(StandardCharsets.UTF_8));
		return new Approved(AUTHORIZATION_PREFIX + id.toString().replace("-", ""));
	}

	private static void requireAuthorization(String authorizationId) {
		if (authorizationId == null || !authorizationId.startsWith(AUTHORIZATION_PREFIX)) {
			throw new IllegalArgumentException("not an authorization of the simulator");
		}
	}

	private void pause() {
		try {
			Thread.sleep(this.slowAnswer);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ProviderUnavailableException("simulated slow answer interrupted", ex);
		}
	}

	/** The simulated behaviours, by the code written into a card's reference. */
	enum Behaviour {

		APPROVED("approved"), CARD_DECLINED("card_declined"), INSUFFICIENT_FUNDS("insufficient_funds"),
		PROVIDER_ERROR("provider_error"), SLOW("slow"), UNKNOWN("unknown");

		private final String code;

		Behaviour(String code) {
			this.code = code;
		}

	}

}
