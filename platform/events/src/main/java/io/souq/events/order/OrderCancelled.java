package io.souq.events.order;

import java.time.Instant;
import java.util.List;

import io.souq.events.Money;

/**
 * The order ended without being fulfilled; every step done was compensated (stock
 * released, payment voided or refunded, shipment cancelled).
 *
 * @param orderId the order's id
 * @param customerId the customer
 * @param lines what was ordered
 * @param subtotal the lines' total
 * @param shipping the shipping price
 * @param total subtotal plus shipping
 * @param currency ISO 4217 code of every amount
 * @param reason {@code OUT_OF_STOCK}, {@code PAYMENT_DECLINED}, {@code PAYMENT_FAILED},
 * {@code SHIPPING_UNAVAILABLE}, {@code CUSTOMER_CANCELLED} or {@code TIMED_OUT}
 * @param detail a short explanation for people (e.g. the decline code), may be
 * {@code null}
 * @param placedAt when the order was placed
 * @param at when it was cancelled
 */
public record OrderCancelled(String orderId, String customerId, List<OrderLine> lines, Money subtotal, Money shipping,
		Money total, String currency, String reason, String detail, Instant placedAt,
		Instant at) implements OrderEvent {

	public static final String TYPE = "order.cancelled";

}
