package io.souq.payment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import io.souq.events.Envelope;
import io.souq.events.Money;
import io.souq.events.Topics;
import io.souq.events.payment.AuthorizePayment;
import io.souq.events.payment.PaymentAuthorized;
import io.souq.events.payment.PaymentCaptured;
import io.souq.events.payment.PaymentDeclined;
import io.souq.events.payment.PaymentRefunded;
import io.souq.events.payment.PaymentVoided;
import io.souq.starter.outbox.Outboxed;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The payment of one order (its id is the order id), driven by the order saga's commands.
 * Every command is answered on {@code payment.events} through this document's outbox, in
 * the same write as the change it caused. A repeated command is answered again with the
 * outcome it had, and never reaches the provider twice; a command that does not fit the
 * payment's state is answered with the state's event, so that the saga is never left
 * waiting.
 */
@Document("payments")
public class Payment extends Outboxed {

	static final String SOURCE = "payment-service";

	/** Reasons of a decline decided here, before the provider is asked. */
	public static final String UNKNOWN_PAYMENT_METHOD = "unknown_payment_method";

	public static final String EXPIRED_CARD = "expired_card";

	/** The reason of a decline when the provider could not be reached. */
	public static final String PROVIDER_UNAVAILABLE = "provider_unavailable";

	@Id
	private String orderId;

	@Version
	private Long version;

	private String paymentId;

	private String customerId;

	private String paymentMethodToken;

	private Money amount;

	private PaymentStatus status;

	private CardBrand brand;

	private String last4;

	private String providerReference;

	private String authorizationId;

	private String declineReason;

	private String voidReason;

	private String refundReason;

	private Instant createdAt;

	private Instant authorizedAt;

	private Instant declinedAt;

	private Instant capturedAt;

	private Instant voidedAt;

	private Instant refundedAt;

	private Instant updatedAt;

	/** The outcomes reached by the changes since this object was loaded or created. */
	@Transient
	private List<Outcome> reached = new ArrayList<>();

	Payment() {
	}

	/**
	 * The payment an authorization command opens: {@code AUTHORIZING} on a card the
	 * customer registered and that has not expired, otherwise {@code DECLINED} at once
	 * (and answered) with {@value #UNKNOWN_PAYMENT_METHOD} or {@value #EXPIRED_CARD}.
	 * @param command the command
	 * @param request its payload
	 * @param method the payment method the command names, or {@code null} when there is
	 * none with its token
	 * @param now the time
	 */
	public static Payment open(Envelope<?> command, AuthorizePayment request, PaymentMethod method, Instant now) {
		Payment payment = new Payment();
		payment.orderId = request.orderId();
		payment.paymentId = UUID.randomUUID().toString();
		payment.customerId = request.customerId();
		payment.paymentMethodToken = request.paymentMethodToken();
		payment.amount = request.amount();
		payment.createdAt = now;
		payment.updatedAt = now;
		if (method == null || !method.belongsTo(request.customerId())) {
			payment.decline(command, UNKNOWN_PAYMENT_METHOD, now);
			return payment;
		}
		payment.brand = method.brand();
		payment.last4 = method.last4();
		if (method.expiredAt(now)) {
			payment.decline(command, EXPIRED_CARD, now);
			return payment;
		}
		payment.providerReference = method.providerReference();
		payment.status = PaymentStatus.AUTHORIZING;
		return payment;
	}

	/**
	 * The payment a void opens for an order this service never saw: nothing was held, the
	 * void is acknowledged (without a payment or customer id).
	 */
	public static Payment nothingToVoid(Envelope<?> command, String orderId, String reason, Instant now) {
		Payment payment = new Payment();
		payment.orderId = orderId;
		payment.createdAt = now;
		payment.status = PaymentStatus.VOIDED;
		payment.voidReason = reason;
		payment.voidedAt = now;
		payment.updatedAt = now;
		payment.answer(command, PaymentVoided.TYPE, payment.voided());
		return payment;
	}

