package io.souq.mongo.bench;

import java.util.function.DoublePredicate;

/**
 * What a figure should reach.
 *
 * @param text how the target reads in a table, empty when there is none
 * @param meets whether a value meets it
 */
record Target(String text, DoublePredicate meets) {

	static final String OK = "ok";

	static final String MISS = "MISS";

	static final String UNKNOWN = "n/a";

	/** No target: the figure is informative. */
	static Target none() {
		return new Target("", (value) -> true);
	}

	/** At least the bound. */
	static Target atLeast(double bound, String text) {
		return new Target(text, (value) -> value >= bound);
	}

	/** At most the bound. */
	static Target atMost(double bound, String text) {
		return new Target(text, (value) -> value <= bound);
	}

	/** Strictly below the bound. */
	static Target below(double bound, String text) {
		return new Target(text, (value) -> value < bound);
	}

	/** Whether there is a target. */
	boolean exists() {
		return !this.text.isEmpty();
	}

	/**
	 * Judges a value.
	 * @param value the measured value, NaN when it could not be measured
	 * @return {@code ok}, {@code MISS}, {@code n/a} when unmeasured, or empty without a
	 * target
	 */
	String judge(double value) {
		if (!exists()) {
			return "";
		}
		if (Double.isNaN(value)) {
			return UNKNOWN;
		}
		return this.meets.test(value) ? OK : MISS;
	}

}
