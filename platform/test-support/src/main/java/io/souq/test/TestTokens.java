package io.souq.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
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
 * A token issuer for a service's tests: a real HTTP endpoint serving a JWK set (the
 * service under test fetches it as it would customer-service's) and RS256 tokens signed
 * with its key. One per test JVM.
 */
public final class TestTokens {

	private static TestTokens shared;

	private final RSAKey key;

	private final RSAKey forger;

	private final HttpServer server;

	private TestTokens() {
		this.key = rsa();
		this.forger = rsa();
		byte[] jwks = new JWKSet(this.key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", exchange -> {
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, jwks.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(jwks);
			}
		});
		this.server.setExecutor(null);
		this.server.start();
	}

	/** The issuer of this test JVM, started on first use. */
	public static synchronized TestTokens issuer() {
		if (shared == null) {
			shared = new TestTokens();
		}
		return shared;
	}

	/** Points the service under test at this issuer's JWK set. */
	public void register(DynamicPropertyRegistry registry) {
		registry.add("SOUQ_JWK_SET_URI", this::jwkSetUri);
	}

	public String jwkSetUri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/.well-known/jwks.json";
	}

	/** A token of a customer. */
	public String customer(String customerId) {
		return token(customerId, "CUSTOMER");
	}

	/** A token of an administrator. */
	public String admin() {
		return token("admin-" + Long.toHexString(System.nanoTime()), "ADMIN", "CUSTOMER");
	}

	public String token(String subject, String... roles) {
		return sign(this.key, subject, Instant.now().plusSeconds(3600), roles);
	}

	/** A token that expired two minutes ago. */
	public String expired(String subject, String... roles) {
		return sign(this.key, subject, Instant.now().minusSeconds(120), roles);
	}

	/** A token with this issuer's key id, signed with another key. */
	public String forged(String subject, String... roles) {
		return sign(this.forger, subject, Instant.now().plusSeconds(3600), roles);
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
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey rsa() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID("test-issuer")
				.build();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
