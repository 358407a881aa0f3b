package io.souq.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operational contract every Souq service keeps, checked over real HTTP against a
 * running instance: probes, metrics, problem details for unknown paths, correlation ids,
 * and a messaging round trip through the broker.
 */
public final class ServiceChecks {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	private ServiceChecks(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public static ServiceChecks on(int port) {
		return new ServiceChecks("http://127.0.0.1:" + port);
	}

	public static ServiceChecks on(String baseUrl) {
		return new ServiceChecks(baseUrl);
	}

	/**
	 * Readiness (with Kafka and MongoDB UP), liveness, Prometheus metrics, a problem
	 * document for an unknown path with the correlation id echoed, and a messaging probe
	 * the service sends to itself through the broker.
	 */
	public void assertOperational(String service) {
		awaitReady();
		HttpResponse<String> liveness = get("/actuator/health/liveness");
		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(liveness.body(), "$.status")).isEqualTo("UP");

		HttpResponse<String> metrics = get("/actuator/prometheus");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("application=\"" + service + "\"");

		HttpResponse<String> unknown = send(HttpRequest.newBuilder(uri("/no-such-thing"))
			.header("X-Correlation-Id", "check-42")
			.header("Accept", "application/json")
			.GET());
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(JsonPath.<Integer>read(unknown.body(), "$.status")).isEqualTo(404);
		assertThat(unknown.body()).doesNotContain("Exception").doesNotContain("\tat ");
		assertThat(unknown.headers().firstValue("X-Correlation-Id")).hasValue("check-42");

		assertThat(probe(service)).startsWith(service + "@");
	}

	/** Waits until the readiness probe answers UP with Kafka and MongoDB UP. */
	public void awaitReady() {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			HttpResponse<String> readiness = get("/actuator/health/readiness");
			assertThat(readiness.statusCode()).isEqualTo(200);
			assertThat(JsonPath.<String>read(readiness.body(), "$.status")).isEqualTo("UP");
			assertThat(JsonPath.<String>read(readiness.body(), "$.components.kafka.status")).isEqualTo("UP");
			assertThat(JsonPath.<String>read(readiness.body(), "$.components.mongo.status")).isEqualTo("UP");
		});
	}

	/**
	 * Sends a messaging probe from this service to the target through the broker,
	 * retrying until the probe listens, and returns the answering instance.
	 */
	public String probe(String target) {
		String[] answeredBy = new String[1];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/actuator/messaging"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"target\":\"" + target + "\"}")));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			answeredBy[0] = JsonPath.read(response.body(), "$.answeredBy");
		});
		return answeredBy[0];
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	private URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
