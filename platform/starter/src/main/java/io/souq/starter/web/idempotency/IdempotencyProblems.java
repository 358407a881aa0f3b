package io.souq.starter.web.idempotency;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.souq.starter.web.ProblemException;
import io.souq.starter.web.ProblemException.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The problems of {@code Idempotency-Key} handling, written as the RFC 9457 documents
 * that {@code ProblemHandler} writes for controllers ({@code type}, {@code title},
 * {@code status}, {@code detail}, {@code instance}, {@code errors}): the filter answers
 * them itself, outside Spring MVC.
 */
final class IdempotencyProblems {

	private final Supplier<JsonMapper> json;

	IdempotencyProblems(Supplier<JsonMapper> json) {
		this.json = json;
	}

	/** 400: the header is empty, too long, not visible ASCII, or repeated. */
	static ProblemException invalidKey() {
		return ProblemException.invalidFields(List
			.of(new FieldProblem(IdempotencyFilter.HEADER, "must be one header of 1 to 255 visible ASCII characters")));
	}

	/** 422: the key was first used with a different body. */
	static ProblemException reused() {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
				"Idempotency key reused",
				"This Idempotency-Key was already used for a request with a different body or query. "
						+ "Send a new key with a new request.");
	}

	/** 409: the first request with the key has not finished. */
	static ProblemException inUse() {
		return new ProblemException(HttpStatus.CONFLICT, "idempotency-key-in-use", "Idempotency key in use",
				"A request with this Idempotency-Key is still being processed. "
						+ "Retry shortly to get its response.");
	}

	/** 503: the keys cannot be read or written (the database is unreachable). */
	static ProblemException unavailable() {
		return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
				"The request cannot be accepted right now. Retry it later with the same Idempotency-Key.");
	}

	void write(HttpServletRequest request, HttpServletResponse response, ProblemException problem) throws IOException {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("type", problem.type().toString());
		document.put("title", problem.title());
		document.put("status", problem.status().value());
		document.put("detail", problem.getMessage());
		document.put("instance", request.getRequestURI());
		if (!problem.errors().isEmpty()) {
			document.put("errors", problem.errors());
		}
		byte[] body = this.json.get().writeValueAsBytes(document);
		response.setStatus(problem.status().value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
