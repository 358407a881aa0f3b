package io.souq.mongo.bench;

import java.util.EnumMap;
import java.util.Map;

/**
 * The figures measured for one collection size.
 */
final class SizeResult {

	private final int size;

	private final Map<Figure, Double> values = new EnumMap<>(Figure.class);

	private String problem;

	SizeResult(int size) {
		this.size = size;
	}

	int size() {
		return this.size;
	}

	void put(Figure figure, double value) {
		this.values.put(figure, value);
	}

	/** The figure's value, NaN when unmeasured, {@code null} when not attempted. */
	Double get(Figure figure) {
		return this.values.get(figure);
	}

	/** Why the size could not be measured completely, or {@code null}. */
	String problem() {
		return this.problem;
	}

	void problem(String problem) {
		this.problem = problem;
	}

}
