package io.souq.events.order;

import java.time.Instant;
import java.util.List;

import io.souq.events.Money;

/**
 * The shipment left the warehouse: the payment is captured and the reserved units are
 * gone from stock.
 *
 * @param orderId the order's id
 * @param customerId the customer
 * @param lines what was ordered
 * @param subtotal the lines' total
 * @param shipping the shipping price
 * @param total subtotal plus shipping (the captured amount)
 * @param currency ISO 4217 code of every amount
 * @param carrier the carrier
 * @param trackingNumber the tracking number
 * @param placedAt when the order was placed
 * @param at when it was dispatched
 */
public record OrderShipped(String orderId, String customerId, List<OrderLine> lines, Money subtotal, Money shipping,
		Money total, String currency, String carrier, String trackingNumber, Instant placedAt,
		Instant at) implements OrderEvent {

	public static final String TYPE = "order.shipped";

}