	/**
	 * Authorizes the amount: asks the provider when the authorization is still open (the
	 * order id is its idempotency key, so an authorization a crash interrupted is resumed
	 * rather than repeated), answers the outcome it had otherwise.
	 */
	public Reaction authorize(Envelope<?> command, PaymentProvider provider, Instant now) {
		if (this.status == PaymentStatus.AUTHORIZING) {
			PaymentProvider.Authorization answer;
			try {
				answer = provider.authorize(this.providerReference, this.amount, this.orderId);
			}
			catch (ProviderUnavailableException ex) {
				answer = new PaymentProvider.Declined(PROVIDER_UNAVAILABLE);
			}
			switch (answer) {
				case PaymentProvider.Approved approved -> {
					this.status = PaymentStatus.AUTHORIZED;
					this.authorizationId = approved.authorizationId();
					this.authorizedAt = now;
					this.updatedAt = now;
					reach(this.status, null);
					answer(command, PaymentAuthorized.TYPE, authorized());
				}
				case PaymentProvider.Declined declined -> decline(command, declined.reason(), now);
			}
			return Reaction.APPLIED;
		}
		if (this.authorizedAt != null) {
			answer(command, PaymentAuthorized.TYPE, authorized());
			return Reaction.REPEATED;
		}
		if (this.declinedAt != null) {
			answer(command, PaymentDeclined.TYPE, declined());
			return Reaction.REPEATED;
		}
		// voided before it was ever authorized: nothing may be held for this order now
		answerCurrentState(command);
		return Reaction.OUT_OF_PLACE;
	}

	/**
	 * Takes the authorized money. A repeat answers the capture again; a declined or
	 * voided payment answers its state.
	 */
	public Reaction capture(Envelope<?> command, PaymentProvider provider, Instant now) {
		resumeAuthorization(command, provider, now);
		switch (this.status) {
			case AUTHORIZED -> {
				provider.capture(this.authorizationId, this.amount);
				this.status = PaymentStatus.CAPTURED;
				this.capturedAt = now;
				this.updatedAt = now;
				reach(this.status, null);
				answer(command, PaymentCaptured.TYPE, captured());
				return Reaction.APPLIED;
			}
			case CAPTURED, REFUNDED -> {
				answer(command, PaymentCaptured.TYPE, captured());
				return Reaction.REPEATED;
			}
			default -> {
				answerCurrentState(command);
				return Reaction.OUT_OF_PLACE;
			}
		}
	}

	/**
	 * Cancels the payment (a compensation): releases an authorization, refunds a captured
	 * payment, and acknowledges a declined one (nothing was held). A repeat answers the
	 * outcome again.
	 */
	public Reaction cancel(Envelope<?> command, String reason, PaymentProvider provider, Instant now) {
		resumeAuthorization(command, provider, now);
		switch (this.status) {
			case AUTHORIZED -> {
				provider.voidAuthorization(this.authorizationId);
				voidNow(command, reason, now);
				reach(this.status, null);
				return Reaction.APPLIED;
			}
			case DECLINED -> {
				voidNow(command, reason, now);
				return Reaction.APPLIED;
			}
			case CAPTURED -> {
				refundNow(command, reason, provider, now);
				return Reaction.APPLIED;
			}
			default -> {
				answerCurrentState(command);
				return Reaction.REPEATED;
			}
		}
	}

	/**
	 * Gives captured money back. A repeat answers the refund again; an authorization not
	 * captured yet is released instead (answered with {@code payment.voided}); a declined
	 * or voided payment answers its state.
	 */
	public Reaction refund(Envelope<?> command, String reason, PaymentProvider provider, Instant now) {
		resumeAuthorization(command, provider, now);
		switch (this.status) {
			case CAPTURED -> {
				refundNow(command, reason, provider, now);
				return Reaction.APPLIED;
			}
			case REFUNDED -> {
				answerCurrentState(command);
				return Reaction.REPEATED;
			}
			case AUTHORIZED -> {
				provider.voidAuthorization(this.authorizationId);
				voidNow(command, reason, now);
				reach(this.status, null);
				return Reaction.OUT_OF_PLACE;
			}
			default -> {
				answerCurrentState(command);
				return Reaction.OUT_OF_PLACE;
			}
		}
	}

	/**
	 * The outcomes reached by the changes made to this object (not by earlier ones): what
	 * the service counts once the change is stored.
	 */
	public List<Outcome> reached() {
		return (this.reached != null) ? Collections.unmodifiableList(this.reached) : List.of();
	}

