package io.souq.starter.consumer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import io.souq.events.Envelope;
import io.souq.events.Topics;
import io.souq.starter.consumer.ConsumerTestService.Handlers;
import io.souq.starter.messaging.EnvelopeCodec;
import io.souq.test.ServiceChecks;
import io.souq.test.WithSouqInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Operators list dead letters and replay them through the actuator, over HTTP.
 */
@SpringBootTest(classes = ConsumerTestService.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=" + ConsumerTestService.GROUP, "souq.consumer.initial-interval=50ms",
				"souq.consumer.max-interval=200ms" })
@WithSouqInfrastructure
class DeadLetterEndpointIT {

	static final String DLQ = Topics.deadLetter(ConsumerTestService.REPLAYS, ConsumerTestService.GROUP);

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	EnvelopeCodec codec;

	@Autowired
	Handlers handlers;

	@Test
	void listsTheDeadLettersOfTheGroupAndReplaysThemToTheirTopic() throws Exception {
		String key = "order-" + UUID.randomUUID();
		Envelope<String> placed = Envelope.of("order.placed", 1, "order-service", key, key);
		this.kafka.send(this.codec.toRecord(ConsumerTestService.REPLAYS, placed)).get(10, TimeUnit.SECONDS);
		ServiceChecks checks = ServiceChecks.on(this.port);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			HttpResponse<String> list = checks.get("/actuator/deadletters");
			assertThat(list.statusCode()).isEqualTo(200);
			assertThat(JsonPath.<String>read(list.body(), "$.group")).isEqualTo(ConsumerTestService.GROUP);
			assertThat(JsonPath.<List<String>>read(list.body(), "$.topics[*].topic")).contains(DLQ);
			assertThat(JsonPath.<List<String>>read(list.body(), "$.topics[?(@.topic == '" + DLQ + "')].latest[*].id"))
				.contains(placed.id().toString());
		});
		assertThat(this.handlers.attempts(placed.id())).isEqualTo(3);

		HttpResponse<String> topic = checks.get("/actuator/deadletters/" + DLQ);
		assertThat(topic.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(topic.body(), "$.originalTopic")).isEqualTo(ConsumerTestService.REPLAYS);
		assertThat(JsonPath.<Integer>read(topic.body(), "$.pending")).isEqualTo(1);
		Map<String, Object> letter = JsonPath.read(topic.body(), "$.latest[0]");
		assertThat(letter).containsEntry("id", placed.id().toString())
			.containsEntry("type", "order.placed")
			.containsEntry("key", key)
			.containsEntry("originalTopic", ConsumerTestService.REPLAYS)
			.containsEntry("replayed", false)
			.containsKey("originalOffset");
		assertThat((String) letter.get("exceptionMessage")).contains("not healed yet");
		assertThat(checks.get("/actuator/deadletters/" + ConsumerTestService.REPLAYS).statusCode()).isEqualTo(404);

		this.handlers.healed = true;
		HttpResponse<String> replay = post("/actuator/deadletters/" + DLQ);
		assertThat(replay.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<Integer>read(replay.body(), "$.replayed")).isEqualTo(1);
		assertThat(JsonPath.<Integer>read(replay.body(), "$.byTopic['" + ConsumerTestService.REPLAYS + "']"))
			.isEqualTo(1);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.handlers.effects(placed.id())).isEqualTo(1));

		assertThat(JsonPath.<Integer>read(post("/actuator/deadletters/" + DLQ).body(), "$.replayed")).isZero();
		HttpResponse<String> after = checks.get("/actuator/deadletters/" + DLQ);
		assertThat(JsonPath.<Integer>read(after.body(), "$.pending")).isZero();
		assertThat(JsonPath.<Boolean>read(after.body(), "$.latest[0].replayed")).isTrue();
	}

	private HttpResponse<String> post(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
