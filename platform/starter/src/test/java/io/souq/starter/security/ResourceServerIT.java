package io.souq.starter.security;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.souq.test.WithSouqInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service on the starter validates tokens against the issuer's JWK set over HTTP and
 * applies its own access rules before the default that {@code /api/**} needs a token.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = ResourceServerIT.SecuredService.class,
		properties = "spring.application.name=secured-service")
@WithSouqInfrastructure
class ResourceServerIT {

	static final RSAKey issuerKey = rsa("issuer");

	static final RSAKey forgedKey = rsa("issuer");

	static HttpServer issuer;

	static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void jwkSet(DynamicPropertyRegistry registry) throws Exception {
		byte[] jwks = new JWKSet(issuerKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		issuer.createContext("/", exchange -> {
			exchange.sendResponseHeaders(200, jwks.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(jwks);
			}
		});
		issuer.start();
		registry.add("SOUQ_JWK_SET_URI", () -> "http://127.0.0.1:" + issuer.getAddress().getPort() + "/jwks");
	}

	@AfterAll
	static void stopIssuer() {
		issuer.stop(0);
	}

	@Test
	void needsAValidTokenOnApiPaths() {
		assertThat(get("/api/me", null).statusCode()).isEqualTo(401);
		assertThat(get("/api/me", null).headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(get("/api/me", token(issuerKey, Instant.now().minusSeconds(120), "CUSTOMER")).statusCode())
			.isEqualTo(401);
		assertThat(get("/api/me", token(forgedKey, Instant.now().plusSeconds(600), "CUSTOMER")).statusCode())
			.isEqualTo(401);
		HttpResponse<String> me = get("/api/me", token(issuerKey, Instant.now().plusSeconds(600), "CUSTOMER"));
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).isEqualTo("c-1");
	}

	@Test
	void appliesTheServicesOwnRules() {
		assertThat(get("/api/open", null).statusCode()).isEqualTo(200);
		String customer = token(issuerKey, Instant.now().plusSeconds(600), "CUSTOMER");
		String admin = token(issuerKey, Instant.now().plusSeconds(600), "ADMIN");
		assertThat(get("/api/admin/things", customer).statusCode()).isEqualTo(403);
		assertThat(get("/api/admin/things", admin).statusCode()).isEqualTo(200);
	}

	@Test
	void leavesActuatorAndNonApiPathsOpen() {
		assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
		assertThat(get("/no-such-thing", null).statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> get(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String token(RSAKey key, Instant expires, String role) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					new JWTClaimsSet.Builder().subject("c-1")
						.issueTime(new Date())
						.expirationTime(Date.from(expires))
						.claim("roles", List.of(role))
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
			var pair = generator.generateKeyPair();
			return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(kid)
				.build();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SpringBootApplication
	@RestController
	static class SecuredService {

		@Bean
		AccessRules sampleRules() {
			return rules -> rules.requestMatchers(HttpMethod.GET, "/api/open")
				.permitAll()
				.requestMatchers("/api/admin/**")
				.hasRole("ADMIN");
		}

		@GetMapping("/api/me")
		String me(@AuthenticationPrincipal Jwt jwt) {
			return jwt.getSubject();
		}

		@GetMapping("/api/open")
		String open() {
			return "open";
		}

		@GetMapping("/api/admin/things")
		String things() {
			return "things";
		}

	}

}
