package io.souq.local;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ComponentTests {

	@Test
	void everyComponentInStartOrderInfrastructureFirst() {
		assertThat(Component.allNames()).containsExactly("kafka", "mongo", "smtp", "gateway", "customer-service",
				"catalog-service", "cart-service", "order-service", "payment-service", "inventory-service",
				"shipping-service", "notification-service");
		assertThat(Component.ALL.stream().map(Component::basePort)).containsExactly(9092, 27017, 3025, 8080, 8081, 8082,
				8083, 8084, 8085, 8086, 8087, 8088);
	}

	@Test
	void selectionsKeepStartOrderAndExpandGroups() {
		assertThat(Component.select("smtp,kafka")).containsExactly(Component.KAFKA, Component.SMTP);
		assertThat(Component.select("infra")).extracting(Component::name).containsExactly("kafka", "mongo", "smtp");
		assertThat(Component.select("apps")).hasSize(9).allMatch(Component::isApp);
		assertThat(Component.select("all")).isEqualTo(Component.ALL);
		assertThat(Component.select("order-service, infra,order-service")).extracting(Component::name)
			.containsExactly("kafka", "mongo", "smtp", "order-service");
	}

	@Test
	void unknownAndEmptySelectionsAreRejected() {
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> Component.select("kafka,zookeeper"))
			.withMessageContaining("unknown component 'zookeeper'")
			.withMessageContaining("kafka, mongo, smtp, gateway");
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> Component.select(" , "))
			.withMessageContaining("no component selected");
	}

	@Test
	void applicationsKnowTheirJarDatabaseAndUriVariable() {
		Component order = Component.named("order-service");
		assertThat(order.executableJar(Path.of("/repo")))
			.isEqualTo(Path.of("/repo/order-service/target/souq-order-service-exec.jar"));
		assertThat(order.database()).isEqualTo("order");
		assertThat(order.uriVariable()).isEqualTo("ORDER_SERVICE_URI");
		assertThat(Component.GATEWAY.database()).isEqualTo("gateway");
		assertThat(Component.GATEWAY.executableJar(Path.of("/repo")))
			.isEqualTo(Path.of("/repo/gateway/target/souq-gateway-exec.jar"));
	}

}
