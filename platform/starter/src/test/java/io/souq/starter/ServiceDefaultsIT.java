package io.souq.starter;

import com.jayway.jsonpath.JsonPath;
import io.souq.test.ServiceChecks;
import io.souq.test.WithSouqInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service built on the starter, against a real broker and MongoDB-protocol server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.application.name=sample-service")
@WithSouqInfrastructure
class ServiceDefaultsIT {

	@LocalServerPort
	int port;

	@Autowired
	Environment environment;

	static ConfigurableApplicationContext unreachable;

	@BeforeAll
	static void startAServiceWhoseBrokerAndDatabaseAreUnreachable() {
		unreachable = new SpringApplicationBuilder(SampleService.class).run("--server.port=0",
				"--spring.application.name=cut-off-service", "--spring.kafka.bootstrap-servers=127.0.0.1:1",
				"--spring.mongodb.uri=mongodb://127.0.0.1:1", "--souq.mongo-server-selection-timeout=500ms",
				"--souq.kafka-health-timeout=500ms");
	}

	@AfterAll
	static void stop() {
		unreachable.close();
	}

	@Test
	void isOperationalOnItsBrokerAndDatabase() {
		ServiceChecks.on(this.port).assertOperational("sample-service");
	}

	@Test
	void probesAnotherServiceThroughTheBroker() {
		try (ConfigurableApplicationContext other = new SpringApplicationBuilder(SampleService.class).run(
				"--server.port=0", "--spring.application.name=other-service",
				"--spring.kafka.bootstrap-servers=" + this.environment.getProperty("spring.kafka.bootstrap-servers"),
				"--spring.mongodb.uri=" + this.environment.getProperty("spring.mongodb.uri"))) {
			assertThat(ServiceChecks.on(this.port).probe("other-service")).startsWith("other-service@");
		}
	}

	@Test
	void isAliveButNotReadyWithoutBrokerAndDatabase() {
		int port = unreachable.getEnvironment().getProperty("local.server.port", Integer.class);
		ServiceChecks checks = ServiceChecks.on(port);
		assertThat(checks.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		var readiness = checks.get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(503);
		assertThat(JsonPath.<String>read(readiness.body(), "$.components.kafka.status")).isEqualTo("DOWN");
		assertThat(JsonPath.<String>read(readiness.body(), "$.components.mongo.status")).isEqualTo("DOWN");
	}

	@SpringBootApplication
	static class SampleService {

	}

}
