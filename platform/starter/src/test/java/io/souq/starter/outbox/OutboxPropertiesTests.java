package io.souq.starter.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OutboxPropertiesTests {

	@Test
	void bindsToTheDefaultsWhenNothingIsSet() {
		assertThat(bind(Map.of())).isEqualTo(OutboxProperties.defaults());
		assertThat(OutboxProperties.defaults().pollInterval()).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void bindsCollectionsAndIntervals() {
		OutboxProperties properties = bind(Map.of("souq.outbox.collections", "orders,stock",
				"souq.outbox.poll-interval", "50ms", "souq.outbox.lease", "30s"));
		assertThat(properties.collections()).isEqualTo(List.of("orders", "stock"));
		assertThat(properties.pollInterval()).isEqualTo(Duration.ofMillis(50));
		assertThat(properties.lease()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void theSendTimeoutMustEndBeforeTheLease() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OutboxProperties(true, List.of(), Duration.ofMillis(100), Duration.ofSeconds(5),
					Duration.ofSeconds(5), 100, Duration.ofSeconds(5), true))
			.withMessageContaining("send-timeout");
	}

	private static OutboxProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("souq.outbox",
				OutboxProperties.class);
	}

}
