package io.souq.test;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A real Kafka broker and a real MongoDB-protocol server for a service's tests: the
 * official Kafka and MongoDB images through Testcontainers when a Docker engine is
 * reachable, otherwise an in-process KRaft broker and the embedded MongoDB-protocol
 * server. Either way the infrastructure is started once per test JVM and shared by every
 * test context. Import it with {@link WithSouqInfrastructure}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SouqTestInfrastructure {

	static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:4.1.2");

	static final DockerImageName MONGO_IMAGE = DockerImageName.parse("mongo:8.0");

	@Bean
	@ServiceConnection
	@Conditional(DockerAvailability.Present.class)
	KafkaContainer kafkaContainer() {
		return SharedContainers.kafka();
	}

	@Bean
	@ServiceConnection
	@Conditional(DockerAvailability.Present.class)
	MongoDBContainer mongoContainer() {
		return SharedContainers.mongo();
	}

	@Bean
	@Conditional(DockerAvailability.Absent.class)
	DynamicPropertyRegistrar souqEmbeddedInfrastructure() {
		return registry -> {
			registry.add("spring.kafka.bootstrap-servers", EmbeddedInfrastructure::kafkaBootstrapServers);
			registry.add("spring.mongodb.uri", EmbeddedInfrastructure::mongoConnectionString);
		};
	}

}
