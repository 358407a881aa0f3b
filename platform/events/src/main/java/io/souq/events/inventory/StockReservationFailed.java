package io.souq.events.inventory;

import java.time.Instant;
import java.util.List;

/**
 * Nothing of the order is reserved: at least one line cannot be.
 *
 * @param orderId the order
 * @param reason {@code OUT_OF_STOCK} (or {@code UNKNOWN_SKU})
 * @param shortages the lines that could not be reserved
 * @param at when
 */
public record StockReservationFailed(String orderId, String reason, List<Shortage> shortages,
		Instant at) implements ReservationEvent {

	public static final String TYPE = "stock.reservation-failed";

	/**
	 * A line that could not be reserved.
	 *
	 * @param sku stock keeping unit
	 * @param requested units asked for
	 * @param available units available when asked
	 */
	public record Shortage(String sku, int requested, long available) {
	}

}
