package io.souq.events.inventory;

import java.time.Instant;
import java.util.List;

/**
 * Every line of the order is reserved.
 *
 * @param orderId the order
 * @param lines the reserved units per SKU
 * @param at when
 */
public record StockReserved(String orderId, List<StockLine> lines, Instant at) implements ReservationEvent {

	public static final String TYPE = "stock.reserved";

}
