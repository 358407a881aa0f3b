package io.souq.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

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
 * real HTTP, with the access rule of the contract: anyone, a customer token, or an admin
 * token. Each service is stood in for by an HTTP server that answers with its name and
 * what it received; tokens are validated against a real JWK set endpoint.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class GatewayRoutesIT {

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

	@ParameterizedTest(name = "{0} {1} -> {2} ({3})")
	@CsvSource({ "POST, /api/customers, customer-service, anyone", "GET, /api/customers/me, customer-service, customer",
			"PUT, /api/customers/me/addresses/home, customer-service, customer",
			"POST, /api/auth/token, customer-service, anyone", "GET, /.well-known/jwks.json, customer-service, anyone",
			"GET, /api/products?q=tea&page=0, catalog-service, anyone",
			"GET, /api/products/p-1, catalog-service, anyone", "POST, /api/products, catalog-service, admin",
			"PUT, /api/products/p-1, catalog-service, admin", "DELETE, /api/products/p-1, catalog-service, admin",
			"GET, /api/categories, catalog-service, anyone", "GET, /api/inventory/SKU-1, inventory-service, admin",
			"PUT, /api/inventory/SKU-1, inventory-service, admin",
			"POST, /api/inventory/SKU-1/adjustments, inventory-service, admin",
			"GET, /api/cart, cart-service, customer", "POST, /api/cart/items, cart-service, customer",
			"PUT, /api/cart/items/p-1, cart-service, customer", "DELETE, /api/cart/items/p-1, cart-service, customer",
			"DELETE, /api/cart, cart-service, customer", "POST, /api/payment-methods, payment-service, customer",
			"POST, /api/orders, order-service, customer", "GET, /api/orders, order-service, customer",
			"GET, /api/orders/o-1, order-service, customer", "POST, /api/orders/o-1/cancel, order-service, customer",
			"GET, /api/admin/orders?status=PENDING, order-service, admin",
			"GET, /api/admin/sagas, order-service, admin",
			"GET, /api/shipping/quotes?country=SA&weightGrams=500, shipping-service, anyone",
			"GET, /api/shipments/TRK-1, shipping-service, customer",
			"POST, /api/shipments/TRK-1/events, shipping-service, admin",
			"GET, /api/notifications, notification-service, customer" })
	void routesEveryContractPathToItsOwnerWithItsAccessRule(String method, String path, String owner, String who) {
		String expected = owner + " " + method + " " + path + " route-test";
		String customer = backends.token("c-1", "CUSTOMER");
		String admin = backends.token("a-1", "ADMIN", "CUSTOMER");
		switch (who) {
			case "anyone" -> assertRouted(send(method, path, null), expected);
			case "customer" -> {
				assertThat(send(method, path, null).statusCode()).isEqualTo(401);
				assertRouted(send(method, path, customer), expected);
			}
			case "admin" -> {
				assertThat(send(method, path, null).statusCode()).isEqualTo(401);
				HttpResponse<String> forbidden = send(method, path, customer);
				assertThat(forbidden.statusCode()).isEqualTo(403);
				assertThat(forbidden.headers().firstValue("Content-Type")).hasValue("application/problem+json");
				assertRouted(send(method, path, admin), expected);
			}
			default -> throw new IllegalArgumentException(who);
		}
	}

	@Test
	void refusesExpiredAndForgedTokensWithAProblemDocument() {
		for (String token : new String[] { backends.expiredToken("c-1"), backends.forgedToken("c-1"), "garbage" }) {
			HttpResponse<String> response = send("GET", "/api/cart", token);
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(response.body()).contains("\"status\":401");
		}
	}

	@Test
	void stripsIdentityHeadersThatClientsSend() {
		HttpRequest request = request("GET", "/api/cart", backends.token("c-1", "CUSTOMER"))
			.header("X-User-Id", "someone-else")
			.build();
		HttpResponse<String> response = send(request);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).doesNotContain("claimed=");
	}

	@Test
	void routesOpenApiDocumentsToEachService() {
		for (String service : StubBackends.SERVICES) {
			assertRouted(send("GET", "/api-docs/" + service, null), service + " GET /v3/api-docs route-test");
		}
	}

	@Test
	void generatesACorrelationIdWhenTheClientSendsNoneOrAnUnsafeOne() {
		HttpResponse<String> response = send(
				request("GET", "/api/categories", null).setHeader("X-Correlation-Id", "bad id with spaces").build());
		String id = response.headers().firstValue("X-Correlation-Id").orElseThrow();
		assertThat(id).matches("[0-9a-f-]{36}");
		assertThat(response.body()).endsWith(" " + id);
	}

	@Test
	void doesNotRouteServiceActuatorsOrUnknownPaths() {
		String admin = backends.token("a-1", "ADMIN");
		assertThat(send("GET", "/actuator/env", null).statusCode()).isEqualTo(401);
		assertThat(send("GET", "/actuator/env", admin).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/api/unknown", admin).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/api/productsX", admin).statusCode()).isEqualTo(404);
	}

	@Test
	void answersItsOwnHealthToAnyone() {
		HttpResponse<String> health = send("GET", "/actuator/health", null);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

	private static void assertRouted(HttpResponse<String> response, String expected) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(expected);
		assertThat(response.headers().allValues("X-Correlation-Id")).containsExactly("route-test");
	}

	private HttpResponse<String> send(String method, String path, String token) {
		return send(request(method, path, token).build());
	}

	private HttpRequest.Builder request(String method, String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("X-Correlation-Id", "route-test")
			.method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString("{}"));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request;
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
