package io.souq.events.inventory;

/**
 * The order was dispatched: its reserved units leave the warehouse. Answered by
 * {@link ReservationCommitted}.
 *
 * @param orderId the order
 */
public record CommitReservation(String orderId) implements InventoryCommand {

	public static final String TYPE = "inventory.commit-reservation";

}
