package io.souq.shipping;

/**
 * The estimated delivery time, in days after dispatch.
 *
 * @param min the earliest
 * @param max the latest
 */
public record DeliveryDays(int min, int max) {

	public DeliveryDays {
		if (min < 0 || max < min) {
			throw new IllegalArgumentException("delivery days must be 0 <= min <= max, not " + min + ".." + max);
		}
	}

}
