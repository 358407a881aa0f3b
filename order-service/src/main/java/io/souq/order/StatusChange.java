package io.souq.order;

import java.time.Instant;

/**
 * One entry of an order's history.
 *
 * @param status the status reached
 * @param at when
 */
public record StatusChange(OrderStatus status, Instant at) {
}
