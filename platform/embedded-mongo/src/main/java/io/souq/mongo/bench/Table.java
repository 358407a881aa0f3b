package io.souq.mongo.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A Markdown table whose columns are padded to their widest cell, so it reads in a
 * terminal as well as rendered. The first column and those marked {@link #left(int...)
 * left} are left-aligned, the others right-aligned.
 */
final class Table {

	private final List<String> header;

	private final List<List<String>> rows = new ArrayList<>();

	private final Set<Integer> left = new HashSet<>(Set.of(0));

	Table(String... header) {
		this.header = List.of(header);
	}

	Table(List<String> header) {
		this.header = List.copyOf(header);
	}

	/** Left-aligns these columns (counted from 0). */
	Table left(int... columns) {
		for (int column : columns) {
			this.left.add(column);
		}
		return this;
	}

	/** Adds a row; missing cells are empty, extra ones an error. */
	Table row(String... cells) {
		return row(Arrays.asList(cells));
	}

	/** Adds a row; missing cells are empty, extra ones an error. */
	Table row(List<String> cells) {
		if (cells.size() > this.header.size()) {
			throw new IllegalArgumentException(
					"a row of " + cells.size() + " cells in a table of " + this.header.size() + " columns");
		}
		List<String> row = new ArrayList<>(cells);
		while (row.size() < this.header.size()) {
			row.add("");
		}
		this.rows.add(row);
		return this;
	}

	/** The table as lines of text. */
	List<String> lines() {
		int[] widths = new int[this.header.size()];
		for (int c = 0; c < widths.length; c++) {
			widths[c] = Math.max(3, this.header.get(c).length());
			for (List<String> row : this.rows) {
				widths[c] = Math.max(widths[c], row.get(c).length());
			}
		}
		List<String> lines = new ArrayList<>();
		lines.add(line(this.header, widths));
		StringBuilder rule = new StringBuilder("|");
		for (int c = 0; c < widths.length; c++) {
			rule.append(this.left.contains(c) ? "-".repeat(widths[c] + 2) : "-".repeat(widths[c] + 1) + ":")
				.append('|');
		}
		lines.add(rule.toString());
		for (List<String> row : this.rows) {
			lines.add(line(row, widths));
		}
		return lines;
	}

	void print(PrintStream out) {
		lines().forEach(out::println);
	}

	private String line(List<String> cells, int[] widths) {
		StringBuilder line = new StringBuilder("|");
		for (int c = 0; c < widths.length; c++) {
			String cell = cells.get(c);
			String padding = " ".repeat(widths[c] - cell.length());
			line.append(' ').append(this.left.contains(c) ? cell + padding : padding + cell).append(" |");
		}
		return line.toString();
	}

}
