package io.souq.starter.consumer;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsumerPropertiesTests {

	@Test
	void retriesThreeTimesFrom200MillisecondsUpTo2SecondsByDefault() {
		ConsumerProperties properties = bind(Map.of());
		assertThat(properties).isEqualTo(ConsumerProperties.defaults());
		assertThat(properties.attempts()).isEqualTo(3);
		assertThat(properties.initialInterval()).isEqualTo(Duration.ofMillis(200));
		assertThat(properties.maxInterval()).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void rejectsFewerThanOneAttempt() {
		assertThatThrownBy(() -> bind(Map.of("souq.consumer.attempts", "0")))
			.hasRootCauseInstanceOf(IllegalArgumentException.class)
			.hasRootCauseMessage("souq.consumer.attempts must be at least 1");
	}

	private static ConsumerProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("souq.consumer",
				ConsumerProperties.class);
	}

}
