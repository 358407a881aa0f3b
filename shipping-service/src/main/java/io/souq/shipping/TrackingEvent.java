package io.souq.shipping;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of a shipment's way.
 *
 * @param status the status it reached
 * @param at when
 * @param location where, or {@code null}
 */
public record TrackingEvent(ShipmentStatus status, Instant at, String location) {

	public TrackingEvent {
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(at, "at");
	}

}
