package io.souq.customer;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jwt.SignedJWT;
import io.souq.customer.auth.SigningKeys;
import io.souq.customer.auth.TokenIssuer;
import io.souq.customer.config.AuthProperties;
import io.souq.events.Headers;
import io.souq.events.Topics;
import io.souq.test.ApiClient;
import io.souq.test.EventSamples;
import io.souq.test.TopicRecords;
import io.souq.test.WithSouqInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Identity rows of the API contract over real HTTP, on the real MongoDB-protocol
 * server and broker.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@WithSouqInfrastructure
class IdentityIT {

	@LocalServerPort
	int port;

	@Autowired
	SigningKeys keys;

	@Autowired
	Customers customers;

	@Autowired
	Environment environment;

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void registersSignsInAndKeepsNamedAddresses() throws Exception {
		String email = unique("Layla");
		HttpResponse<String> registered = post("/api/customers", """
				{"email":"%s","password":"kettle-42-mint","name":"ليلى","locale":"ar"}""".formatted(email), null);
		assertThat(registered.statusCode()).isEqualTo(201);
		assertThat(JsonPath.<String>read(registered.body(), "$.email")).isEqualTo(email.toLowerCase());
		assertThat(JsonPath.<String>read(registered.body(), "$.locale")).isEqualTo("ar");
		assertThat(registered.body()).doesNotContain("kettle").doesNotContain("password");
		String id = JsonPath.read(registered.body(), "$.id");

		String token = token(email, "kettle-42-mint");
		assertThat(SignedJWT.parse(token).getJWTClaimsSet().getSubject()).isEqualTo(id);
		assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringListClaim("roles")).containsExactly("CUSTOMER");

		HttpResponse<String> address = send("PUT", "/api/customers/me/addresses/home",
				"""
						{"line1":"12 King Fahd Rd","city":"Riyadh","postalCode":"12211","country":"SA","phone":"+966 11 000 0000"}""",
				token);
		assertThat(address.statusCode()).isEqualTo(200);

