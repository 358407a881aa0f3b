package io.souq.starter.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Echoes the request's {@code X-Correlation-Id} (or a new one) on the response and puts
 * it in the logging context for the duration of the request.
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

	public static final String HEADER = "X-Correlation-Id";

	public static final String MDC_KEY = "correlationId";

	private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = correlationId(request.getHeader(HEADER));
		response.setHeader(HEADER, id);
		MDC.put(MDC_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

	/**
	 * The caller's id when it is a sane token, otherwise a new one (never echo arbitrary
	 * header content into logs and responses).
	 */
	static String correlationId(String fromRequest) {
		if (fromRequest != null && ACCEPTABLE.matcher(fromRequest).matches()) {
			return fromRequest;
		}
		return UUID.randomUUID().toString();
	}

}
