package io.souq.starter.web.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import com.mongodb.MongoTimeoutException;
import io.souq.starter.web.idempotency.IdempotencyStore.Claim;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyFilterTests {

	static final String BODY = "{\"name\":\"lamp\"}";

	final RecordingStore store = new RecordingStore();

	final IdempotencyFilter filter = new IdempotencyFilter(() -> this.store,
			new IdempotencyProblems(JsonMapper::shared));

	final AtomicInteger calls = new AtomicInteger();

	/** A controller that creates a thing from the body it reads. */
	final FilterChain creates = (request, response) -> {
		this.calls.incrementAndGet();
		String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		HttpServletResponse http = (HttpServletResponse) response;
		http.setStatus(201);
		http.setHeader("Location", "/api/things/t-1");
		http.setHeader("X-Other", "not stored");
		http.setContentType("application/json");
		http.getWriter().write("{\"id\":\"t-1\",\"echo\":" + body + "}");
		http.flushBuffer();
	};

	@AfterEach
	void clearSecurityContext() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void passesRequestsWithoutAKeyAndOtherThanPostUnderApiUntouched() throws Exception {
		MockHttpServletResponse withoutKey = run(post("/api/things", null), this.creates);
		MockHttpServletRequest get = post("/api/things", "k-1");
		get.setMethod("GET");
		run(get, this.creates);
		run(post("/actuator/messaging", "k-1"), this.creates);
		run(post("/apis", "k-1"), this.creates);
		run(post("/api/auth/token", "k-1"), this.creates);

		assertThat(this.calls).hasValue(5);
		assertThat(this.store.claims).isEmpty();
		assertThat(withoutKey.getStatus()).isEqualTo(201);
		assertThat(withoutKey.getHeader(IdempotencyFilter.REPLAYED_HEADER)).isNull();
	}

	@Test
	void refusesAnInvalidKeyWith400NamingTheHeader() throws Exception {
		MockHttpServletRequest twoKeys = post("/api/things", "k-1");
		twoKeys.addHeader(IdempotencyFilter.HEADER, "k-2");
		for (MockHttpServletRequest request : List.of(post("/api/things", ""), post("/api/things", "with space"),
				post("/api/things", "k".repeat(256)), twoKeys)) {
			MockHttpServletResponse response = run(request, this.creates);
			assertThat(response.getStatus()).isEqualTo(400);
			assertThat(response.getContentType()).isEqualTo("application/problem+json");
			String problem = response.getContentAsString();
			assertThat(JsonPath.<String>read(problem, "$.type")).isEqualTo("https://souq.io/problems/validation");
			assertThat(JsonPath.<String>read(problem, "$.instance")).isEqualTo("/api/things");
			assertThat(JsonPath.<String>read(problem, "$.errors[0].field")).isEqualTo("Idempotency-Key");
		}
		assertThat(this.calls).hasValue(0);
		assertThat(this.store.claims).isEmpty();
	}

	@Test
	void runsTheFirstRequestWithItsBodyStoresTheAnswerAndSendsIt() throws Exception {
		MockHttpServletResponse response = run(post("/api/things", "k-1"), this.creates);

		assertThat(this.calls).hasValue(1);
		assertThat(this.store.claims).containsExactly(IdempotencyScope.scope("anonymous", "POST", "/api/things", "k-1")
				+ " " + IdempotencyScope.requestHash("k-1", null, BODY.getBytes(StandardCharsets.UTF_8)));
		String answer = "{\"id\":\"t-1\",\"echo\":" + BODY + "}";
		assertThat(response.getStatus()).isEqualTo(201);
		assertThat(response.getContentAsString()).isEqualTo(answer);
		assertThat(response.getHeader("Location")).isEqualTo("/api/things/t-1");
		assertThat(response.getHeader(IdempotencyFilter.REPLAYED_HEADER)).isNull();
		assertThat(this.store.completed).containsExactly(
				new StoredResponse(201, Map.of("Content-Type", "application/json", "Location", "/api/things/t-1"),
						answer.getBytes(StandardCharsets.UTF_8)));
		assertThat(this.store.released).isEmpty();
	}

	@Test
	void scopesTheKeyToTheAuthenticatedSubject() throws Exception {
		Jwt jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject("c-1").build();
		SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, List.of()));
		run(post("/api/things", "k-1"), this.creates);

		assertThat(this.store.claims).singleElement()
			.asString()
			.startsWith(IdempotencyScope.scope("sub:c-1", "POST", "/api/things", "k-1") + " ");
	}

	@Test
	void replaysAStoredAnswerWithoutRunningTheRequest() throws Exception {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json");
		headers.put("Location", "/api/things/t-1");
		this.store.next = new Claim.Replay(
				new StoredResponse(201, headers, "{\"id\":\"t-1\"}".getBytes(StandardCharsets.UTF_8)));

		MockHttpServletResponse response = run(post("/api/things", "k-1"), this.creates);

		assertThat(this.calls).hasValue(0);
		assertThat(response.getStatus()).isEqualTo(201);
		assertThat(response.getContentAsString()).isEqualTo("{\"id\":\"t-1\"}");
		assertThat(response.getContentType()).isEqualTo("application/json");
		assertThat(response.getHeader("Location")).isEqualTo("/api/things/t-1");
		assertThat(response.getHeader(IdempotencyFilter.REPLAYED_HEADER)).isEqualTo("true");
		assertThat(this.store.completed).isEmpty();
	}

	@Test
	void refusesTheKeyForADifferentBodyWith422() throws Exception {
		this.store.next = new Claim.Reused();
		MockHttpServletResponse response = run(post("/api/things", "k-1"), this.creates);

		assertThat(this.calls).hasValue(0);
		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(JsonPath.<String>read(response.getContentAsString(), "$.type")).endsWith("/idempotency-key-reused");
		assertThat(JsonPath.<Integer>read(response.getContentAsString(), "$.status")).isEqualTo(422);
	}

	@Test
	void asksToRetryARepetitionOfARunningRequestWith409() throws Exception {
		this.store.next = new Claim.InUse();
		MockHttpServletResponse response = run(post("/api/things", "k-1"), this.creates);

		assertThat(this.calls).hasValue(0);
		assertThat(response.getStatus()).isEqualTo(409);
		assertThat(response.getHeader("Retry-After")).isEqualTo("1");
		assertThat(JsonPath.<String>read(response.getContentAsString(), "$.type")).endsWith("/idempotency-key-in-use");
	}

	@Test
	void answers503WithoutDetailsWhenTheKeysCannotBeChecked() throws Exception {
		this.store.claimFailure = new MongoTimeoutException("Timed out after 5000 ms while waiting for 127.0.0.1:1");
		MockHttpServletResponse response = run(post("/api/things", "k-1"), this.creates);

		assertThat(this.calls).hasValue(0);
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(JsonPath.<String>read(response.getContentAsString(), "$.type"))
			.isEqualTo("https://souq.io/problems/service-unavailable");
		assertThat(response.getContentAsString()).doesNotContain("127.0.0.1").doesNotContain("Timed out");
	}

	@Test
	void releasesTheKeyWhenTheRequestAnswersWithA5xx() throws Exception {
		MockHttpServletResponse response = run(post("/api/things", "k-1"), (request, answer) -> {
			HttpServletResponse http = (HttpServletResponse) answer;
			http.setStatus(500);
			http.setContentType("application/problem+json");
			http.getWriter().write("{\"status\":500}");
		});

		assertThat(response.getStatus()).isEqualTo(500);
		assertThat(response.getContentAsString()).isEqualTo("{\"status\":500}");
		assertThat(this.store.released).containsExactly("a-1");
		assertThat(this.store.completed).isEmpty();
	}

	@Test
	void releasesTheKeyWhenTheRequestFailsWithAnExceptionOrAContainerError() throws Exception {
		assertThatThrownBy(() -> run(post("/api/things", "k-1"), (request, response) -> {
			throw new IllegalStateException("database busy");
		})).hasMessage("database busy");
		run(post("/api/things", "k-2"), (request, response) -> ((HttpServletResponse) response).sendError(404));

		assertThat(this.store.released).containsExactly("a-1", "a-1");
		assertThat(this.store.completed).isEmpty();
	}

	@Test
	void sendsTheAnswerEvenWhenItCannotBeStored() throws Exception {
		this.store.completeFailure = new MongoTimeoutException("Timed out");
		MockHttpServletResponse response = run(post("/api/things", "k-1"), this.creates);

		assertThat(response.getStatus()).isEqualTo(201);
		assertThat(response.getContentAsString()).startsWith("{\"id\":\"t-1\"");
	}

	private MockHttpServletResponse run(MockHttpServletRequest request, FilterChain chain)
			throws ServletException, IOException {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, chain);
		return response;
	}

	private static MockHttpServletRequest post(String path, String key) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		request.setContentType("application/json");
		request.setContent(BODY.getBytes(StandardCharsets.UTF_8));
		if (key != null) {
			request.addHeader(IdempotencyFilter.HEADER, key);
		}
		return request;
	}

	/** Answers the next claim as told and records what the filter stored. */
	static class RecordingStore implements IdempotencyStore {

		Claim next = new Claim.Acquired("a-1");

		RuntimeException claimFailure;

		RuntimeException completeFailure;

		final List<String> claims = new ArrayList<>();

		final List<StoredResponse> completed = new ArrayList<>();

		final List<String> released = new ArrayList<>();

		@Override
		public Claim claim(String scope, String requestHash) {
			if (this.claimFailure != null) {
				throw this.claimFailure;
			}
			this.claims.add(scope + " " + requestHash);
			return this.next;
		}

		@Override
		public void complete(String scope, String attempt, StoredResponse response) {
			if (this.completeFailure != null) {
				throw this.completeFailure;
			}
			this.completed.add(response);
		}

		@Override
		public void release(String scope, String attempt) {
			this.released.add(attempt);
		}

	}

}
