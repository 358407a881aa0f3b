package io.souq.events.inventory;

import java.time.Instant;
import java.util.List;

/**
 * An order's reserved units left the warehouse (on-hand stock went down by them).
 *
 * @param orderId the order
 * @param lines the units per SKU
 * @param at when
 */
public record ReservationCommitted(String orderId, List<StockLine> lines, Instant at) implements ReservationEvent {

	public static final String TYPE = "stock.reservation-committed";

}
