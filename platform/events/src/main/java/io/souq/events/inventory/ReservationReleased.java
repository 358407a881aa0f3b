package io.souq.events.inventory;

import java.time.Instant;
import java.util.List;

/**
 * An order's reserved units are available again (or there were none).
 *
 * @param orderId the order
 * @param lines the units given back (empty when nothing was reserved)
 * @param reason why, from the command or {@code EXPIRED} for the sweep
 * @param at when
 */
public record ReservationReleased(String orderId, List<StockLine> lines, String reason,
		Instant at) implements ReservationEvent {

	public static final String TYPE = "stock.reservation-released";

}
