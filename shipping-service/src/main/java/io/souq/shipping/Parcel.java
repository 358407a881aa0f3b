package io.souq.shipping;

import java.util.List;

/**
 * What a shipment carries.
 *
 * @param weightGrams its weight
 * @param items the SKUs and quantities in it
 */
public record Parcel(int weightGrams, List<Item> items) {

	public Parcel {
		items = (items != null) ? List.copyOf(items) : List.of();
	}

	/**
	 * A line of the parcel.
	 *
	 * @param sku the SKU
	 * @param quantity how many
	 */
	public record Item(String sku, int quantity) {
	}

}
