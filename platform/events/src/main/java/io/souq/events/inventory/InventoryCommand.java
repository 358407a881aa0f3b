package io.souq.events.inventory;

/**
 * Requests from the order saga to inventory-service on {@code inventory.commands}, keyed
 * by order id. Each is idempotent per order: a repeated command is answered again, never
 * applied twice.
 */
public sealed interface InventoryCommand permits ReserveStock, ReleaseReservation, CommitReservation {

	String orderId();

}
