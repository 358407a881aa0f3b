package io.souq.order;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Business meters of the saga: {@code souq.orders.placed}, {@code souq.orders.confirmed},
 * {@code souq.orders.cancelled} (tag {@code reason}) and {@code souq.saga.duration} (from
 * placement to confirmation or cancellation, tag {@code outcome}, with percentiles).
 */
class OrderMetrics {

	private final MeterRegistry registry;

	private final Counter placed;

	OrderMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.placed = Counter.builder("souq.orders.placed").description("orders placed").register(registry);
	}

	void placed() {
		this.placed.increment();
	}

	/** Records what a saved change did, comparing the status before and after. */
	void changed(OrderStatus before, Order after, Instant now) {
		if (before == after.status()) {
			return;
		}
		if (after.status() == OrderStatus.CONFIRMED) {
			this.registry.counter("souq.orders.confirmed").increment();
			duration("confirmed", after, now);
		}
		else if (after.status() == OrderStatus.CANCELLED) {
			this.registry
				.counter("souq.orders.cancelled", "reason",
						(after.failureReason() != null) ? after.failureReason().name() : "UNKNOWN")
				.increment();
			duration("cancelled", after, now);
		}
	}

	private void duration(String outcome, Order order, Instant now) {
		Timer.builder("souq.saga.duration")
			.description("from placement to confirmation or cancellation")
			.tag("outcome", outcome)
			.publishPercentiles(0.5, 0.95, 0.99)
			.register(this.registry)
			.record(Duration.between(order.createdAt(), now));
	}

}
