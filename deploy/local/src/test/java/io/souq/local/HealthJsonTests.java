package io.souq.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthJsonTests {

	@Test
	void readsTheTopLevelStatus() {
		assertThat(HealthJson.status("{\"status\":\"UP\"}")).contains("UP");
		assertThat(HealthJson.status(" {\n  \"status\" : \"OUT_OF_SERVICE\"\n}")).contains("OUT_OF_SERVICE");
	}

	@Test
	void ignoresNestedStatuses() {
		String json = "{\"components\":{\"mongo\":{\"status\":\"UP\",\"details\":{\"status\":\"UP\"}},"
				+ "\"kafka\":{\"status\":\"DOWN\"}},\"groups\":[\"liveness\",{\"status\":\"UP\"}],\"status\":\"DOWN\"}";
		assertThat(HealthJson.status(json)).contains("DOWN");
		assertThat(HealthJson.status("{\"components\":{\"db\":{\"status\":\"UP\"}}}")).isEmpty();
	}

	@Test
	void keysAndValuesWithEscapesAndLookalikes() {
		assertThat(HealthJson.status("{\"note\":\"\\\"status\\\":\\\"UP\\\"\",\"status\":\"DOWN\"}")).contains("DOWN");
		assertThat(HealthJson.status("{\"statusCode\":\"UP\",\"status\":\"U\\u0050\"}")).contains("UP");
		assertThat(HealthJson.status("{\"x\":\"status\",\"status\":\"UP\"}")).contains("UP");
	}

	@Test
	void anythingElseHasNoStatus() {
		assertThat(HealthJson.status(null)).isEmpty();
		assertThat(HealthJson.status("")).isEmpty();
		assertThat(HealthJson.status("UP")).isEmpty();
		assertThat(HealthJson.status("[{\"status\":\"UP\"}]")).isEmpty();
		assertThat(HealthJson.status("{\"status\":true}")).isEmpty();
		assertThat(HealthJson.status("{\"status\":\"UP")).isEmpty();
		assertThat(HealthJson.status("<html>status UP</html>")).isEmpty();
	}

	@Test
	void readinessIsUpOnlyFor200WithStatusUp() {
		assertThat(Probes.readinessOf(200, "{\"status\":\"UP\"}")).isEqualTo(Health.UP);
		assertThat(Probes.readinessOf(503, "{\"status\":\"OUT_OF_SERVICE\"}")).isEqualTo(Health.DOWN);
		assertThat(Probes.readinessOf(503, "{\"status\":\"UP\"}")).isEqualTo(Health.DOWN);
		assertThat(Probes.readinessOf(200, "{\"status\":\"DOWN\"}")).isEqualTo(Health.DOWN);
		assertThat(Probes.readinessOf(200, "UP")).isEqualTo(Health.DOWN);
		assertThat(Probes.readinessOf(404, "")).isEqualTo(Health.DOWN);
	}

}
