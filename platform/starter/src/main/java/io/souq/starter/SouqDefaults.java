package io.souq.starter;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The defaults every Souq service shares (probes, metrics, graceful shutdown, Kafka
 * producer and consumer settings). They have the lowest precedence: a service's
 * {@code application.yml}, the environment or the command line override any of them.
 */
public class SouqDefaults implements EnvironmentPostProcessor {

	static final String SOURCE_NAME = "souqDefaults";

	static Map<String, Object> defaults() {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("server.shutdown", "graceful");
		d.put("spring.lifecycle.timeout-per-shutdown-phase", "20s");
		d.put("spring.jmx.enabled", "false");
		d.put("spring.mvc.problemdetails.enabled", "true");
		d.put("server.error.include-stacktrace", "never");
		d.put("server.error.include-message", "never");

		d.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics,messaging,deadletters");
		d.put("management.endpoint.health.probes.enabled", "true");
		d.put("management.endpoint.health.show-components", "always");
		d.put("management.endpoint.health.group.readiness.include", "readinessState,mongo,mongoIndexes,kafka");
		d.put("management.endpoint.health.group.liveness.include", "livenessState");
		d.put("management.metrics.tags.application", "${spring.application.name}");

		d.put("logging.level.org.apache.kafka", "WARN");
		d.put("logging.level.org.mongodb.driver", "WARN");

		d.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
				"${SOUQ_JWK_SET_URI:${CUSTOMER_SERVICE_URI:http://127.0.0.1:8081}/.well-known/jwks.json}");

		d.put("spring.mongodb.uri", "${MONGODB_URI:mongodb://127.0.0.1:27017}");
		d.put("spring.mongodb.database", "${MONGODB_DATABASE:${spring.application.name}}");
		// money is stored as Decimal128, so amounts compare and sort as numbers
		d.put("spring.data.mongodb.representation.big-decimal", "decimal128");

		d.put("spring.kafka.bootstrap-servers", "${KAFKA_BOOTSTRAP_SERVERS:127.0.0.1:9092}");
		d.put("spring.kafka.client-id", "${spring.application.name}");
		d.put("spring.kafka.producer.acks", "all");
		d.put("spring.kafka.producer.properties.enable.idempotence", "true");
		d.put("spring.kafka.producer.properties.linger.ms", "0");
		d.put("spring.kafka.producer.properties.max.block.ms", "10000");
		d.put("spring.kafka.consumer.group-id", "${spring.application.name}");
		d.put("spring.kafka.consumer.auto-offset-reset", "earliest");
		d.put("spring.kafka.consumer.enable-auto-commit", "false");
		d.put("spring.kafka.consumer.isolation-level", "read-committed");
		d.put("spring.kafka.listener.missing-topics-fatal", "false");
		d.put("spring.kafka.admin.fail-fast", "false");
		return d;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults()));
	}

}
