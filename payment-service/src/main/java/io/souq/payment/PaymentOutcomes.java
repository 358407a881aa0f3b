package io.souq.payment;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The business meter of payments: {@code souq.payments{outcome, reason}}, counted once
 * per payment and outcome (a repeated command's answer is not counted again).
 * {@code outcome} is {@code authorized}, {@code declined}, {@code captured},
 * {@code voided} or {@code refunded}; {@code reason} is a decline's reason, {@code none}
 * otherwise.
 */
@Component
class PaymentOutcomes {

	static final String METER = "souq.payments";

	private final MeterRegistry registry;

	PaymentOutcomes(MeterRegistry registry) {
		this.registry = registry;
		for (PaymentStatus status : PaymentStatus.values()) {
			if (status != PaymentStatus.AUTHORIZING && status != PaymentStatus.DECLINED) {
				counter(status, null);
			}
		}
	}

	void count(Payment payment) {
		payment.reached().forEach((outcome) -> counter(outcome.status(), outcome.reason()).increment());
	}

	private Counter counter(PaymentStatus status, String reason) {
		return Counter.builder(METER)
			.description("Payment outcomes")
			.tag("outcome", status.name().toLowerCase(Locale.ROOT))
			.tag("reason", (reason != null) ? reason : "none")
			.register(this.registry);
	}

}
