package io.souq.starter.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * An error a service reports to its caller as an RFC 9457 problem document: thrown by
 * controllers and domain code, turned into a response by {@link ProblemHandler}. The
 * detail is shown to clients, so it must be written for them.
 */
public class ProblemException extends RuntimeException {

	private static final String TYPE_BASE = "https://souq.io/problems/";

	private final HttpStatus status;

	private final String type;

	private final String title;

	private final List<FieldProblem> errors;

	public ProblemException(HttpStatus status, String type, String title, String detail) {
		this(status, type, title, detail, List.of());
	}

	public ProblemException(HttpStatus status, String type, String title, String detail, List<FieldProblem> errors) {
		super(detail);
		this.status = status;
		this.type = type;
		this.title = title;
		this.errors = List.copyOf(errors);
	}

	/** 400: fields that break rules the annotations cannot express. */
	public static ProblemException invalidFields(List<FieldProblem> errors) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
				"Some fields are not valid.", errors);
	}

	/** 404: the thing does not exist, or is not the caller's. */
	public static ProblemException notFound(String detail) {
		return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
	}

	/** 409: the request conflicts with the current state (e.g. a duplicate). */
	public static ProblemException conflict(String type, String detail) {
		return new ProblemException(HttpStatus.CONFLICT, type, "Conflict", detail);
	}

	/** 422: a well-formed request the domain refuses. */
	public static ProblemException unprocessable(String type, String detail) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, type, "Request refused", detail);
	}

	public HttpStatus status() {
		return this.status;
	}

	public URI type() {
		return URI.create(TYPE_BASE + this.type);
	}

	public String title() {
		return this.title;
	}

	public List<FieldProblem> errors() {
		return this.errors;
	}

	/**
	 * One invalid field.
	 *
	 * @param field the field's name, dotted for nested fields
	 * @param message what is wrong with it
	 */
	public record FieldProblem(String field, String message) {
	}

}
