package io.souq.payment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.souq.events.Envelope;
import io.souq.events.Money;
import io.souq.events.payment.AuthorizePayment;
import io.souq.events.payment.CapturePayment;
import io.souq.events.payment.PaymentAuthorized;
import io.souq.events.payment.PaymentCaptured;
import io.souq.events.payment.PaymentDeclined;
import io.souq.events.payment.PaymentRefunded;
import io.souq.events.payment.PaymentVoided;
import io.souq.events.payment.RefundPayment;
import io.souq.events.payment.VoidPayment;
import io.souq.starter.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PaymentTests {

	static final Instant NOW = Instant.parse("2026-11-23T10:30:00Z");

	static final Money AMOUNT = Money.of("25.90", "EUR");

	static final String ORDER = "order-1";

	static final String CUSTOMER = "customer-1";

	final RecordingProvider provider = new RecordingProvider();

	final PaymentMethod card = new PaymentMethod("pm_1", CUSTOMER, CardBrand.VISA, "4242", 12, 2030, "Amira",
			"sim_approved_1", NOW);

	@Test
	void storesTheAuthorizationAsOpenBeforeTheProviderIsAsked() {
		Payment payment = Payment.open(authorizeCommand(), authorize("pm_1"), this.card, NOW);
		assertThat(payment.status()).isEqualTo(PaymentStatus.AUTHORIZING);
		assertThat(payment.outbox()).isEmpty();
		assertThat(this.provider.calls).isEmpty();
	}

	@Test
	void isAuthorizedWhenTheProviderApprovesWithTheOrderAsIdempotencyKey() {
		Payment payment = authorized();
		assertThat(payment.status()).isEqualTo(PaymentStatus.AUTHORIZED);
		assertThat(payment.authorizationId()).isEqualTo("auth-" + ORDER);
		assertThat(this.provider.calls).containsExactly("authorize sim_approved_1 " + ORDER);
		assertThat(types(payment)).containsExactly(PaymentAuthorized.TYPE);
		assertThat(payment.reached()).containsExactly(new Payment.Outcome(PaymentStatus.AUTHORIZED, null));
		assertThat(payment.outbox().get(0).envelope()).contains("\"brand\":\"VISA\"", "\"last4\":\"4242\"");
	}

	@Test
	void isDeclinedWithTheProvidersReason() {
		this.provider.decline = "insufficient_funds";
		Payment payment = Payment.open(authorizeCommand(), authorize("pm_1"), this.card, NOW);
		payment.authorize(authorizeCommand(), this.provider, NOW);
		assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
		assertThat(payment.declineReason()).isEqualTo("insufficient_funds");
		assertThat(types(payment)).containsExactly(PaymentDeclined.TYPE);
	}

	@Test
	void isDeclinedAsProviderUnavailableWhenTheProviderCannotBeReached() {
		this.provider.unavailable = true;
		Payment payment = Payment.open(authorizeCommand(), authorize("pm_1"), this.card, NOW);
		payment.authorize(authorizeCommand(), this.provider, NOW);
		assertThat(payment.declineReason()).isEqualTo(Payment.PROVIDER_UNAVAILABLE);
		assertThat(payment.reached())
			.containsExactly(new Payment.Outcome(PaymentStatus.DECLINED, Payment.PROVIDER_UNAVAILABLE));
	}

	@Test
	void declinesAnUnknownTokenOrAnotherCustomersCardWithoutAskingTheProvider() {
		Payment unknown = Payment.open(authorizeCommand(), authorize("pm_nope"), null, NOW);
		assertThat(unknown.status()).isEqualTo(PaymentStatus.DECLINED);
		assertThat(unknown.declineReason()).isEqualTo(Payment.UNKNOWN_PAYMENT_METHOD);
		assertThat(unknown.last4()).isNull();
		PaymentMethod someoneElses = new PaymentMethod("pm_1", "customer-2", CardBrand.VISA, "4242", 12, 2030, "B",
				"sim_approved_1", NOW);
		Payment foreign = Payment.open(authorizeCommand(), authorize("pm_1"), someoneElses, NOW);
		assertThat(foreign.declineReason()).isEqualTo(Payment.UNKNOWN_PAYMENT_METHOD);
		assertThat(foreign.last4()).isNull();
		assertThat(types(foreign)).containsExactly(PaymentDeclined.TYPE);
		assertThat(this.provider.calls).isEmpty();
	}

	@Test
	void declinesACardThatExpiredSinceItWasRegistered() {
		PaymentMethod expired = new PaymentMethod("pm_1", CUSTOMER, CardBrand.VISA, "4242", 10, 2026, "A",
				"sim_approved_1", NOW);
		Payment payment = Payment.open(authorizeCommand(), authorize("pm_1"), expired, NOW);
		assertThat(payment.declineReason()).isEqualTo(Payment.EXPIRED_CARD);
		assertThat(payment.last4()).isEqualTo("4242");
		assertThat(this.provider.calls).isEmpty();
	}

	@Test
	void answersARepeatedAuthorizationAgainWithoutAskingTheProviderAgain() {
		Payment payment = authorized();
		Envelope<AuthorizePayment> again = authorizeCommand();
		assertThat(payment.authorize(again, this.provider, NOW.plusSeconds(60))).isEqualTo(Payment.Reaction.REPEATED);
		assertThat(this.provider.calls).hasSize(1);
		assertThat(types(payment)).containsExactly(PaymentAuthorized.TYPE, PaymentAuthorized.TYPE);
		OutboxMessage first = payment.outbox().get(0);
		OutboxMessage second = payment.outbox().get(1);
		assertThat(second.envelope()).contains(again.id().toString());
		assertThat(data(second)).isEqualTo(data(first));
	}

	@Test
	void resumesAnAuthorizationThatACrashInterrupted() {
		Payment payment = Payment.open(authorizeCommand(), authorize("pm_1"), this.card, NOW);
		// the process died here; the command is delivered again
		assertThat(payment.authorize(authorizeCommand(), this.provider, NOW)).isEqualTo(Payment.Reaction.APPLIED);
		assertThat(payment.status()).isEqualTo(PaymentStatus.AUTHORIZED);
	}

	@Test
	void capturesAnAuthorizationOnceAndAnswersARepeat() {
		Payment payment = authorized();
		assertThat(payment.capture(command(CapturePayment.TYPE), this.provider, NOW))
			.isEqualTo(Payment.Reaction.APPLIED);
		assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
		assertThat(payment.capture(command(CapturePayment.TYPE), this.provider, NOW))
			.isEqualTo(Payment.Reaction.REPEATED);
		assertThat(this.provider.calls).filteredOn((c) -> c.startsWith("capture")).hasSize(1);
		assertThat(types(payment)).containsExactly(PaymentAuthorized.TYPE, PaymentCaptured.TYPE, PaymentCaptured.TYPE);
	}

	@Test
	void voidsAnAuthorizationAtTheProvider() {
		Payment payment = authorized();
		assertThat(payment.cancel(command(VoidPayment.TYPE), "SHIPPING_UNAVAILABLE", this.provider, NOW))
			.isEqualTo(Payment.Reaction.APPLIED);
		assertThat(payment.status()).isEqualTo(PaymentStatus.VOIDED);
		assertThat(this.provider.calls).contains("void auth-" + ORDER);
		assertThat(payment.cancel(command(VoidPayment.TYPE), "SHIPPING_UNAVAILABLE", this.provider, NOW))
			.isEqualTo(Payment.Reaction.REPEATED);
		assertThat(types(payment)).containsExactly(PaymentAuthorized.TYPE, PaymentVoided.TYPE, PaymentVoided.TYPE);
		assertThat(payment.outbox().get(1).envelope()).contains("\"reason\":\"SHIPPING_UNAVAILABLE\"");
	}

	@Test
	void refundsInsteadOfVoidingWhenTheMoneyWasTaken() {
		Payment payment = authorized();
		payment.capture(command(CapturePayment.TYPE), this.provider, NOW);
		payment.cancel(command(VoidPayment.TYPE), "CUSTOMER_CANCELLED", this.provider, NOW);
		assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
		assertThat(this.provider.calls).contains("refund auth-" + ORDER).noneMatch((c) -> c.startsWith("void"));
		assertThat(types(payment)).endsWith(PaymentRefunded.TYPE);
	}

	@Test
	void acknowledgesTheVoidOfADeclinedPaymentWithoutTheProvider() {
		this.provider.decline = "card_declined";
		Payment payment = Payment.open(authorizeCommand(), authorize("pm_1"), this.card, NOW);
		payment.authorize(authorizeCommand(), this.provider, NOW);
		payment.cancel(command(VoidPayment.TYPE), "PAYMENT_DECLINED", this.provider, NOW);
		assertThat(payment.status()).isEqualTo(PaymentStatus.VOIDED);
		assertThat(types(payment)).containsExactly(PaymentDeclined.TYPE, PaymentVoided.TYPE);
		assertThat(this.provider.calls).hasSize(1);
		// the authorization's outcome stays what it was
		payment.authorize(authorizeCommand(), this.provider, NOW);
		assertThat(types(payment)).endsWith(PaymentDeclined.TYPE);
	}

	@Test
	void acknowledgesTheVoidOfAnOrderNeverSeenAndHoldsNothingForItLater() {
		Payment payment = Payment.nothingToVoid(command(VoidPayment.TYPE), ORDER, "TIMED_OUT", NOW);
		assertThat(payment.status()).isEqualTo(PaymentStatus.VOIDED);
		assertThat(payment.paymentId()).isNull();
		assertThat(types(payment)).containsExactly(PaymentVoided.TYPE);
		assertThat(payment.outbox().get(0).envelope()).contains("\"customerId\":null", "\"paymentId\":null");
		assertThat(payment.authorize(authorizeCommand(), this.provider, NOW)).isEqualTo(Payment.Reaction.OUT_OF_PLACE);
		assertThat(types(payment)).containsExactly(PaymentVoided.TYPE, PaymentVoided.TYPE);
		assertThat(this.provider.calls).isEmpty();
	}

	@Test
	void refundsACapturedPaymentOnceAndReleasesOneNotCapturedYet() {
		Payment captured = authorized();
		captured.capture(command(CapturePayment.TYPE), this.provider, NOW);
		assertThat(captured.refund(command(RefundPayment.TYPE), "RETURNED", this.provider, NOW))
			.isEqualTo(Payment.Reaction.APPLIED);
		assertThat(captured.refund(command(RefundPayment.TYPE), "RETURNED", this.provider, NOW))
			.isEqualTo(Payment.Reaction.REPEATED);
		assertThat(this.provider.calls).filteredOn((c) -> c.startsWith("refund")).hasSize(1);
		assertThat(captured.outbox().get(2).envelope()).contains("\"reason\":\"RETURNED\"", "\"amount\":\"25.90\"");

		Payment authorized = authorized();
		assertThat(authorized.refund(command(RefundPayment.TYPE), "RETURNED", this.provider, NOW))
			.isEqualTo(Payment.Reaction.OUT_OF_PLACE);
		assertThat(authorized.status()).isEqualTo(PaymentStatus.VOIDED);
		assertThat(types(authorized)).endsWith(PaymentVoided.TYPE);
	}

	@Test
	void answersACommandThatDoesNotFitWithTheStateItFinds() {
		this.provider.decline = "card_declined";
		Payment declined = Payment.open(authorizeCommand(), authorize("pm_1"), this.card, NOW);
		declined.authorize(authorizeCommand(), this.provider, NOW);
		assertThat(declined.capture(command(CapturePayment.TYPE), this.provider, NOW))
			.isEqualTo(Payment.Reaction.OUT_OF_PLACE);
		assertThat(declined.refund(command(RefundPayment.TYPE), "RETURNED", this.provider, NOW))
			.isEqualTo(Payment.Reaction.OUT_OF_PLACE);
		assertThat(types(declined)).containsExactly(PaymentDeclined.TYPE, PaymentDeclined.TYPE, PaymentDeclined.TYPE);
		assertThat(declined.status()).isEqualTo(PaymentStatus.DECLINED);
	}

	@Test
	void finishesAnInterruptedAuthorizationBeforeAVoid() {
		Payment payment = Payment.open(authorizeCommand(), authorize("pm_1"), this.card, NOW);
		payment.cancel(command(VoidPayment.TYPE), "TIMED_OUT", this.provider, NOW);
		assertThat(payment.status()).isEqualTo(PaymentStatus.VOIDED);
		assertThat(this.provider.calls).containsExactly("authorize sim_approved_1 " + ORDER, "void auth-" + ORDER);
		assertThat(types(payment)).containsExactly(PaymentAuthorized.TYPE, PaymentVoided.TYPE);
	}

	@Test
	void changesNothingWhenTheProviderFailsToCapture() {
		Payment payment = authorized();
		this.provider.unavailable = true;
		assertThatExceptionOfType(ProviderUnavailableException.class)
			.isThrownBy(() -> payment.capture(command(CapturePayment.TYPE), this.provider, NOW));
		assertThat(payment.status()).isEqualTo(PaymentStatus.AUTHORIZED);
		assertThat(types(payment)).containsExactly(PaymentAuthorized.TYPE);
	}

	private Payment authorized() {
		Payment payment = Payment.open(authorizeCommand(), authorize("pm_1"), this.card, NOW);
		payment.authorize(authorizeCommand(), this.provider, NOW);
		return payment;
	}

	private static AuthorizePayment authorize(String token) {
		return new AuthorizePayment(ORDER, CUSTOMER, token, AMOUNT);
	}

	private static Envelope<AuthorizePayment> authorizeCommand() {
		return Envelope.of(AuthorizePayment.TYPE, 1, "order-service", ORDER, authorize("pm_1"));
	}

	private static Envelope<String> command(String type) {
		return Envelope.of(type, 1, "order-service", ORDER, ORDER);
	}

	private static List<String> types(Payment payment) {
		return payment.outbox().stream().map(OutboxMessage::type).toList();
	}

	private static String data(OutboxMessage message) {
		String envelope = message.envelope();
		return envelope.substring(envelope.indexOf("\"data\""));
	}

	/** Approves (or declines, or fails) and records every call. */
	static class RecordingProvider implements PaymentProvider {

		final List<String> calls = new ArrayList<>();

		String decline;

		boolean unavailable;

		@Override
		public TokenizedCard tokenize(Card card) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Authorization authorize(String reference, Money amount, String idempotencyKey) {
			this.calls.add("authorize " + reference + " " + idempotencyKey);
			if (this.unavailable) {
				throw new ProviderUnavailableException("down");
			}
			return (this.decline != null) ? new Declined(this.decline) : new Approved("auth-" + idempotencyKey);
		}

		@Override
		public void capture(String authorizationId, Money amount) {
			call("capture " + authorizationId);
		}

		@Override
		public void voidAuthorization(String authorizationId) {
			call("void " + authorizationId);
		}

		@Override
		public void refund(String authorizationId, Money amount) {
			call("refund " + authorizationId);
		}

		private void call(String call) {
			this.calls.add(call);
			if (this.unavailable) {
				throw new ProviderUnavailableException("down");
			}
		}

	}

}
