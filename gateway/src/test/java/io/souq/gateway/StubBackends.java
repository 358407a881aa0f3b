package io.souq.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Real HTTP servers standing in for the eight services (each answers with its name and
 * the method, path and correlation id it received, and echoes the identity headers it
 * got) and for the token issuer's JWK set; plus tokens signed with that issuer's key.
 */
final class StubBackends {

	static final List<String> SERVICES = List.of("customer-service", "catalog-service", "cart-service", "order-service",
			"payment-service", "inventory-service", "shipping-service", "notification-service");

	private final Map<String, HttpServer> servers = new TreeMap<>();

	private final RSAKey key;

	private final RSAKey otherKey;

	StubBackends() {
		this.key = rsa("issuer-key");
		this.otherKey = rsa("forged-key");
	}

	void start(DynamicPropertyRegistry registry) {
		for (String service : SERVICES) {
			HttpServer server = server(exchange -> {
				String correlation = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
				String claimed = exchange.getRequestHeaders().getFirst("X-User-Id");
				return service + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + correlation
						+ ((claimed != null) ? " claimed=" + claimed : "");
			});
			this.servers.put(service, server);
			String variable = service.toUpperCase().replace('-', '_') + "_URI";
			registry.add(variable, () -> "http://127.0.0.1:" + server.getAddress().getPort());
		}
		String jwks = new JWKSet(this.key.toPublicJWK()).toString();
		HttpServer issuer = server(exchange -> jwks);
		this.servers.put("issuer", issuer);
		registry.add("SOUQ_JWK_SET_URI",
				() -> "http://127.0.0.1:" + issuer.getAddress().getPort() + "/.well-known/jwks.json");
	}

	void stop() {
		this.servers.values().forEach(server -> server.stop(0));
	}

	String token(String subject, String... roles) {
		return sign(this.key, subject, Instant.now().plusSeconds(600), roles);
	}

	String expiredToken(String subject) {
		return sign(this.key, subject, Instant.now().minusSeconds(120), "CUSTOMER");
	}

	String forgedToken(String subject) {
		return sign(this.otherKey, subject, Instant.now().plusSeconds(600), "ADMIN");
	}

	private static String sign(RSAKey key, String subject, Instant expires, String... roles) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					new JWTClaimsSet.Builder().subject(subject)
						.issuer("souq")
						.issueTime(new Date())
						.expirationTime(Date.from(expires))
						.claim("roles", List.of(roles))
						.build());
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey rsa(String kid) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(kid)
				.build();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	interface Answer {

		String body(com.sun.net.httpserver.HttpExchange exchange) throws IOException;

	}

	private static HttpServer server(Answer answer) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", exchange -> {
				exchange.getRequestBody().readAllBytes();
				byte[] body = answer.body(exchange).getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
