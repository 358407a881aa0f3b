package io.souq.payment.provider;

import java.time.Duration;
import java.time.YearMonth;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.souq.events.Money;
import io.souq.payment.Card;
import io.souq.payment.PaymentProvider;
import io.souq.payment.ProviderUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ResilientPaymentProviderTests {

	static final Money AMOUNT = Money.of("10.00", "EUR");

	final MeterRegistry meters = new SimpleMeterRegistry();

	final CountDownLatch never = new CountDownLatch(1);

	ResilientPaymentProvider provider;

	@AfterEach
	void close() {
		this.never.countDown();
		if (this.provider != null) {
			this.provider.close();
		}
	}

	@Test
	void triesATransientFailureThreeTimesThenGivesUp() {
		AtomicInteger calls = new AtomicInteger();
		this.provider = guard(new Fake() {
			@Override
			public Authorization authorize(String reference, Money amount, String key) {
				calls.incrementAndGet();
				throw new ProviderUnavailableException("down");
			}
		}, Duration.ofSeconds(5), 100);
		assertThatExceptionOfType(ProviderUnavailableException.class)
			.isThrownBy(() -> this.provider.authorize("ref", AMOUNT, "o-1"));
		assertThat(calls).hasValue(3);
		assertThat(this.meters.get(ResilientPaymentProvider.REQUESTS_METER)
			.tags("operation", "authorize", "outcome", "error")
			.counter()
			.count()).isEqualTo(3);
	}

	@Test
	void succeedsWhenALaterAttemptDoes() {
		AtomicInteger calls = new AtomicInteger();
		this.provider = guard(new Fake() {
			@Override
			public Authorization authorize(String reference, Money amount, String key) {
				if (calls.incrementAndGet() < 3) {
					throw new ProviderUnavailableException("down");
				}
				return new Approved("a-1");
			}
		}, Duration.ofSeconds(5), 100);
		assertThat(this.provider.authorize("ref", AMOUNT, "o-1")).isEqualTo(new PaymentProvider.Approved("a-1"));
		assertThat(calls).hasValue(3);
	}

	@Test
	void aDeclineIsAnAnswerNotAFailure() {
		AtomicInteger calls = new AtomicInteger();
		this.provider = guard(new Fake() {
			@Override
			public Authorization authorize(String reference, Money amount, String key) {
				calls.incrementAndGet();
				return new Declined("card_declined");
			}
		}, Duration.ofSeconds(5), 100);
		assertThat(this.provider.authorize("ref", AMOUNT, "o-1"))
			.isEqualTo(new PaymentProvider.Declined("card_declined"));
		assertThat(calls).hasValue(1);
	}

	@Test
	void cutsOffAnAnswerThatTakesTooLongAndTriesAgain() {
		AtomicInteger calls = new AtomicInteger();
		this.provider = guard(new Fake() {
			@Override
			public Authorization authorize(String reference, Money amount, String key) {
				calls.incrementAndGet();
				try {
					ResilientPaymentProviderTests.this.never.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return new Approved("too-late");
			}
		}, Duration.ofMillis(100), 100);
		assertThatExceptionOfType(ProviderUnavailableException.class)
			.isThrownBy(() -> this.provider.authorize("ref", AMOUNT, "o-1"))
			.withMessageContaining("in time");
		assertThat(calls).hasValue(3);
	}

	@Test
	void opensTheCircuitWhenTheProviderKeepsFailingAndThenStopsCallingIt() {
		AtomicInteger calls = new AtomicInteger();
		this.provider = guard(new Fake() {
			@Override
			public void capture(String authorizationId, Money amount) {
				calls.incrementAndGet();
				throw new ProviderUnavailableException("down");
			}
		}, Duration.ofSeconds(5), 4);
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(ProviderUnavailableException.class)
				.isThrownBy(() -> this.provider.capture("a-1", AMOUNT));
		}
		assertThat(this.provider.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
		int before = calls.get();
		assertThatExceptionOfType(ProviderUnavailableException.class)
			.isThrownBy(() -> this.provider.capture("a-1", AMOUNT))
			.withMessageContaining("circuit open");
		assertThat(calls).hasValue(before);
	}

	@Test
	void tokenizesThroughTheGuard() {
		this.provider = guard(new SimulatedPaymentProvider(Duration.ofMillis(1)), Duration.ofSeconds(5), 100);
		Card card = Card.of("4242424242424242", "12", "2030", "123", "Test", YearMonth.of(2026, 11));
		assertThat(this.provider.tokenize(card).last4()).isEqualTo("4242");
		assertThat(this.meters.get(ResilientPaymentProvider.REQUESTS_METER)
			.tags("operation", "tokenize", "outcome", "ok")
			.counter()
			.count()).isEqualTo(1);
	}

	private ResilientPaymentProvider guard(PaymentProvider delegate, Duration timeout, int minimumCalls) {
		ProviderProperties properties = new ProviderProperties(timeout,
				new ProviderProperties.Retry(3, Duration.ofMillis(10), 2.0), new ProviderProperties.CircuitBreaker(50,
						Math.max(minimumCalls, 10), minimumCalls, Duration.ofMinutes(1), 1),
				new ProviderProperties.Simulator(Duration.ofMillis(1)));
		return new ResilientPaymentProvider(delegate, properties, this.meters);
	}

	/** A provider that approves everything; tests override what they need. */
	static class Fake implements PaymentProvider {

		@Override
		public TokenizedCard tokenize(Card card) {
			return new TokenizedCard("ref", card.brand(), card.last4());
		}

		@Override
		public Authorization authorize(String reference, Money amount, String idempotencyKey) {
			return new Approved("a-1");
		}

		@Override
		public void capture(String authorizationId, Money amount) {
		}

		@Override
		public void voidAuthorization(String authorizationId) {
		}

		@Override
		public void refund(String authorizationId, Money amount) {
		}

	}

}
