package io.souq.starter.web.idempotency;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import com.mongodb.MongoException;
import io.souq.starter.web.idempotency.IdempotencyStore.Claim;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * Makes a {@code POST /api/**} request with an {@code Idempotency-Key} header happen
 * once: the first request with a key runs and its answer is stored; a repetition with the
 * same body gets that answer again ({@code Idempotent-Replayed: true}) without reaching
 * the controller. A key is scoped to the caller (the token's subject, or anonymous), the
 * method and the path, so callers never see each other's answers.
 * <ul>
 * <li>a key that is not 1 to 255 visible ASCII characters: 400</li>
 * <li>the same key with a different body (or query): 422
 * {@code idempotency-key-reused}</li>
 * <li>the same key while its first request is still running: 409
 * {@code idempotency-key-in-use} with {@code Retry-After: 1}</li>
 * <li>the keys' database unreachable: 503</li>
 * <li>a 5xx answer, an exception, or an error rendered by the container: the key is
 * released so the client may retry; any other answer (a 400 too) is stored</li>
 * </ul>
 * Runs after Spring Security (it needs the authenticated caller, and never stores a 401
 * or 403); requests without the header pass untouched.
 */
public final class IdempotencyFilter extends OncePerRequestFilter {

	public static final String HEADER = "Idempotency-Key";

	public static final String REPLAYED_HEADER = "Idempotent-Replayed";

	/** The headers of an answer that are stored and replayed with its status and body. */
	static final List<String> STORED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION);

	private static final String ATTEMPT_ATTRIBUTE = IdempotencyFilter.class.getName() + ".attempt";

	private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

	private final Supplier<IdempotencyStore> stores;

	private final IdempotencyProblems problems;

	/**
	 * Takes the store as a supplier: filters are created with the web server, before the
	 * other singletons, and the store must not create the MongoDB client that early (its
	 * connection settings may not be known yet, e.g. in tests).
	 */
	IdempotencyFilter(Supplier<IdempotencyStore> stores, IdempotencyProblems problems) {
		this.stores = stores;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !isApiPath(request) || request.getHeader(HEADER) == null;
	}

	/** An asynchronous answer (e.g. a {@code Callable}) is stored when it is written. */
	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isAsyncDispatch(request)) {
			resume(request, response, chain);
			return;
		}
		List<String> keys = Collections.list(request.getHeaders(HEADER));
		if (keys.size() != 1 || !IdempotencyScope.isValidKey(keys.get(0))) {
			this.problems.write(request, response, IdempotencyProblems.invalidKey());
			return;
		}
		byte[] body = request.getInputStream().readAllBytes();
		String caller = IdempotencyScope.caller(SecurityContextHolder.getContext().getAuthentication());
		String scope = IdempotencyScope.scope(caller, request.getMethod(), request.getRequestURI(), keys.get(0));
		Claim claim;
		try {
			claim = this.stores.get()
				.claim(scope, IdempotencyScope.requestHash(keys.get(0), request.getQueryString(), body));
		}
		catch (MongoException | DataAccessException ex) {
			log.warn("Cannot check the Idempotency-Key of {} {}: {}", request.getMethod(), request.getRequestURI(),
					ex.getClass().getSimpleName());
			this.problems.write(request, response, IdempotencyProblems.unavailable());
			return;
		}
		switch (claim) {
			case Claim.Acquired acquired -> {
				CapturingResponse capturing = new CapturingResponse(response);
				proceed(new Attempt(scope, acquired.attempt()), new BufferedBodyRequest(request, body), capturing,
						capturing, chain);
			}
			case Claim.Replay replay -> replay(replay.response(), response);
			case Claim.Reused reused -> this.problems.write(request, response, IdempotencyProblems.reused());
			case Claim.InUse inUse -> {
				response.setHeader(HttpHeaders.RETRY_AFTER, "1");
				this.problems.write(request, response, IdempotencyProblems.inUse());
			}
		}
	}

	/** The dispatch that writes an asynchronous answer: finish what the first began. */
	private void resume(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Attempt attempt = (Attempt) request.getAttribute(ATTEMPT_ATTRIBUTE);
		CapturingResponse capturing = WebUtils.getNativeResponse(response, CapturingResponse.class);
		if (attempt == null || capturing == null) {
			chain.doFilter(request, response);
			return;
		}
		proceed(attempt, request, response, capturing, chain);
	}

	private void proceed(Attempt attempt, HttpServletRequest request, HttpServletResponse response,
			CapturingResponse capturing, FilterChain chain) throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException | Error ex) {
			release(attempt);
			throw ex;
		}
		if (request.isAsyncStarted()) {
			if (request.getAttribute(ATTEMPT_ATTRIBUTE) == null) {
				request.setAttribute(ATTEMPT_ATTRIBUTE, attempt);
				request.getAsyncContext().addListener(new ReleaseWhenUnfinished(attempt));
			}
			return;
		}
		finish(attempt, capturing);
	}

	/** Stores the answer (or releases the key), then sends the answer to the client. */
	private void finish(Attempt attempt, CapturingResponse capturing) throws IOException {
		if (attempt.finished.compareAndSet(false, true)) {
			int status = capturing.getStatus();
			if (capturing.errorSent || status >= 500) {
				release(attempt);
			}
			else {
				try {
					this.stores.get().complete(attempt.scope, attempt.id, stored(capturing));
				}
				catch (RuntimeException ex) {
					// the request did its work: the client gets its answer; a retry after
					// the in-progress timeout runs it again
					log.warn("Cannot store the answer of an Idempotency-Key request: {}",
							ex.getClass().getSimpleName());
				}
			}
		}
		capturing.copyBodyToResponse();
	}

	private void release(Attempt attempt) {
		attempt.finished.set(true);
		try {
			this.stores.get().release(attempt.scope, attempt.id);
		}
		catch (RuntimeException ex) {
			log.warn("Cannot release an Idempotency-Key after a failed request: {}", ex.getClass().getSimpleName());
		}
	}

	static StoredResponse stored(ContentCachingResponseWrapper response) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (String name : STORED_HEADERS) {
			String value = name.equals(HttpHeaders.CONTENT_TYPE) ? response.getContentType() : response.getHeader(name);
			if (value != null) {
				headers.put(name, value);
			}
		}
		return new StoredResponse(response.getStatus(), headers, response.getContentAsByteArray());
	}

	private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
		byte[] body = stored.body();
		response.setStatus(stored.status());
		stored.headers().forEach(response::setHeader);
		response.setHeader(REPLAYED_HEADER, "true");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/**
	 * Under {@code /api/}, except sign-in ({@code /api/auth/**}): it creates nothing, and
	 * its answer is a credential that must not be stored.
	 */
	private static boolean isApiPath(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return (path.equals("/api") || path.startsWith("/api/")) && !path.startsWith("/api/auth/");
	}

	/** The request that acquired a key. */
	private static final class Attempt {

		final String scope;

		final String id;

		final AtomicBoolean finished = new AtomicBoolean();

		Attempt(String scope, String id) {
			this.scope = scope;
			this.id = id;
		}

	}

	/** Releases the key of an asynchronous request that ended without an answer. */
	private final class ReleaseWhenUnfinished implements AsyncListener {

		private final Attempt attempt;

		ReleaseWhenUnfinished(Attempt attempt) {
			this.attempt = attempt;
		}

		@Override
		public void onComplete(AsyncEvent event) {
			if (!this.attempt.finished.get()) {
				release(this.attempt);
			}
		}

		@Override
		public void onTimeout(AsyncEvent event) {
		}

		@Override
		public void onError(AsyncEvent event) {
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
		}

	}

	/** Holds the answer until it is stored, and notes errors the container renders. */
	static final class CapturingResponse extends ContentCachingResponseWrapper {

		private boolean errorSent;

		CapturingResponse(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void sendError(int status) throws IOException {
			this.errorSent = true;
			super.sendError(status);
		}

		@Override
		public void sendError(int status, @Nullable String message) throws IOException {
			this.errorSent = true;
			super.sendError(status, message);
		}

	}

	/** The request with its body read once, for the hash, and served again. */
	static final class BufferedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body has been read already: read it blocking");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
