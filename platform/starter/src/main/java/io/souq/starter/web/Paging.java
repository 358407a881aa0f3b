package io.souq.starter.web;

import java.util.List;

import io.souq.starter.web.ProblemException.FieldProblem;

import org.springframework.data.domain.PageRequest;

/**
 * Reads the {@code page} and {@code size} parameters of a list: page from 0 (default 0),
 * size from 1 (default 20), capped at {@value #MAX_SIZE}. Wrong values are collected as
 * field problems, so a request with several bad parameters learns of all of them at once.
 */
public final class Paging {

	/** The largest page size; larger ones are capped. */
	public static final int MAX_SIZE = 100;

	/** The page size when the request names none. */
	public static final int DEFAULT_SIZE = 20;

	private Paging() {
	}

	/**
	 * The page asked for; problems are added to {@code problems} (the first page then).
	 */
	public static PageRequest of(String page, String size, List<FieldProblem> problems) {
		int number = integer("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE, problems);
		int pageSize = Math.min(integer("size", size, DEFAULT_SIZE, 1, Integer.MAX_VALUE, problems), MAX_SIZE);
		return PageRequest.of(number, pageSize);
	}

	/**
	 * The page asked for.
	 * @throws ProblemException 400 naming the wrong parameters
	 */
	public static PageRequest of(String page, String size) {
		List<FieldProblem> problems = new java.util.ArrayList<>();
		PageRequest request = of(page, size, problems);
		if (!problems.isEmpty()) {
			throw ProblemException.invalidFields(problems);
		}
		return request;
	}

	private static int integer(String field, String text, int defaultValue, int min, int max,
			List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			return defaultValue;
		}
		try {
			int value = Integer.parseInt(text.strip());
			if (value >= min && value <= max) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		problems.add(new FieldProblem(field, "must be a whole number from " + min));
		return defaultValue;
	}

}
