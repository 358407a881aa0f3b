package io.souq.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.souq.test.EventSamples;
import io.souq.test.TestTokens;
import io.souq.test.WithSouqInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * The one application context of the module's integration tests, on the real broker and
 * MongoDB-protocol server, sending to GreenMail as a real SMTP server; short sender
 * intervals so that retries can be seen.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "souq.notification.sender.poll-interval=200ms",
				"souq.notification.sender.initial-back-off=200ms", "souq.notification.sender.max-back-off=1s",
				"souq.notification.sender.waiting-recheck=1s",
				"souq.notification.operations-address=stock-alerts@souq.test" })
@WithSouqInfrastructure
abstract class NotificationContext {

	static final String OPERATIONS = "stock-alerts@souq.test";

	static final JsonMapper json = JsonMapper.builder().build();

	static final Smtp smtp = Smtp.server();

	@LocalServerPort
	int port;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	Environment environment;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestTokens.issuer().register(registry);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", smtp::port);
	}

	/**
	 * The sample event of a type with a new id, changed by {@code change}, published
	 * twice (a redelivery) with the key {@code key}.
	 * @return the event's id
	 */
	UUID publishTwice(String topic, String type, String key, Consumer<ObjectNode> change) throws Exception {
		ObjectNode event = (ObjectNode) json.readTree(EventSamples.json(type, 1));
		UUID id = UUID.randomUUID();
		event.put("id", id.toString());
		event.put("subject", key);
		change.accept((ObjectNode) event.get("data"));
		String value = json.writeValueAsString(event);
		for (int i = 0; i < 2; i++) {
			this.kafka.send(topic, key, value).get();
		}
		return id;
	}

	String bootstrap() {
		return this.environment.getRequiredProperty("spring.kafka.bootstrap-servers");
	}

	/** Waits until the service has consumed everything published so far. */
	void awaitConsumed() {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
			await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> lag(admin) == 0);
		}
	}

	private static long lag(Admin admin) throws InterruptedException, ExecutionException {
		Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("notification-service")
			.partitionsToOffsetAndMetadata()
			.get();
		List<String> topics = List.of("customer.events", "order.events", "payment.events", "inventory.events");
		Map<TopicPartition, OffsetSpec> partitions = admin.describeTopics(topics)
			.allTopicNames()
			.get()
			.values()
			.stream()
			.flatMap(topic -> topic.partitions()
				.stream()
				.map(partition -> new TopicPartition(topic.name(), partition.partition())))
			.collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
		long lag = 0;
		for (var end : admin.listOffsets(partitions).all().get().entrySet()) {
			OffsetAndMetadata done = committed.get(end.getKey());
			lag += end.getValue().offset() - ((done != null) ? done.offset() : 0);
		}
		return lag;
	}

}
