package io.souq.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public path prefix of the API contract reaches the service that owns it, over
 * real HTTP: each service is stood in for by an HTTP server that answers with its name
 * and the path and headers it received.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class GatewayRoutesIT {

	static final List<String> SERVICES = List.of("customer-service", "catalog-service", "cart-service", "order-service",
			"payment-service", "inventory-service", "shipping-service", "notification-service");

	static final Map<String, HttpServer> backends = new TreeMap<>();

	static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) throws IOException {
		for (String service : SERVICES) {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", exchange -> {
				String correlation = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
				byte[] body = (service + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
						+ correlation)
					.getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			backends.put(service, server);
			String variable = service.toUpperCase().replace('-', '_') + "_URI";
			registry.add(variable, () -> "http://127.0.0.1:" + server.getAddress().getPort());
		}
	}

	@AfterAll
	static void stopBackends() {
		backends.values().forEach(server -> server.stop(0));
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource({ "POST, /api/customers, customer-service", "GET, /api/customers/me, customer-service",
			"PUT, /api/customers/me/addresses/home, customer-service", "POST, /api/auth/token, customer-service",
			"GET, /.well-known/jwks.json, customer-service", "GET, /api/products?q=tea&page=0, catalog-service",
			"GET, /api/products/p-1, catalog-service", "POST, /api/products, catalog-service",
			"PUT, /api/products/p-1, catalog-service", "DELETE, /api/products/p-1, catalog-service",
			"GET, /api/categories, catalog-service", "GET, /api/inventory/SKU-1, inventory-service",
			"PUT, /api/inventory/SKU-1, inventory-service", "POST, /api/inventory/SKU-1/adjustments, inventory-service",
			"GET, /api/cart, cart-service", "POST, /api/cart/items, cart-service",
			"PUT, /api/cart/items/p-1, cart-service", "DELETE, /api/cart/items/p-1, cart-service",
			"DELETE, /api/cart, cart-service", "POST, /api/payment-methods, payment-service",
			"POST, /api/orders, order-service", "GET, /api/orders, order-service",
			"GET, /api/orders/o-1, order-service", "POST, /api/orders/o-1/cancel, order-service",
			"GET, /api/admin/orders?status=PENDING, order-service", "GET, /api/admin/sagas, order-service",
			"GET, /api/shipping/quotes?country=SA&weightGrams=500, shipping-service",
			"GET, /api/shipments/TRK-1, shipping-service", "POST, /api/shipments/TRK-1/events, shipping-service",
			"GET, /api/notifications, notification-service" })
	void routesEveryContractPathToItsOwner(String method, String path, String owner) throws Exception {
		HttpResponse<String> response = send(method, path, "route-test");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(owner + " " + method + " " + path + " route-test");
		assertThat(response.headers().allValues("X-Correlation-Id")).containsExactly("route-test");
	}

	@Test
	void routesOpenApiDocumentsToEachService() throws Exception {
		for (String service : SERVICES) {
			HttpResponse<String> response = send("GET", "/api-docs/" + service, "docs");
			assertThat(response.body()).isEqualTo(service + " GET /v3/api-docs docs");
		}
	}

	@Test
	void generatesACorrelationIdWhenTheClientSendsNoneOrAnUnsafeOne() throws Exception {
		HttpResponse<String> response = send("GET", "/api/cart", "bad id with spaces");
		String id = response.headers().firstValue("X-Correlation-Id").orElseThrow();
		assertThat(id).matches("[0-9a-f-]{36}");
		assertThat(response.body()).endsWith(" " + id);
	}

	@Test
	void doesNotRouteServiceActuatorsOrUnknownPaths() throws Exception {
		assertThat(send("GET", "/actuator/env", "x").statusCode()).isEqualTo(404);
		assertThat(send("GET", "/api/unknown", "x").statusCode()).isEqualTo(404);
		assertThat(send("GET", "/api/productsX", "x").statusCode()).isEqualTo(404);
	}

	@Test
	void answersItsOwnHealth() throws Exception {
		HttpResponse<String> health = send("GET", "/actuator/health", "x");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

	private HttpResponse<String> send(String method, String path, String correlationId) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("X-Correlation-Id", correlationId)
			.method(method,
					method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
							: HttpRequest.BodyPublishers.ofString("{}"))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
