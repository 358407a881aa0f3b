package io.souq.starter.web;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

import io.souq.starter.domain.Refused;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of a Souq service as an RFC 9457 problem document: validation errors list
 * their fields, domain refusals keep their status, and anything unexpected is a 500 whose
 * detail never echoes an exception message or stack trace.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<ProblemDetail> problem(ProblemException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		problem.setType(ex.type());
		problem.setTitle(ex.title());
		if (!ex.errors().isEmpty()) {
			problem.setProperty("errors", ex.errors());
		}
		return ResponseEntity.status(ex.status()).body(problem);
	}

	@ExceptionHandler(Refused.class)
	ResponseEntity<ProblemDetail> refused(Refused ex) {
		return problem(ProblemException.unprocessable(ex.code(), ex.getMessage()));
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
		List<ProblemException.FieldProblem> errors = ex.getConstraintViolations()
			.stream()
			.map(v -> new ProblemException.FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
			.sorted(Comparator.comparing(ProblemException.FieldProblem::field))
			.toList();
		return problem(ProblemException.invalidFields(errors));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) throws Exception {
		if (ex.getClass().getName().startsWith("org.springframework.security.")) {
			// access decisions belong to Spring Security's own 401/403 handling
			throw ex;
		}
		log.error("Unexpected error", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The request could not be completed. It has been logged; try again later.");
		problem.setType(URI.create("https://souq.io/problems/internal"));
		problem.setTitle("Internal error");
		return ResponseEntity.internalServerError().body(problem);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<ProblemException.FieldProblem> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> new ProblemException.FieldProblem(error.getField(),
					(error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is not valid"))
			.sorted(Comparator.comparing(ProblemException.FieldProblem::field))
			.toList();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some fields are not valid.");
		problem.setType(URI.create("https://souq.io/problems/validation"));
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().headers(headers).body(problem);
	}

	private static String lastNode(String path) {
		int dot = path.lastIndexOf('.');
		return (dot >= 0) ? path.substring(dot + 1) : path;
	}

}
