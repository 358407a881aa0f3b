package io.souq.order;

/**
 * The shipment of an order as the order knows it.
 *
 * @param carrier the carrier
 * @param trackingNumber the tracking number
 * @param status {@code CREATED}, {@code DISPATCHED}, {@code IN_TRANSIT},
 * {@code DELIVERED}, {@code FAILED_DELIVERY} or {@code CANCELLED}
 */
public record ShipmentInfo(String carrier, String trackingNumber, String status) {

	ShipmentInfo with(String status) {
		return new ShipmentInfo(this.carrier, this.trackingNumber, status);
	}

}
