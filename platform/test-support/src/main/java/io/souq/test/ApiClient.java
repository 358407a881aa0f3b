package io.souq.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Real HTTP calls to a service or the gateway, JSON in, text out, with an optional bearer
 * token: what the tests of every service and the end-to-end tests use.
 */
public final class ApiClient {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	private ApiClient(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public static ApiClient on(int port) {
		return new ApiClient("http://127.0.0.1:" + port);
	}

	public static ApiClient on(String baseUrl) {
		return new ApiClient(baseUrl);
	}

	public HttpResponse<String> get(String path, String token) {
		return send("GET", path, null, token);
	}

	public HttpResponse<String> post(String path, String body, String token) {
		return send("POST", path, body, token);
	}

	public HttpResponse<String> put(String path, String body, String token) {
		return send("PUT", path, body, token);
	}

	/**
	 * Sends a request; {@code body} and {@code token} may be {@code null}.
	 */
	public HttpResponse<String> send(String method, String path, String body, String token) {
		return send(method, path, body, token, Map.of());
	}

	/**
	 * Sends a request with extra headers (e.g. {@code Idempotency-Key}); {@code body} and
	 * {@code token} may be {@code null}.
	 */
	public HttpResponse<String> send(String method, String path, String body, String token,
			Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
