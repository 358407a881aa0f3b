package io.souq.cart;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CartPropertiesTests {

	@Test
	void supportsTheConfiguredCurrenciesOnly() {
		CartProperties properties = new CartProperties("EUR", List.of("EUR", "USD", "SAR"));
		assertThat(properties.supports("SAR")).isTrue();
		assertThat(properties.supports("GBP")).isFalse();
		assertThat(properties.supports("sar")).isFalse();
	}

	@Test
	void refusesADefaultOutsideTheListAndCodesThatAreNotIso4217() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CartProperties("GBP", List.of("EUR")));
		assertThatIllegalArgumentException().isThrownBy(() -> new CartProperties("EUR", List.of("EUR", "XYZ")));
		assertThatIllegalArgumentException().isThrownBy(() -> new CartProperties("EUR", List.of()));
	}

}
