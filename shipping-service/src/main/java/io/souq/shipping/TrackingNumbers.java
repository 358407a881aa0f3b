package io.souq.shipping;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

import io.souq.shipping.ShippingProperties.Carrier;

/**
 * New tracking numbers: {@code SQ-<carrier code>-<10 random digits>}, e.g.
 * {@code SQ-AR-0384125567}. Random rather than counted, so instances need no shared
 * counter; the unique index on {@code trackingNumber} catches the rare clash, and the
 * creation is tried again with another number.
 */
public class TrackingNumbers {

	private final RandomGenerator random;

	public TrackingNumbers() {
		this(new SecureRandom());
	}

	TrackingNumbers(RandomGenerator random) {
		this.random = random;
	}

	public String next(Carrier carrier) {
		return "SQ-" + carrier.code() + "-" + String.format("%010d", this.random.nextLong(10_000_000_000L));
	}

}
