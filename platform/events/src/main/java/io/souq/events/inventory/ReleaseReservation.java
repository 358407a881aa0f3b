package io.souq.events.inventory;

/**
 * Give an order's reserved units back (a compensation): answered by
 * {@link ReservationReleased}, also when there was nothing to release.
 *
 * @param orderId the order
 * @param reason why, e.g. {@code PAYMENT_DECLINED}
 */
public record ReleaseReservation(String orderId, String reason) implements InventoryCommand {

	public static final String TYPE = "inventory.release-reservation";

}
