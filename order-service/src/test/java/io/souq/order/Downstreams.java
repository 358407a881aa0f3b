package io.souq.order;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;

/**
 * The HTTP answers of cart-service, customer-service and shipping-service that a checkout
 * reads, served on one local port: this IT exercises order-service, the end-to-end tests
 * run checkout against the real services.
 */
final class Downstreams {

	private static final Downstreams INSTANCE = new Downstreams();

	private final HttpServer server;

	/** Answers by customer token (cart, profile) or by path (quotes). */
	private final Map<String, String> carts = new ConcurrentHashMap<>();

	private volatile String quote;

	private Downstreams() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/api/cart", (exchange) -> {
			String token = exchange.getRequestHeaders().getFirst("Authorization");
			String cart = this.carts.get(String.valueOf(token).replace("Bearer ", ""));
			respond(exchange, (cart != null) ? 200 : 401, (cart != null) ? cart : "{}");
		});
		this.server.createContext("/api/customers/me", (exchange) -> respond(exchange, 200, """
				{"id": "c", "name": "Layla Haddad", "addresses": {"home": {"line1": "12 King Fahd Road",
				 "line2": null, "city": "Riyadh", "postalCode": "12271", "country": "SA", "phone": null}}}"""));
		this.server.createContext("/api/shipping/quotes", (exchange) -> respond(exchange, 200, this.quote));
		this.server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> this.server.stop(0)));
	}

	static Downstreams get() {
		return INSTANCE;
	}

	String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	void cart(String token, String cartJson) {
		this.carts.put(token, cartJson);
	}

	void quote(String quoteJson) {
		this.quote = quoteJson;
	}

	private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}
