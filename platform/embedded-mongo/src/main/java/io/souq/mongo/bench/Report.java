package io.souq.mongo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The summary table: one row per figure, one column per size, the target next to each
 * and, for the figures that must hold across sizes, the ratio of the fastest size to the
 * slowest.
 */
final class Report {

	private Report() {
	}

	/**
	 * The summary of all sizes.
	 * @param results the sizes, in the order measured
	 * @return the table
	 */
	static Table summary(List<SizeResult> results) {
		List<String> header = new ArrayList<>(List.of("figure", "target"));
		for (SizeResult result : results) {
			header.add(String.format(Locale.ROOT, "%,d docs", result.size()));
		}
		header.add("slowest/fastest size");
		Table table = new Table(header).left(1);
		for (Figure figure : Figure.values()) {
			List<String> row = new ArrayList<>(List.of(figure.label(), figure.target().text()));
			boolean any = false;
			for (SizeResult result : results) {
				Double value = result.get(figure);
				any |= value != null;
				row.add((value != null) ? figure.formatJudged(value) : "-");
			}
			if (!any) {
				continue;
			}
			row.add(figure.spread() ? spread(figure, results) : "");
			table.row(row);
		}
		return table;
	}

	/**
	 * How far apart the fastest and the slowest size are, with its verdict.
	 * @return e.g. {@code 1.21x ok}, or {@code -} with fewer than two sizes measured
	 */
	static String spread(Figure figure, List<SizeResult> results) {
		double fastest = Double.NEGATIVE_INFINITY;
		double slowest = Double.POSITIVE_INFINITY;
		int measured = 0;
		for (SizeResult result : results) {
			Double value = result.get(figure);
			if (value != null && !value.isNaN()) {
				fastest = Math.max(fastest, value);
				slowest = Math.min(slowest, value);
				measured++;
			}
		}
		if (measured < 2) {
			return "-";
		}
		double ratio = (slowest > 0) ? fastest / slowest : Double.POSITIVE_INFINITY;
		String value = Double.isInfinite(ratio) ? "inf" : String.format(Locale.ROOT, "%.2fx", ratio);
		return value + " " + Figure.SPREAD.judge(ratio);
	}

	/**
	 * A byte count with a binary unit, e.g. {@code 12.3 MB}; {@code n/a} when negative.
	 */
	static String bytes(long bytes) {
		if (bytes < 0) {
			return Target.UNKNOWN;
		}
		if (bytes < 1024) {
			return bytes + " B";
		}
		String[] units = { "KB", "MB", "GB", "TB" };
		double value = bytes / 1024.0;
		int unit = 0;
		while (value >= 1024 && unit < units.length - 1) {
			value /= 1024;
			unit++;
		}
		return String.format(Locale.ROOT, (value < 10) ? "%.2f %s" : (value < 100) ? "%.1f %s" : "%.0f %s", value,
				units[unit]);
	}

}
