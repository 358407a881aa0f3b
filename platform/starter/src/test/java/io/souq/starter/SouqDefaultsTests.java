package io.souq.starter;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class SouqDefaultsTests {

	@Test
	void readinessFollowsKafkaAndMongo() {
		StandardEnvironment environment = environmentWith(Map.of());
		assertThat(environment.getProperty("management.endpoint.health.group.readiness.include"))
			.isEqualTo("readinessState,mongo,mongoIndexes,kafka");
		assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
	}

	@Test
	void sagaProducersDoNotLingerAndWaitForAllReplicas() {
		StandardEnvironment environment = environmentWith(Map.of());
		assertThat(environment.getProperty("spring.kafka.producer.properties.linger.ms")).isEqualTo("0");
		assertThat(environment.getProperty("spring.kafka.producer.acks")).isEqualTo("all");
		assertThat(environment.getProperty("spring.kafka.producer.properties.enable.idempotence")).isEqualTo("true");
	}

	@Test
	void aServiceOrTheEnvironmentOverridesEveryDefault() {
		StandardEnvironment environment = environmentWith(
				Map.of("spring.kafka.producer.acks", "1", "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"));
		assertThat(environment.getProperty("spring.kafka.producer.acks")).isEqualTo("1");
		assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("kafka:9092");
	}

	@Test
	void consumerGroupIsTheApplicationName() {
		StandardEnvironment environment = environmentWith(Map.of("spring.application.name", "order-service"));
		assertThat(environment.getProperty("spring.kafka.consumer.group-id")).isEqualTo("order-service");
	}

	private static StandardEnvironment environmentWith(Map<String, Object> own) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("own", own));
		new SouqDefaults().postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}

}
