package io.souq.starter.security;

import java.net.http.HttpResponse;

import io.souq.test.ApiClient;
import io.souq.test.TestTokens;
import io.souq.test.WithSouqInfrastructure;
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

	static final TestTokens tokens = TestTokens.issuer();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void jwkSet(DynamicPropertyRegistry registry) {
		tokens.register(registry);
	}

	@Test
	void needsAValidTokenOnApiPaths() {
		assertThat(get("/api/me", null).statusCode()).isEqualTo(401);
		assertThat(get("/api/me", null).headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(get("/api/me", tokens.expired("c-1", "CUSTOMER")).statusCode()).isEqualTo(401);
		assertThat(get("/api/me", tokens.forged("c-1", "CUSTOMER")).statusCode()).isEqualTo(401);
		HttpResponse<String> me = get("/api/me", tokens.customer("c-1"));
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).isEqualTo("c-1");
	}

	@Test
	void appliesTheServicesOwnRules() {
		assertThat(get("/api/open", null).statusCode()).isEqualTo(200);
		String customer = tokens.customer("c-1");
		String admin = tokens.admin();
		assertThat(get("/api/admin/things", customer).statusCode()).isEqualTo(403);
		assertThat(get("/api/admin/things", admin).statusCode()).isEqualTo(200);
	}

	@Test
	void leavesActuatorAndNonApiPathsOpen() {
		assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
		assertThat(get("/no-such-thing", null).statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> get(String path, String token) {
		return ApiClient.on(this.port).get(path, token);
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
