package io.souq.order;

/**
 * The status a customer sees. {@code CANCELLED} is shown once every compensation is
 * acknowledged, so a cancelled order holds no stock, no authorized money and no shipment.
 */
public enum OrderStatus {

	PENDING, CONFIRMED, SHIPPED, DELIVERED, CANCELLED;

	public boolean isTerminal() {
		return this == DELIVERED || this == CANCELLED;
	}

}