		HttpResponse<String> me = send("GET", "/api/customers/me", null, token);
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(me.body(), "$.id")).isEqualTo(id);
		assertThat(JsonPath.<String>read(me.body(), "$.name")).isEqualTo("ليلى");
		assertThat(JsonPath.<String>read(me.body(), "$.addresses.home.city")).isEqualTo("Riyadh");
		assertThat(me.body()).doesNotContain("passwordHash");
	}

	@Test
	void publishesCustomerRegisteredShapedLikeItsSample() {
		String email = unique("sara");
		HttpResponse<String> registered = post("/api/customers", """
				{"email":"%s","password":"kettle-42-mint","name":"Sara","locale":"ar"}""".formatted(email), null);
		String id = JsonPath.read(registered.body(), "$.id");

		List<ConsumerRecord<String, String>> records = TopicRecords.awaitMatching(
				this.environment.getProperty("spring.kafka.bootstrap-servers"), Topics.CUSTOMER_EVENTS,
				record -> id.equals(record.key()), Duration.ofSeconds(30));
		assertThat(records).hasSize(1);
		ConsumerRecord<String, String> record = records.get(0);
		assertThat(new String(record.headers().lastHeader(Headers.TYPE).value())).isEqualTo("customer.registered");

		JsonNode published = this.json.readTree(record.value());
		EventSamples.assertSameShape(published);
		assertThat(published.get("subject").asString()).isEqualTo(id);
		assertThat(published.get("data").get("email").asString()).isEqualTo(email.toLowerCase());
		assertThat(published.get("data").get("locale").asString()).isEqualTo("ar");
		assertThat(record.value()).doesNotContain("kettle").doesNotContain("$2a$");
	}

	@Test
	void refusesADuplicateEmailWhateverItsCase() {
		String email = unique("dup");
		assertThat(post("/api/customers", registration(email), null).statusCode()).isEqualTo(201);
		HttpResponse<String> again = post("/api/customers", registration(email.toUpperCase()), null);
		assertThat(again.statusCode()).isEqualTo(409);
		assertProblem(again, 409);
	}

	@Test
	void listsInvalidFieldsAsProblemDetails() {
		HttpResponse<String> bad = post("/api/customers", """
				{"email":"not-an-email","password":"x","name":"","locale":"arabic"}""", null);
		assertProblem(bad, 400);
		assertThat(JsonPath.<List<String>>read(bad.body(), "$.errors[*].field")).contains("email", "name", "locale");

		HttpResponse<String> weak = post("/api/customers", """
				{"email":"%s","password":"abcdefgh","name":"Weak"}""".formatted(unique("weak")), null);
		assertProblem(weak, 400);
		assertThat(JsonPath.<List<String>>read(weak.body(), "$.errors[*].field")).containsExactly("password");

		assertProblem(post("/api/customers", "{not json", null), 400);
		assertProblem(post("/api/auth/token", "{}", null), 400);
	}

	@Test
	void answers401ForWrongCredentialsAndMissingOrBadTokens() throws Exception {
		String email = unique("omar");
		post("/api/customers", registration(email), null);
		assertProblem(post("/api/auth/token", """
				{"email":"%s","password":"wrong-pass-1"}""".formatted(email), null), 401);
		assertProblem(post("/api/auth/token", """
				{"email":"nobody-%s","password":"wrong-pass-1"}""".formatted(email), null), 401);

		assertProblem(send("GET", "/api/customers/me", null, null), 401);
		assertProblem(send("GET", "/api/customers/me", null, "not.a.jwt"), 401);

		String valid = token(email, "kettle-42-mint");
		String[] parts = valid.split("\\.");
		String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
		assertProblem(send("GET", "/api/customers/me", null, tampered), 401);

		Customer customer = this.customers.authenticate(email, "kettle-42-mint").orElseThrow();
		String expired = new TokenIssuer(this.keys,
				new AuthProperties("souq", Duration.ofSeconds(-120), "admin@souq.local", "admin"), Clock.systemUTC())
			.issue(customer)
			.value();
		assertProblem(send("GET", "/api/customers/me", null, expired), 401);
	}

	@Test
	void publishesThePublicSigningKeyAsAJwkSet() throws Exception {
		String email = unique("jwk");
		post("/api/customers", registration(email), null);
		String kid = SignedJWT.parse(token(email, "kettle-42-mint")).getHeader().getKeyID();
		HttpResponse<String> jwks = send("GET", "/.well-known/jwks.json", null, null);
		assertThat(jwks.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(jwks.body(), "$.keys[*].kid")).containsExactly(kid);
		assertThat(JsonPath.<List<String>>read(jwks.body(), "$.keys[*].kty")).containsExactly("RSA");
		assertThat(JsonPath.<List<Object>>read(jwks.body(), "$.keys[*].d")).isEmpty();
	}

	@Test
	void seedsTheConfiguredAdmin() {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			String token = token("admin@souq.local", "admin");
			assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringListClaim("roles")).contains("ADMIN",
					"CUSTOMER");
		});
	}

	private String token(String email, String password) {
		HttpResponse<String> response = post("/api/auth/token", """
				{"email":"%s","password":"%s"}""".formatted(email, password), null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(JsonPath.<String>read(response.body(), "$.tokenType")).isEqualTo("Bearer");
		assertThat(JsonPath.<Integer>read(response.body(), "$.expiresIn")).isEqualTo(3600);
		return JsonPath.read(response.body(), "$.accessToken");
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(JsonPath.<Integer>read(response.body(), "$.status")).isEqualTo(status);
		assertThat(response.body()).doesNotContain("Exception");
	}

	private static String registration(String email) {
		return """
				{"email":"%s","password":"kettle-42-mint","name":"Test"}""".formatted(email);
	}

	private static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@Example.com";
	}

	private HttpResponse<String> post(String path, String body, String token) {
		return send("POST", path, body, token);
	}

	private HttpResponse<String> send(String method, String path, String body, String token) {
		return ApiClient.on(this.port).send(method, path, body, token);
	}

}
