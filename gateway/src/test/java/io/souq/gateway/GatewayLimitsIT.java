package io.souq.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits per client (429) and body size limits (413), with small limits.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "souq.gateway.rate-limit.requests-per-second=0.01", "souq.gateway.rate-limit.burst=5",
				"SOUQ_GATEWAY_MAX_BODY=1KB" })
class GatewayLimitsIT {

	static final StubBackends backends = new StubBackends();

	static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		backends.start(registry);
	}

	@AfterAll
	static void stopBackends() {
		backends.stop();
	}

	@Test
	void limitsEachClientsRateSeparately() throws Exception {
		String layla = backends.token("layla", "CUSTOMER");
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			statuses.add(get("/api/cart", layla).statusCode());
		}
		assertThat(statuses.subList(0, 5)).containsOnly(200);
		assertThat(statuses.subList(5, 8)).containsOnly(429);
		HttpResponse<String> limited = get("/api/cart", layla);
		assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");

		assertThat(get("/api/cart", backends.token("omar", "CUSTOMER")).statusCode()).isEqualTo(200);
	}

	@Test
	void refusesBodiesOverTheLimit() throws Exception {
		String token = backends.token("big-body", "CUSTOMER");
		HttpResponse<String> small = post("/api/orders", "{\"x\":\"" + "a".repeat(500) + "\"}", token);
		assertThat(small.statusCode()).isEqualTo(200);
		HttpResponse<String> large = post("/api/orders", "{\"x\":\"" + "a".repeat(5000) + "\"}", token);
		assertThat(large.statusCode()).isEqualTo(413);
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String body, String token) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
