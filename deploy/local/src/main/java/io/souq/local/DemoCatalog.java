package io.souq.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads the demo catalog into a running platform through the gateway, as an operator
 * would: signs in as the seeded admin, creates every product ({@code POST /api/products},
 * with an {@code Idempotency-Key}; a product whose SKU exists is left alone), then sets
 * the stock of each new product once inventory has its stock record ({@code PUT
 * /api/inventory/{sku}}).
 */
final class DemoCatalog {

	static final String RESOURCE = "demo-catalog.json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final URI gateway;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Duration patience;

	DemoCatalog(URI gateway, Duration patience) {
		this.gateway = gateway;
		this.patience = patience;
	}

	/** What a load did. */
	record Result(int created, int existing, int stocked, int categories) {
	}

	/** The demo products, as written in {@value #RESOURCE}. */
	static List<JsonNode> products() {
		try (InputStream in = DemoCatalog.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the class path");
			}
			List<JsonNode> products = new ArrayList<>();
			JSON.readTree(in).forEach(products::add);
			return products;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Loads the catalog.
	 * @throws SouqException when the platform refuses or does not answer in time
	 */
	Result load(String adminEmail, String adminPassword) {
		String token = signIn(adminEmail, adminPassword);
		Map<String, Integer> stockToSet = new LinkedHashMap<>();
		Set<String> categories = new TreeSet<>();
		int existing = 0;
		for (JsonNode product : products()) {
			String sku = product.get("sku").asString();
			categories.add(product.get("category").asString());
			ObjectNode body = ((ObjectNode) product.deepCopy());
			body.remove("stock");
			HttpResponse<String> created = send("POST", "/api/products", body.toString(), token,
					Map.of("Idempotency-Key", "demo-catalog-" + sku));
			if (created.statusCode() == 201) {
				stockToSet.put(sku, product.get("stock").asInt());
			}
			else if (created.statusCode() == 409) {
				existing++;
			}
			else {
				throw refused("creating " + sku, created);
			}
		}
		int stocked = 0;
		long deadline = System.nanoTime() + this.patience.toNanos();
		for (Map.Entry<String, Integer> stock : stockToSet.entrySet()) {
			String body = "{\"onHand\": " + stock.getValue() + ", \"reorderPoint\": 5}";
			while (true) {
				HttpResponse<String> counted = send("PUT", "/api/inventory/" + stock.getKey(), body, token, Map.of());
				if (counted.statusCode() == 200) {
					stocked++;
					break;
				}
				if (counted.statusCode() != 404 || System.nanoTime() > deadline) {
					throw refused("setting the stock of " + stock.getKey(), counted);
				}
				// inventory creates the stock record from product.created: not there yet
				Launcher.pause(Duration.ofMillis(200));
			}
		}
		return new Result(stockToSet.size(), existing, stocked, categories.size());
	}

	private String signIn(String email, String password) {
		ObjectNode credentials = JSON.createObjectNode().put("email", email).put("password", password);
		long deadline = System.nanoTime() + this.patience.toNanos();
		while (true) {
			HttpResponse<String> answer = send("POST", "/api/auth/token", credentials.toString(), null, Map.of());
			if (answer.statusCode() == 200) {
				return JSON.readTree(answer.body()).get("accessToken").asString();
			}
			// the admin account is seeded in the background just after start-up
			if (answer.statusCode() != 401 || System.nanoTime() > deadline) {
				throw refused("signing in as " + email, answer);
			}
			Launcher.pause(Duration.ofMillis(250));
		}
	}

	private HttpResponse<String> send(String method, String path, String body, String token,
			Map<String, String> headers) {
		for (int attempt = 1;; attempt++) {
			HttpRequest.Builder request = HttpRequest.newBuilder(this.gateway.resolve(path))
				.timeout(Duration.ofSeconds(20))
				.header("Content-Type", "application/json")
				.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
						: HttpRequest.BodyPublishers.noBody());
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			headers.forEach(request::header);
			try {
				HttpResponse<String> response = this.http.send(request.build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				if (response.statusCode() == 429 && attempt < 20) {
					long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
					Launcher.pause(Duration.ofSeconds(Math.min(Math.max(seconds, 1), 5)));
					continue;
				}
				return response;
			}
			catch (IOException ex) {
				throw new SouqException(method + " " + path + " failed: " + ex.getMessage(), ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new SouqException("interrupted", ex);
			}
		}
	}

	private static SouqException refused(String what, HttpResponse<String> response) {
		String body = response.body();
		return new SouqException(what + " answered " + response.statusCode() + ": "
				+ ((body.length() > 300) ? body.substring(0, 300) + " ..." : body));
	}

}
