package io.souq.local;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCatalogTests {

	private final List<JsonNode> products = DemoCatalog.products();

	@Test
	void holdsAtLeastFiftyProductsWithUniqueSkusInSeveralCategories() {
		assertThat(this.products).hasSizeGreaterThanOrEqualTo(50);
		assertThat(this.products.stream().map((p) -> p.get("sku").asString()).distinct()).hasSize(this.products.size());
		Set<String> topLevel = this.products.stream()
			.map((p) -> p.get("category").asString().split("/")[0])
			.collect(Collectors.toSet());
		assertThat(topLevel).hasSizeGreaterThanOrEqualTo(5);
		assertThat(this.products).allSatisfy((p) -> {
			assertThat(p.get("sku").asString()).matches("[A-Z0-9][A-Z0-9-]{0,63}");
			assertThat(p.get("category").asString()).matches("[a-z0-9-]+(/[a-z0-9-]+)*");
			assertThat(p.get("stock").asInt()).isPositive();
			assertThat(p.get("weightGrams").asInt()).isPositive();
		});
	}

	@Test
	void pricesEveryProductInEuroDollarAndRiyal() {
		assertThat(this.products).allSatisfy((p) -> {
			List<String> currencies = p.get("prices").valueStream().map((m) -> m.get("currency").asString()).toList();
			assertThat(currencies).containsExactlyInAnyOrder("EUR", "USD", "SAR");
			p.get("prices")
				.forEach((m) -> assertThat(new BigDecimal(m.get("amount").asString())).isPositive()
					.satisfies((amount) -> assertThat(amount.scale()).isEqualTo(2)));
		});
	}

	@Test
	void namesAndDescribesSomeProductsInArabic() {
		List<JsonNode> arabic = this.products.stream()
			.filter((p) -> p.get("name").asString().chars().anyMatch((c) -> c >= 0x0600 && c <= 0x06FF))
			.toList();
		assertThat(arabic).hasSizeGreaterThanOrEqualTo(10)
			.allSatisfy((p) -> assertThat(p.get("description").asString()).containsPattern("[\\u0600-\\u06FF]"));
	}

}
