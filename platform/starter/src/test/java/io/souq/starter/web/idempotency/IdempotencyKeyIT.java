package io.souq.starter.web.idempotency;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.souq.starter.web.idempotency.IdempotencyTestService.Things;
import io.souq.test.TestTokens;
import io.souq.test.WithSouqInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code Idempotency-Key} on a service built on the starter, against the real
 * MongoDB-protocol server: a repetition gets the original answer and creates nothing,
 * callers and keys stay apart, and failures leave the key free for a retry.
 */
@SpringBootTest(classes = IdempotencyTestService.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.application.name=idempotency-it")
@WithSouqInfrastructure
class IdempotencyKeyIT {

	static final TestTokens tokens = TestTokens.issuer();

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@Autowired
	Things things;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MongoIdempotencyStore store;

	final String customer = tokens.customer("c-" + UUID.randomUUID());

	@DynamicPropertySource
	static void jwkSet(DynamicPropertyRegistry registry) {
		tokens.register(registry);
	}

	@Test
	void repeatsTheOriginalAnswerForTheSameKeyAndBodyAndCreatesNothingNew() {
		String name = unique("lamp");
		String key = UUID.randomUUID().toString();

		HttpResponse<String> first = post("/api/things", key, thing(name), this.customer);
		HttpResponse<String> second = post("/api/things", key, thing(name), this.customer);

		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(first.headers().firstValue(IdempotencyFilter.REPLAYED_HEADER)).isEmpty();
		String id = JsonPath.read(first.body(), "$.id");
		assertThat(first.headers().firstValue("Location")).hasValue("/api/things/" + id);
		assertThat(second.statusCode()).isEqualTo(201);
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		assertThat(second.headers().firstValue("Content-Type")).isEqualTo(first.headers().firstValue("Content-Type"));
		assertThat(second.headers().firstValue(IdempotencyFilter.REPLAYED_HEADER)).hasValue("true");
		assertThat(second.headers().firstValue("X-Correlation-Id")).isPresent();
		assertThat(this.things.count(name)).isEqualTo(1);
		assertThat(this.things.started.get(name)).isEqualTo(1);

		Document record = keys().find(Filters.eq("requestHash", hash(key, thing(name)))).first();
		assertThat(record).isNotNull();
		assertThat(record.getString("_id")).matches("[0-9a-f]{64}").doesNotContain(key);
		assertThat(record.getString("state")).isEqualTo("COMPLETED");
		assertThat(record.getInteger("status")).isEqualTo(201);
		assertThat(record.getDate("expiresAt")).isAfter(record.getDate("createdAt"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(keys().listIndexes().map((index) -> index.getString("name")))
				.contains(MongoIdempotencyStore.TTL_INDEX));
	}

	@Test
	void refusesTheSameKeyWithADifferentBody() {
		String key = UUID.randomUUID().toString();
		String name = unique("chair");
		assertThat(post("/api/things", key, thing(name), this.customer).statusCode()).isEqualTo(201);

		HttpResponse<String> other = post("/api/things", key, thing(unique("table")), this.customer);

		assertThat(other.statusCode()).isEqualTo(422);
		assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(JsonPath.<String>read(other.body(), "$.type")).endsWith("/idempotency-key-reused");
		assertThat(JsonPath.<String>read(other.body(), "$.instance")).isEqualTo("/api/things");
		assertThat(this.things.count(name)).isEqualTo(1);
	}

	@Test
	void createsEveryTimeWithoutAKey() {
		String name = unique("mug");
		assertThat(post("/api/things", null, thing(name), this.customer).statusCode()).isEqualTo(201);
		assertThat(post("/api/things", null, thing(name), this.customer).statusCode()).isEqualTo(201);
		assertThat(this.things.count(name)).isEqualTo(2);
	}

	@Test
	void keepsTheKeysOfDifferentCallersApart() {
		String name = unique("desk");
		String key = UUID.randomUUID().toString();
		HttpResponse<String> mine = post("/api/things", key, thing(name), this.customer);
		HttpResponse<String> theirs = post("/api/things", key, thing(name), tokens.customer("c-" + UUID.randomUUID()));

		assertThat(mine.statusCode()).isEqualTo(201);
		assertThat(theirs.statusCode()).isEqualTo(201);
		assertThat(theirs.headers().firstValue(IdempotencyFilter.REPLAYED_HEADER)).isEmpty();
		assertThat(JsonPath.<String>read(theirs.body(), "$.id")).isNotEqualTo(JsonPath.read(mine.body(), "$.id"));
		assertThat(this.things.count(name)).isEqualTo(2);
	}

	@Test
	void releasesTheKeyWhenTheRequestFailsSoThatARetryRuns() {
		String name = unique("vase");
		String key = UUID.randomUUID().toString();
		this.things.failOnce.add(name);

		HttpResponse<String> failed = post("/api/things", key, thing(name), this.customer);
		assertThat(failed.statusCode()).isEqualTo(500);
		assertThat(keys().countDocuments(Filters.eq("requestHash", hash(key, thing(name))))).isZero();

		HttpResponse<String> retried = post("/api/things", key, thing(name), this.customer);
		HttpResponse<String> repeated = post("/api/things", key, thing(name), this.customer);

		assertThat(retried.statusCode()).isEqualTo(201);
		assertThat(retried.headers().firstValue(IdempotencyFilter.REPLAYED_HEADER)).isEmpty();
		assertThat(repeated.body()).isEqualTo(retried.body());
		assertThat(repeated.headers().firstValue(IdempotencyFilter.REPLAYED_HEADER)).hasValue("true");
		assertThat(this.things.count(name)).isEqualTo(1);
		assertThat(this.things.started.get(name)).isEqualTo(2);
	}

	@Test
	void repeatsAValidationAnswerBecauseItIsAnOutcome() {
		String key = UUID.randomUUID().toString();
		String blank = "{\"name\":\"\"}";

		HttpResponse<String> first = post("/api/things", key, blank, this.customer);
		HttpResponse<String> second = post("/api/things", key, blank, this.customer);

		assertThat(first.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(first.body(), "$.errors[0].field")).isEqualTo("name");
		assertThat(second.statusCode()).isEqualTo(400);
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(second.headers().firstValue("Content-Type")).isEqualTo(first.headers().firstValue("Content-Type"));
		assertThat(second.headers().firstValue(IdempotencyFilter.REPLAYED_HEADER)).hasValue("true");
	}

	@Test
	void answersARepetitionWhileTheFirstRequestRunsWith409() throws Exception {
		String name = unique("sofa");
		String key = UUID.randomUUID().toString();
		CountDownLatch hold = new CountDownLatch(1);
		this.things.holds.put(name, hold);
		try {
			CompletableFuture<HttpResponse<String>> first = http.sendAsync(
					request("/api/things", key, thing(name), this.customer),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			await().atMost(Duration.ofSeconds(30)).until(() -> this.things.started.containsKey(name));

			HttpResponse<String> meanwhile = post("/api/things", key, thing(name), this.customer);

			assertThat(meanwhile.statusCode()).isEqualTo(409);
			assertThat(meanwhile.headers().firstValue("Retry-After")).hasValue("1");
			assertThat(JsonPath.<String>read(meanwhile.body(), "$.type")).endsWith("/idempotency-key-in-use");
			hold.countDown();
			HttpResponse<String> created = first.get(30, TimeUnit.SECONDS);
			assertThat(created.statusCode()).isEqualTo(201);
			assertThat(post("/api/things", key, thing(name), this.customer).body()).isEqualTo(created.body());
			assertThat(this.things.count(name)).isEqualTo(1);
		}
		finally {
			hold.countDown();
		}
	}

	@Test
	void repeatsAnAsynchronousAnswer() {
		String name = unique("clock");
		String key = UUID.randomUUID().toString();

		HttpResponse<String> first = post("/api/async-things", key, thing(name), this.customer);
		HttpResponse<String> second = post("/api/async-things", key, thing(name), this.customer);

		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(JsonPath.<String>read(first.body(), "$.name")).isEqualTo(name);
		assertThat(second.statusCode()).isEqualTo(201);
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		assertThat(second.headers().firstValue(IdempotencyFilter.REPLAYED_HEADER)).hasValue("true");
		assertThat(this.things.count(name)).isEqualTo(1);
	}

	@Test
	void treatsAnExpiredKeyAsAbsentAndPurgesExpiredKeys() {
		String name = unique("rug");
		String key = UUID.randomUUID().toString();
		HttpResponse<String> first = post("/api/things", key, thing(name), this.customer);
		expire(key, thing(name));

		HttpResponse<String> afterExpiry = post("/api/things", key, thing(name), this.customer);

		assertThat(afterExpiry.statusCode()).isEqualTo(201);
		assertThat(afterExpiry.headers().firstValue(IdempotencyFilter.REPLAYED_HEADER)).isEmpty();
		assertThat(afterExpiry.body()).isNotEqualTo(first.body());
		assertThat(this.things.count(name)).isEqualTo(2);

		expire(key, thing(name));
		assertThat(this.store.purgeExpired()).isGreaterThanOrEqualTo(1);
		assertThat(keys().countDocuments(Filters.eq("requestHash", hash(key, thing(name))))).isZero();
	}

	private void expire(String key, String body) {
		long updated = keys()
			.updateOne(Filters.eq("requestHash", hash(key, body)),
					Updates.set("expiresAt", Date.from(Instant.now().minusSeconds(60))))
			.getModifiedCount();
		assertThat(updated).isEqualTo(1);
	}

	private MongoCollection<Document> keys() {
		return this.mongo.getCollection(MongoIdempotencyStore.COLLECTION);
	}

	private HttpResponse<String> post(String path, String key, String body, String token) {
		try {
			return http.send(request(path, key, body, token),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			throw new IllegalStateException("POST " + path + " failed", ex);
		}
	}

	private HttpRequest request(String path, String key, String body, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (key != null) {
			request.header(IdempotencyFilter.HEADER, key);
		}
		return request.build();
	}

	private static String thing(String name) {
		return "{\"name\":\"" + name + "\"}";
	}

	private static String hash(String key, String body) {
		return IdempotencyScope.requestHash(key, null, body.getBytes(StandardCharsets.UTF_8));
	}

	private static String unique(String name) {
		return name + "-" + UUID.randomUUID();
	}

}
