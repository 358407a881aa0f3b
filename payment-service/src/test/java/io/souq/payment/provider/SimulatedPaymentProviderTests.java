package io.souq.payment.provider;

import java.time.Duration;
import java.time.YearMonth;

import io.souq.events.Money;
import io.souq.payment.Card;
import io.souq.payment.CardBrand;
import io.souq.payment.PaymentProvider.Approved;
import io.souq.payment.PaymentProvider.Authorization;
import io.souq.payment.PaymentProvider.Declined;
import io.souq.payment.PaymentProvider.TokenizedCard;
import io.souq.payment.ProviderUnavailableException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SimulatedPaymentProviderTests {

	static final Money AMOUNT = Money.of("25.90", "EUR");

	final SimulatedPaymentProvider simulator = new SimulatedPaymentProvider(Duration.ofMillis(50));

	@Test
	void approvesTheApprovedTestCardsAndAnyOtherValidNumber() {
		assertThat(authorize("4242 4242 4242 4242", "o-1")).isInstanceOf(Approved.class);
		assertThat(authorize("5555 5555 5555 4444", "o-2")).isInstanceOf(Approved.class);
		assertThat(authorize("5105 1051 0510 5100", "o-3")).isInstanceOf(Approved.class);
		assertThat(authorize("3782 822463 10005", "o-4")).isInstanceOf(Approved.class);
	}

	@Test
	void declinesTheDeclinedTestCardsWithTheirReasons() {
		assertThat(authorize("4000 0000 0000 0002", "o-1")).isEqualTo(new Declined("card_declined"));
		assertThat(authorize("4000 0000 0000 9995", "o-2")).isEqualTo(new Declined("insufficient_funds"));
	}

	@Test
	void failsTransientlyAtEveryAttemptForTheProviderErrorCard() {
		TokenizedCard card = tokenize("4000 0000 0000 0119");
		for (int attempt = 0; attempt < 3; attempt++) {
			assertThatExceptionOfType(ProviderUnavailableException.class)
				.isThrownBy(() -> this.simulator.authorize(card.reference(), AMOUNT, "o-1"));
		}
	}

	@Test
	void approvesTheSlowCardAfterItsPause() {
		long started = System.nanoTime();
		assertThat(authorize("4000 0000 0000 3220", "o-1")).isInstanceOf(Approved.class);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
	}

	@Test
	void keepsTheOutcomeInTheReferenceButNeverTheNumber() {
		TokenizedCard card = tokenize("4000 0000 0000 9995");
		assertThat(card.reference()).startsWith("sim_insufficient_funds_").doesNotContain("4000000000009995", "9995");
		assertThat(card.brand()).isEqualTo(CardBrand.VISA);
		assertThat(card.last4()).isEqualTo("9995");
		assertThat(tokenize("4000 0000 0000 9995").reference()).isNotEqualTo(card.reference());
	}

	@Test
	void answersTheSameAuthorizationForTheSameIdempotencyKey() {
		TokenizedCard card = tokenize("4242 4242 4242 4242");
		Authorization first = this.simulator.authorize(card.reference(), AMOUNT, "order-1");
		assertThat(this.simulator.authorize(card.reference(), AMOUNT, "order-1")).isEqualTo(first);
		assertThat(this.simulator.authorize(card.reference(), AMOUNT, "order-2")).isNotEqualTo(first);
	}

	@Test
	void declinesAReferenceItDidNotIssue() {
		assertThat(this.simulator.authorize("acme_123", AMOUNT, "o-1")).isEqualTo(new Declined("card_declined"));
	}

	@Test
	void capturesVoidsAndRefundsItsOwnAuthorizationsOnly() {
		Approved approved = (Approved) authorize("4242 4242 4242 4242", "o-1");
		this.simulator.capture(approved.authorizationId(), AMOUNT);
		this.simulator.voidAuthorization(approved.authorizationId());
		this.simulator.refund(approved.authorizationId(), AMOUNT);
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.simulator.capture("acme_auth_1", AMOUNT));
	}

	private Authorization authorize(String number, String orderId) {
		return this.simulator.authorize(tokenize(number).reference(), AMOUNT, orderId);
	}

	private TokenizedCard tokenize(String number) {
		int cvcLength = number.startsWith("3") ? 4 : 3;
		return this.simulator
			.tokenize(Card.of(number, "12", "2030", "1234".substring(0, cvcLength), "Test", YearMonth.of(2026, 11)));
	}

}
