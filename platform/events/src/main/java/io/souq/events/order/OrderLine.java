package io.souq.events.order;

import io.souq.events.Money;

/**
 * One line of an order, priced when the order was placed.
 *
 * @param productId the product's id
 * @param sku stock keeping unit
 * @param name the product's name when ordered
 * @param quantity units
 * @param unitPrice price of one unit
 * @param lineTotal {@code unitPrice × quantity}
 */
public record OrderLine(String productId, String sku, String name, int quantity, Money unitPrice, Money lineTotal) {
}