	/** An authorization a crash interrupted is finished before any other command. */
	private void resumeAuthorization(Envelope<?> command, PaymentProvider provider, Instant now) {
		if (this.status == PaymentStatus.AUTHORIZING) {
			authorize(command, provider, now);
		}
	}

	private void decline(Envelope<?> command, String reason, Instant now) {
		this.status = PaymentStatus.DECLINED;
		this.declineReason = reason;
		this.declinedAt = now;
		this.updatedAt = now;
		reach(this.status, reason);
		answer(command, PaymentDeclined.TYPE, declined());
	}

	private void voidNow(Envelope<?> command, String reason, Instant now) {
		this.status = PaymentStatus.VOIDED;
		this.voidReason = reason;
		this.voidedAt = now;
		this.updatedAt = now;
		answer(command, PaymentVoided.TYPE, voided());
	}

	private void refundNow(Envelope<?> command, String reason, PaymentProvider provider, Instant now) {
		provider.refund(this.authorizationId, this.amount);
		this.status = PaymentStatus.REFUNDED;
		this.refundReason = reason;
		this.refundedAt = now;
		this.updatedAt = now;
		reach(this.status, null);
		answer(command, PaymentRefunded.TYPE, refunded());
	}

	/** Answers the event of the state the payment is in (nothing while authorizing). */
	private void answerCurrentState(Envelope<?> command) {
		switch (this.status) {
			case AUTHORIZED -> answer(command, PaymentAuthorized.TYPE, authorized());
			case DECLINED -> answer(command, PaymentDeclined.TYPE, declined());
			case CAPTURED -> answer(command, PaymentCaptured.TYPE, captured());
			case VOIDED -> answer(command, PaymentVoided.TYPE, voided());
			case REFUNDED -> answer(command, PaymentRefunded.TYPE, refunded());
			case AUTHORIZING -> {
				// resumed before any answer: never here
			}
		}
	}

	private void answer(Envelope<?> command, String type, Object data) {
		message(Topics.PAYMENT_EVENTS, command.reply(type, 1, SOURCE, this.orderId, data));
	}

	private void reach(PaymentStatus outcome, String reason) {
		if (this.reached == null) {
			this.reached = new ArrayList<>();
		}
		this.reached.add(new Outcome(outcome, reason));
	}

	private PaymentAuthorized authorized() {
		return new PaymentAuthorized(this.orderId, this.customerId, this.paymentId, this.amount, brandName(),
				this.last4, this.authorizedAt);
	}

	private PaymentDeclined declined() {
		return new PaymentDeclined(this.orderId, this.customerId, this.paymentId, this.amount, this.declineReason,
				this.last4, this.declinedAt);
	}

	private PaymentCaptured captured() {
		return new PaymentCaptured(this.orderId, this.customerId, this.paymentId, this.amount, this.capturedAt);
	}

	private PaymentVoided voided() {
		return new PaymentVoided(this.orderId, this.customerId, this.paymentId, this.voidReason, this.voidedAt);
	}

	private PaymentRefunded refunded() {
		return new PaymentRefunded(this.orderId, this.customerId, this.paymentId, this.amount, this.refundReason,
				this.refundedAt);
	}

	private String brandName() {
		return (this.brand != null) ? this.brand.name() : null;
	}

	public String orderId() {
		return this.orderId;
	}

	public String paymentId() {
		return this.paymentId;
	}

	public String customerId() {
		return this.customerId;
	}

	public String paymentMethodToken() {
		return this.paymentMethodToken;
	}

	public Money amount() {
		return this.amount;
	}

	public PaymentStatus status() {
		return this.status;
	}

	public CardBrand brand() {
		return this.brand;
	}

	public String last4() {
		return this.last4;
	}

	public String authorizationId() {
		return this.authorizationId;
	}

	public String declineReason() {
		return this.declineReason;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	/** How a command was taken. */
	public enum Reaction {

		/** It changed the payment (and its outcome was answered). */
		APPLIED,

		/** It had been applied already: its outcome was answered again. */
		REPEATED,

		/**
		 * It does not fit the payment's state: the state's event was answered (or, for a
		 * refund of a payment not captured yet, the authorization was released instead).
		 */
		OUT_OF_PLACE

	}

	/**
	 * An outcome a payment reached.
	 *
	 * @param status the state reached
	 * @param reason why, for a decline
	 */
	public record Outcome(PaymentStatus status, String reason) {
	}

}
