package io.souq.shipping;

import java.time.Instant;

/**
 * The text label stuck on a parcel: carrier, tracking number, weight and address.
 */
final class ShippingLabel {

	private ShippingLabel() {
	}

	static String render(String carrier, ShippingOption option, String trackingNumber, String orderId,
			ShipmentRequest request, Instant createdAt) {
		Address to = request.address();
		StringBuilder label = new StringBuilder(400);
		label.append("SOUQ SHIPPING LABEL\n");
		line(label, "Carrier", carrier + " (" + option + ")");
		line(label, "Tracking", trackingNumber);
		line(label, "Order", orderId);
		line(label, "Weight", request.parcel().weightGrams() + " g");
		line(label, "Created", createdAt.toString());
		label.append("Ship to:\n");
		indented(label, to.name());
		indented(label, to.line1());
		indented(label, to.line2());
		indented(label, to.postalCode() + " " + to.city());
		indented(label, to.country());
		if (to.phone() != null && !to.phone().isBlank()) {
			indented(label, "Phone " + to.phone());
		}
		return label.toString();
	}

	private static void line(StringBuilder label, String name, String value) {
		label.append(String.format("%-9s %s", name + ":", value)).append('\n');
	}

	private static void indented(StringBuilder label, String value) {
		if (value != null && !value.isBlank()) {
			label.append("  ").append(value.strip()).append('\n');
		}
	}

}
