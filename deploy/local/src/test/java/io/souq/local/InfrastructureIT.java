package io.souq.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the real infrastructure (Kafka, GreenMail, and the MongoDB-protocol server once
 * {@code io.souq.mongo.MongoServerMain} exists) the way {@code ./souq up} does, in a
 * temporary home with a port offset ({@code -Dsouq.it.port-offset}, default 21000), so it
 * runs beside a developer's platform.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InfrastructureIT {

	private static final int PORT_OFFSET = Integer.getInteger("souq.it.port-offset", 21000);

	private Path home;

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private LocalPlatform platform;

	private List<Component> infrastructure;

	private StartupReport report;

	private String topic;

	@BeforeAll
	void up() throws IOException {
		this.home = Files.createTempDirectory("souq-it-");
		this.platform = LocalPlatform.builder(LocalPlatform.findRepositoryRoot())
			.home(this.home)
			.portOffset(PORT_OFFSET)
			.readinessTimeout(Duration.ofSeconds(120))
			// recording AOT caches in a home that is thrown away costs ~20 s:
			// -Dsouq.it.aot=true
			.aot(Boolean.getBoolean("souq.it.aot"))
			.output(new PrintStream(this.output, true, StandardCharsets.UTF_8))
			.build();
		boolean mongo = ClassLoader.getSystemResource(LocalPlatform.MONGO_MAIN.replace('.', '/') + ".class") != null;
		this.infrastructure = Component.select(mongo ? "kafka,mongo,smtp" : "kafka,smtp");
		this.report = this.platform.up(this.infrastructure);
	}

	@AfterAll
	void down() {
		if (this.platform != null) {
			this.platform.down();
		}
		if (this.home != null) {
			AppImage.deleteRecursively(this.home);
		}
		System.out.print(this.output.toString(StandardCharsets.UTF_8));
	}

	private Map<String, ComponentStatus> status() {
		return this.platform.status().stream().collect(Collectors.toMap(ComponentStatus::name, Function.identity()));
	}

	@Test
	@Order(1)
	void everyComponentIsReadyAndUp() {
		assertThat(this.report.components()).extracting(StartupReport.Started::name)
			.containsExactlyElementsOf(this.infrastructure.stream().map(Component::name).toList());
		assertThat(this.report.components()).allSatisfy((started) -> {
			assertThat(started.alreadyRunning()).isFalse();
			assertThat(started.pid()).isPresent();
			assertThat(started.time()).isPositive();
		});
		assertThat(this.report.totalRssKib()).isPositive();
		Map<String, ComponentStatus> status = status();
		for (Component component : this.infrastructure) {
			assertThat(status.get(component.name()).health()).as(component.name()).isEqualTo(Health.UP);
			assertThat(status.get(component.name()).port()).isEqualTo(component.basePort() + PORT_OFFSET);
		}
		assertThat(status.get("gateway").health()).isEqualTo(Health.STOPPED);
		assertThat(this.home.resolve("logs/kafka.log")).exists();
		assertThat(this.home.resolve("run/kafka.pid")).exists();
	}

	@Test
	@Order(2)
	void aRecordGoesThroughTheBroker() throws Exception {
		String topic = "souq-it-" + UUID.randomUUID();
		this.topic = topic;
		Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				this.platform.kafkaBootstrap(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class, ProducerConfig.LINGER_MS_CONFIG,
				0);
		RecordMetadata metadata;
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
			metadata = producer.send(new ProducerRecord<>(topic, "order-1", "hello souq")).get();
		}
		assertThat(consume(topic, "souq-it")).singleElement().satisfies((record) -> {
			assertThat(record.key()).isEqualTo("order-1");
			assertThat(record.value()).isEqualTo("hello souq");
			assertThat(record.partition()).isEqualTo(metadata.partition());
		});
	}

	private List<ConsumerRecord<String, String>> consume(String topic, String group) {
		Map<String, Object> consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				this.platform.kafkaBootstrap(), ConsumerConfig.GROUP_ID_CONFIG, group,
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		List<ConsumerRecord<String, String>> received = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(received::add);
				return !received.isEmpty();
			});
		}
		return received;
	}

	@Test
	@Order(3)
	void greenMailAnswersSmtpAndItsApi() throws Exception {
		assertThat(Probes.smtp(this.platform.smtpPort())).isTrue();
		assertThat(Probes.tcp(this.platform.imapPort())).isTrue();
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.platform.greenMailApiUrl() + "/api/configuration")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains(Integer.toString(this.platform.smtpPort()));
	}

	@Test
	@Order(4)
	void aComponentCanBeStoppedAndStartedAgain() {
		long before = status().get("smtp").pid().getAsLong();
		assertThat(this.platform.stop("smtp")).isTrue();
		ComponentStatus stopped = status().get("smtp");
		assertThat(stopped.health()).isEqualTo(Health.STOPPED);
		assertThat(stopped.pid()).isEmpty();
		assertThat(ProcessHandle.of(before).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(this.platform.stop("smtp")).isFalse();

		StartupReport.Started started = this.platform.start("smtp");
		assertThat(started.alreadyRunning()).isFalse();
		assertThat(started.pid()).isPresent().isNotEqualTo(OptionalLong.of(before));
		assertThat(status().get("smtp").health()).isEqualTo(Health.UP);
	}

	@Test
	@Order(5)
	void aSecondUpStartsNoDuplicates() {
		Map<String, ComponentStatus> before = status();
		StartupReport again = this.platform.up(this.infrastructure);
		assertThat(again.components()).allSatisfy((started) -> {
			assertThat(started.alreadyRunning()).as(started.name()).isTrue();
			assertThat(started.pid()).isEqualTo(before.get(started.name()).pid());
		});
		assertThat(this.platform.start("kafka").alreadyRunning()).isTrue();
	}

	@Test
	@Order(6)
	void downLeavesNoProcessRunning() {
		List<ProcessHandle> processes = this.infrastructure.stream()
			.map((component) -> this.platform.process(component.name()).orElseThrow())
			.toList();
		assertThat(this.platform.down())
			.containsExactlyElementsOf(this.infrastructure.stream().map(Component::name).toList());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(processes).noneMatch(ProcessHandle::isAlive));
		assertThat(status().values()).allSatisfy((row) -> assertThat(row.health()).isEqualTo(Health.STOPPED));
		assertThat(this.home.resolve("run")).isEmptyDirectory();
		assertThat(this.platform.down()).isEmpty();
	}

	@Test
	@Order(7)
	void dataSurvivesDownAndUp() {
		this.platform.up(Component.select("kafka"));
		assertThat(consume(this.topic, "souq-it-after-restart")).singleElement()
			.satisfies((record) -> assertThat(record.value()).isEqualTo("hello souq"));
		assertThat(this.platform.down()).containsExactly("kafka");
	}

}
