package io.souq.starter.web.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyScopeTests {

	@Test
	void acceptsOneTo255VisibleAsciiCharacters() {
		assertThat(IdempotencyScope.isValidKey("a")).isTrue();
		assertThat(IdempotencyScope.isValidKey("3f2b8c1e-9d4a-4c6b-8e2f-1a2b3c4d5e6f")).isTrue();
		assertThat(IdempotencyScope.isValidKey("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")).isTrue();
		assertThat(IdempotencyScope.isValidKey("k".repeat(255))).isTrue();
	}

	@Test
	void rejectsEmptyLongOrInvisibleKeys() {
		assertThat(IdempotencyScope.isValidKey(null)).isFalse();
		assertThat(IdempotencyScope.isValidKey("")).isFalse();
		assertThat(IdempotencyScope.isValidKey("k".repeat(256))).isFalse();
		assertThat(IdempotencyScope.isValidKey("two words")).isFalse();
		assertThat(IdempotencyScope.isValidKey("tab\tkey")).isFalse();
		assertThat(IdempotencyScope.isValidKey("line\r\nX-Injected: 1")).isFalse();
		assertThat(IdempotencyScope.isValidKey("del\u007f")).isFalse();
		assertThat(IdempotencyScope.isValidKey("clé")).isFalse();
	}

	@Test
	void knowsTheCallerByTheTokensSubjectOrAsAnonymous() {
		Jwt jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject("c-1").build();
		assertThat(IdempotencyScope.caller(new JwtAuthenticationToken(jwt, List.of()))).isEqualTo("sub:c-1");
		assertThat(IdempotencyScope.caller(null)).isEqualTo("anonymous");
		assertThat(IdempotencyScope.caller(new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"))))
			.isEqualTo("anonymous");
		Jwt calledAnonymous = Jwt.withTokenValue("token").header("alg", "RS256").subject("anonymous").build();
		assertThat(IdempotencyScope.caller(new JwtAuthenticationToken(calledAnonymous, List.of())))
			.isNotEqualTo("anonymous");
	}

	@Test
	void hashesTheScopeSoThatEveryPartCounts() {
		String scope = IdempotencyScope.scope("sub:c-1", "POST", "/api/orders", "key-1");
		assertThat(scope).matches("[0-9a-f]{64}")
			.isEqualTo(IdempotencyScope.scope("sub:c-1", "POST", "/api/orders", "key-1"));
		assertThat(scope).isNotEqualTo(IdempotencyScope.scope("sub:c-2", "POST", "/api/orders", "key-1"))
			.isNotEqualTo(IdempotencyScope.scope("anonymous", "POST", "/api/orders", "key-1"))
			.isNotEqualTo(IdempotencyScope.scope("sub:c-1", "PUT", "/api/orders", "key-1"))
			.isNotEqualTo(IdempotencyScope.scope("sub:c-1", "POST", "/api/carts", "key-1"))
			.isNotEqualTo(IdempotencyScope.scope("sub:c-1", "POST", "/api/orders", "key-2"));
	}

	@Test
	void hashesPartsUnambiguously() {
		assertThat(IdempotencyScope.scope("sub:a", "POST", "/api/x", "bc"))
			.isNotEqualTo(IdempotencyScope.scope("sub:a", "POST", "/api/xb", "c"));
		assertThat(IdempotencyScope.requestHash("k-1", "a=1", bytes("2")))
			.isNotEqualTo(IdempotencyScope.requestHash("k-1", "a=12", bytes("")));
	}

	@Test
	void hashesTheRequestByItsBodyAndQueryKeyedWithTheKey() {
		String hash = IdempotencyScope.requestHash("k-1", null, bytes("{\"name\":\"a\"}"));
		assertThat(hash).matches("[0-9a-f]{64}")
			.isEqualTo(IdempotencyScope.requestHash("k-1", null, bytes("{\"name\":\"a\"}")));
		assertThat(hash).isNotEqualTo(IdempotencyScope.requestHash("k-1", null, bytes("{\"name\":\"b\"}")))
			.isNotEqualTo(IdempotencyScope.requestHash("k-1", "currency=EUR", bytes("{\"name\":\"a\"}")))
			.isNotEqualTo(IdempotencyScope.requestHash("k-2", null, bytes("{\"name\":\"a\"}")));
		assertThat(IdempotencyScope.requestHash("k-1", null, new byte[0]))
			.isEqualTo(IdempotencyScope.requestHash("k-1", "", new byte[0]));
	}

	@Test
	void neverHashesTheBodyAloneSoThatAStoredHashCannotBeTestedAgainstGuesses() throws Exception {
		byte[] card = bytes("{\"cardNumber\":\"4242424242424242\",\"cvc\":\"123\"}");
		String unkeyed = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(card));
		assertThat(IdempotencyScope.requestHash("k-1", null, card)).isNotEqualTo(unkeyed);
	}

	@Test
	void keepsKeysForADayAndTakesOverAbandonedOnesAfterAMinuteByDefault() {
		IdempotencyProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
			.bindOrCreate("souq.idempotency", IdempotencyProperties.class);
		assertThat(properties).isEqualTo(IdempotencyProperties.defaults());
		assertThat(properties.enabled()).isTrue();
		assertThat(properties.ttl()).isEqualTo(Duration.ofHours(24));
		assertThat(properties.inProgressTimeout()).isEqualTo(Duration.ofMinutes(1));
		assertThatThrownBy(() -> new Binder(new MapConfigurationPropertySource(Map.of("souq.idempotency.ttl", "0s")))
			.bindOrCreate("souq.idempotency", IdempotencyProperties.class))
			.hasRootCauseMessage("souq.idempotency.ttl must be positive");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
