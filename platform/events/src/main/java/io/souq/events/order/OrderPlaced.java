package io.souq.events.order;

import java.time.Instant;
import java.util.List;

import io.souq.events.Money;

/**
 * A customer checked out a cart; the saga starts (status {@code PENDING}).
 *
 * @param orderId the order's id
 * @param customerId the customer
 * @param lines what was ordered
 * @param subtotal the lines' total
 * @param shipping the shipping price
 * @param total subtotal plus shipping
 * @param currency ISO 4217 code of every amount
 * @param shippingOption {@code STANDARD} or {@code EXPRESS}
 * @param shippingCountry ISO 3166-1 alpha-2 code of the destination
 * @param placedAt when the order was placed
 * @param at when (the same as {@code placedAt})
 */
public record OrderPlaced(String orderId, String customerId, List<OrderLine> lines, Money subtotal, Money shipping,
		Money total, String currency, String shippingOption, String shippingCountry, Instant placedAt,
		Instant at) implements OrderEvent {

	public static final String TYPE = "order.placed";

}
