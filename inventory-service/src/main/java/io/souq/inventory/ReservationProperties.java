package io.souq.inventory;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of reservations.
 *
 * @param grace how long after its expiry an unconfirmed reservation is still held (an
 * {@code order.confirmed} on its way keeps it)
 * @param sweepInterval how often the sweep looks for expired reservations
 * @param sweepBatch reservations released per sweep, at most
 * @param defaultHold the expiry of a reservation whose command names none
 */
@ConfigurationProperties("souq.inventory.reservations")
public record ReservationProperties(@DefaultValue("1m") Duration grace, @DefaultValue("5s") Duration sweepInterval,
		@DefaultValue("100") int sweepBatch, @DefaultValue("15m") Duration defaultHold) {

	public ReservationProperties {
		if (grace == null || grace.isNegative()) {
			throw new IllegalArgumentException("souq.inventory.reservations.grace must not be negative");
		}
		requirePositive(sweepInterval, "sweep-interval");
		requirePositive(defaultHold, "default-hold");
		if (sweepBatch < 1) {
			throw new IllegalArgumentException("souq.inventory.reservations.sweep-batch must be at least 1");
		}
	}

	private static void requirePositive(Duration duration, String name) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("souq.inventory.reservations." + name + " must be positive");
		}
	}

}
