package io.souq.local;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OrderBenchmarkTests {

	@Test
	void readsTheSettingsWithDefaults() {
		OrderBenchmark.Settings defaults = OrderBenchmark.Settings.parse(List.of());
		assertThat(defaults.rate()).isEqualTo(5);
		assertThat(defaults.duration()).isEqualTo(Duration.ofSeconds(30));
		assertThat(defaults.customers()).isEqualTo(100);
		OrderBenchmark.Settings given = OrderBenchmark.Settings
			.parse(List.of("--rate", "2.5", "--duration", "10", "--customers", "7"));
		assertThat(given.rate()).isEqualTo(2.5);
		assertThat(given.duration()).isEqualTo(Duration.ofSeconds(10));
		assertThat(given.customers()).isEqualTo(7);
	}

	@Test
	void refusesWrongSettings() {
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> OrderBenchmark.Settings.parse(List.of("--rate", "-1")));
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> OrderBenchmark.Settings.parse(List.of("--speed", "3")));
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> OrderBenchmark.Settings.parse(List.of("--duration")));
	}

	@Test
	void takesPercentilesByNearestRank() {
		List<Long> sorted = List.of(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L);
		assertThat(OrderBenchmark.percentile(sorted, 50)).isEqualTo(50);
		assertThat(OrderBenchmark.percentile(sorted, 95)).isEqualTo(100);
		assertThat(OrderBenchmark.percentile(List.of(7L), 99)).isEqualTo(7);
		assertThat(OrderBenchmark.percentile(List.of(), 99)).isZero();
	}

}
