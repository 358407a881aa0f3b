package io.souq.starter.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as RFC 9457 problem documents, with {@code WWW-Authenticate: Bearer} on a
 * 401.
 */
public final class SecurityProblems {

	private SecurityProblems() {
	}

	public static AuthenticationEntryPoint unauthorized() {
		return (request, response, ex) -> write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized",
				"A valid bearer token is required.");
	}

	public static AccessDeniedHandler forbidden() {
		return (request, response, ex) -> write(request, response, HttpStatus.FORBIDDEN, "forbidden",
				"This needs a role the token does not have.");
	}

	private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
			String detail) throws IOException {
		response.setStatus(status.value());
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Bearer");
		}
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8);
		String path = request.getRequestURI().replaceAll("[^A-Za-z0-9/._~-]", "");
		response.getWriter()
			.write("{\"type\":\"https://souq.io/problems/" + type + "\",\"title\":\"" + status.getReasonPhrase()
					+ "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\",\"instance\":\"" + path
					+ "\"}");
	}

}
