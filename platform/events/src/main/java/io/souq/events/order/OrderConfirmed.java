package io.souq.events.order;

import java.time.Instant;
import java.util.List;

import io.souq.events.Money;

/**
 * Stock is reserved, the payment authorized and the shipment created: the order is
 * {@code CONFIRMED} (revenue is booked at capture, see {@link OrderShipped}).
 *
 * @param orderId the order's id
 * @param customerId the customer
 * @param lines what was ordered
 * @param subtotal the lines' total
 * @param shipping the shipping price
 * @param total subtotal plus shipping
 * @param currency ISO 4217 code of every amount
 * @param carrier the carrier of the shipment
 * @param trackingNumber the shipment's tracking number
 * @param shippingAddress where it goes (optional, may be {@code null})
 * @param estimatedDays the carrier's estimate of days to delivery (optional, may be
 * {@code null})
 * @param placedAt when the order was placed
 * @param at when it was confirmed
 */
public record OrderConfirmed(String orderId, String customerId, List<OrderLine> lines, Money subtotal, Money shipping,
		Money total, String currency, String carrier, String trackingNumber, ShippingAddress shippingAddress,
		Integer estimatedDays, Instant placedAt, Instant at) implements OrderEvent {

	public static final String TYPE = "order.confirmed";

}
