package io.souq.starter.json;

import java.math.BigDecimal;
import java.util.Map;

import io.souq.events.Money;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class DecimalsAsStringsTests {

	private final JsonMapper mapper = JsonMapper.builder().addModule(DecimalsAsStrings.module()).build();

	@Test
	void writesAmountsAsPlainDecimalStrings() {
		assertThat(this.mapper.writeValueAsString(Money.of("19.90", "EUR")))
			.isEqualTo("{\"amount\":\"19.90\",\"currency\":\"EUR\"}");
		assertThat(this.mapper.writeValueAsString(Map.of("a", new BigDecimal("1E+3")))).isEqualTo("{\"a\":\"1000\"}");
	}

	@Test
	void readsStringsAndNumbers() {
		assertThat(this.mapper.readValue("{\"amount\":\"19.99\",\"currency\":\"SAR\"}", Money.class).amount())
			.isEqualByComparingTo("19.99");
		assertThat(this.mapper.readValue("{\"amount\":0.10,\"currency\":\"SAR\"}", Money.class).amount())
			.isEqualTo(new BigDecimal("0.10"));
	}

}
