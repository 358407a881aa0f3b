package io.souq.shipping;

import java.util.Objects;

/**
 * What the order saga asks to ship.
 *
 * @param orderId the order, the shipment's id
 * @param customerId the customer, who may track it
 * @param address where it goes, or {@code null} when the command had none
 * @param option how fast
 * @param parcel what goes
 */
public record ShipmentRequest(String orderId, String customerId, Address address, ShippingOption option,
		Parcel parcel) {

	public ShipmentRequest {
		Objects.requireNonNull(orderId, "orderId");
		Objects.requireNonNull(customerId, "customerId");
		Objects.requireNonNull(option, "option");
		Objects.requireNonNull(parcel, "parcel");
	}

	/** The destination country, or {@code null}. */
	public String country() {
		return (this.address != null) ? this.address.country() : null;
	}

}
