package io.souq.shipping;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a shipment stands. The carrier moves it forward: {@code CREATED → DISPATCHED},
 * then {@code IN_TRANSIT} (again at each new location), {@code DELIVERED} or
 * {@code FAILED_DELIVERY} (after which it is on its way again or delivered). It can be
 * cancelled only before dispatch. {@code REJECTED} is not a shipment: the record of a
 * creation the carriers refused, kept to answer a repeated command the same way.
 */
public enum ShipmentStatus {

	CREATED, DISPATCHED, IN_TRANSIT, DELIVERED, FAILED_DELIVERY, CANCELLED, REJECTED;

	/** The statuses a carrier reports. */
	public static final Set<ShipmentStatus> CARRIER_REPORTED = EnumSet.of(DISPATCHED, IN_TRANSIT, DELIVERED,
			FAILED_DELIVERY);

	/**
	 * Whether a carrier may report {@code next} on a shipment in this status
	 * ({@code IN_TRANSIT → IN_TRANSIT} needs a new location besides).
	 */
	public boolean canBecome(ShipmentStatus next) {
		return switch (this) {
			case CREATED -> next == DISPATCHED;
			case DISPATCHED, IN_TRANSIT -> next == IN_TRANSIT || next == DELIVERED || next == FAILED_DELIVERY;
			case FAILED_DELIVERY -> next == IN_TRANSIT || next == DELIVERED;
			case DELIVERED, CANCELLED, REJECTED -> false;
		};
	}

	/** Whether the parcel has left with the carrier (it cannot be cancelled any more). */
	public boolean dispatched() {
		return this == DISPATCHED || this == IN_TRANSIT || this == DELIVERED || this == FAILED_DELIVERY;
	}

}
