package io.souq.inventory;

import io.souq.test.TestTokens;
import io.souq.test.WithSouqInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one application context of the module's integration tests, on the real broker and
 * MongoDB-protocol server: a short reservation grace and sweep interval (so that the
 * sweep can be seen), and three consumers per topic (so that commands for one SKU race
 * each other as they would on several instances).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "souq.inventory.reservations.grace=2s", "souq.inventory.reservations.sweep-interval=200ms",
				"spring.kafka.listener.concurrency=3" })
@WithSouqInfrastructure
abstract class InventoryContext {

	@LocalServerPort
	int port;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	Environment environment;

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		TestTokens.issuer().register(registry);
	}

	String bootstrap() {
		return this.environment.getProperty("spring.kafka.bootstrap-servers");
	}

}
