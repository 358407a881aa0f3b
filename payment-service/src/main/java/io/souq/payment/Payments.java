package io.souq.payment;

import java.time.Clock;
import java.time.Instant;

import io.souq.events.Envelope;
import io.souq.events.payment.AuthorizePayment;
import io.souq.events.payment.CapturePayment;
import io.souq.events.payment.RefundPayment;
import io.souq.events.payment.VoidPayment;
import io.souq.starter.messaging.MalformedMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The order saga's payment commands, one payment per order. Each is idempotent per order:
 * the answer is derived from the stored payment, so a command delivered or sent again is
 * answered again and never reaches the provider twice. A command that does not fit is
 * answered with the payment's state (or, with no payment to answer for, logged and
 * skipped): none is retried forever.
 * <p>
 * A payment is stored {@code AUTHORIZING} before the provider is asked, with the order id
 * as the provider's idempotency key: after a crash the redelivered command resumes the
 * authorization. A store that fails after the provider answered throws, the command is
 * delivered again, and the provider answers the same for the same key.
 */
@Service
public class Payments {

	private static final Logger log = LoggerFactory.getLogger(Payments.class);

	private final PaymentRepository repository;

	private final PaymentMethods methods;

	private final PaymentProvider provider;

	private final PaymentOutcomes outcomes;

	private final Clock clock;

	Payments(PaymentRepository repository, PaymentMethods methods, PaymentProvider provider, PaymentOutcomes outcomes,
			Clock clock) {
		this.repository = repository;
		this.methods = methods;
		this.provider = provider;
		this.outcomes = outcomes;
		this.clock = clock;
	}

	/**
	 * {@code payment.authorize}: answered by {@code payment.authorized} or
	 * {@code payment.declined}.
	 */
	public void authorize(Envelope<?> command, AuthorizePayment request) {
		requireOrder(command, request.orderId());
		if (request.amount() == null || request.amount().amount().signum() <= 0) {
			throw new MalformedMessageException(
					"payment.authorize of order " + request.orderId() + " has no amount above zero", null);
		}
		Payment payment = this.repository.findById(request.orderId()).orElse(null);
		if (payment == null) {
			Payment opened = Payment.open(command, request, this.methods.find(request.paymentMethodToken()), now());
			try {
				payment = this.repository.insert(opened);
			}
			catch (DuplicateKeyException ex) {
				// opened concurrently by another delivery: answer from what it stored
				payment = this.repository.findById(request.orderId()).orElseThrow(() -> ex);
				opened = null;
			}
			if (opened != null && opened.status() != PaymentStatus.AUTHORIZING) {
				done(command, payment, Payment.Reaction.APPLIED);
				return;
			}
		}
		Payment.Reaction reaction = payment.authorize(command, this.provider, now());
		done(command, this.repository.save(payment), reaction);
	}

	/** {@code payment.capture}: answered by {@code payment.captured}. */
	public void capture(Envelope<?> command, CapturePayment request) {
		requireOrder(command, request.orderId());
		Payment payment = this.repository.findById(request.orderId()).orElse(null);
		if (payment == null) {
			log.warn("{} {} for order {} without a payment: nothing to capture, skipped", command.type(), command.id(),
					request.orderId());
			return;
		}
		Payment.Reaction reaction = payment.capture(command, this.provider, now());
		done(command, this.repository.save(payment), reaction);
	}

	/**
	 * {@code payment.void}: answered by {@code payment.voided}, also when the order has
	 * no payment or it was declined, or by {@code payment.refunded} when it was captured.
	 */
	public void cancel(Envelope<?> command, VoidPayment request) {
		requireOrder(command, request.orderId());
		Payment payment = this.repository.findById(request.orderId()).orElse(null);
		if (payment == null) {
			try {
				Payment acknowledged = this.repository
					.insert(Payment.nothingToVoid(command, request.orderId(), request.reason(), now()));
				done(command, acknowledged, Payment.Reaction.APPLIED);
				return;
			}
			catch (DuplicateKeyException ex) {
				payment = this.repository.findById(request.orderId()).orElseThrow(() -> ex);
			}
		}
		Payment.Reaction reaction = payment.cancel(command, request.reason(), this.provider, now());
		done(command, this.repository.save(payment), reaction);
	}

	/** {@code payment.refund}: answered by {@code payment.refunded}. */
	public void refund(Envelope<?> command, RefundPayment request) {
		requireOrder(command, request.orderId());
		Payment payment = this.repository.findById(request.orderId()).orElse(null);
		if (payment == null) {
			log.warn("{} {} for order {} without a payment: nothing to refund, skipped", command.type(), command.id(),
					request.orderId());
			return;
		}
		Payment.Reaction reaction = payment.refund(command, request.reason(), this.provider, now());
		done(command, this.repository.save(payment), reaction);
	}

	private void done(Envelope<?> command, Payment payment, Payment.Reaction reaction) {
		this.outcomes.count(payment);
		switch (reaction) {
			case APPLIED -> log.info("{} for order {}: payment {} {}", command.type(), payment.orderId(),
					payment.paymentId(), payment.status());
			case REPEATED -> log.info("{} for order {} again: answered {} again", command.type(), payment.orderId(),
					payment.status());
			case OUT_OF_PLACE -> log.warn("{} for order {} does not fit its payment, which is {}: answered with that",
					command.type(), payment.orderId(), payment.status());
		}
	}

	/**
	 * The time from the service clock, which ticks in milliseconds as MongoDB stores
	 * them: an answer repeated from the stored payment carries the same {@code at} as the
	 * first.
	 */
	private Instant now() {
		return this.clock.instant();
	}

	private static void requireOrder(Envelope<?> command, String orderId) {
		if (orderId == null || orderId.isBlank()) {
			throw new MalformedMessageException(command.type() + " " + command.id() + " names no order", null);
		}
	}

}
