package io.souq.events.inventory;

import java.time.Instant;

/**
 * inventory-service's answers to the order saga on {@code inventory.events}, keyed by
 * order id.
 */
public sealed interface ReservationEvent
		permits StockReserved, StockReservationFailed, ReservationReleased, ReservationCommitted {

	String orderId();

	Instant at();

}
