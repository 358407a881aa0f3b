package io.souq.cart;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import io.souq.starter.domain.Refused;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

class CartTests {

	static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

	static final Instant AT = Instant.parse("2026-11-23T10:16:00Z");

	static CatalogProduct product(String id, Map<String, BigDecimal> prices) {
		CatalogProduct product = CatalogProduct.unknown(id);
		product.describe("SKU-" + id, "Product " + id, 250, prices, AT);
		return product;
	}

	static final CatalogProduct TEA = product("tea",
			Map.of("EUR", new BigDecimal("7.50"), "SAR", new BigDecimal("29")));

	static final CatalogProduct MUG = product("mug", Map.of("EUR", new BigDecimal("12.00")));

	@Test
	void addsLinesInOrderAndAddsToAnExistingLine() {
		Cart cart = Cart.empty("c-1", "EUR");
		cart.add(TEA, 2, null, NOW);
		cart.add(MUG, 1, null, NOW);
		cart.add(TEA, 3, null, NOW.plusSeconds(5));
		assertThat(cart.lines()).extracting(CartLine::productId, CartLine::quantity)
			.containsExactly(tuple("tea", 5), tuple("mug", 1));
		assertThat(cart.lines().get(0).addedAt()).isEqualTo(NOW);
	}

	@Test
	void holdsAtMostNinetyNineUnitsOfAProduct() {
		Cart cart = Cart.empty("c-1", "EUR");
		cart.add(TEA, 99, null, NOW);
		assertThatExceptionOfType(Refused.class).isThrownBy(() -> cart.add(TEA, 1, null, NOW))
			.extracting(Refused::code)
			.isEqualTo("quantity-limit");
		assertThat(cart.lines().get(0).quantity()).isEqualTo(99);
	}

	@Test
	void refusesQuantitiesOutsideTheLimits() {
		Cart cart = Cart.empty("c-1", "EUR");
		assertThatExceptionOfType(Refused.class).isThrownBy(() -> cart.add(TEA, 0, null, NOW));
		assertThatExceptionOfType(Refused.class).isThrownBy(() -> cart.add(TEA, 100, null, NOW));
		cart.add(TEA, 1, null, NOW);
		assertThatExceptionOfType(Refused.class).isThrownBy(() -> cart.setQuantity("tea", -1, TEA, NOW));
		assertThatExceptionOfType(Refused.class).isThrownBy(() -> cart.setQuantity("tea", 100, TEA, NOW));
		cart.setQuantity("tea", 99, TEA, NOW);
		assertThat(cart.lines().get(0).quantity()).isEqualTo(99);
	}

	@Test
	void settingZeroRemovesTheLine() {
		Cart cart = Cart.empty("c-1", "EUR");
		cart.add(TEA, 2, null, NOW);
		cart.add(MUG, 1, null, NOW);
		cart.setQuantity("tea", 0, TEA, NOW);
		assertThat(cart.lines()).extracting(CartLine::productId).containsExactly("mug");
		assertThatIllegalArgumentException().isThrownBy(() -> cart.setQuantity("tea", 1, TEA, NOW));
	}

	@Test
	void theFirstAddChoosesTheCurrencyAndLaterAddsMustKeepIt() {
		Cart cart = Cart.empty("c-1", "EUR");
		cart.add(TEA, 1, "SAR", NOW);
		assertThat(cart.currency()).isEqualTo("SAR");
		cart.add(TEA, 1, "SAR", NOW);
		assertThatExceptionOfType(Refused.class).isThrownBy(() -> cart.add(TEA, 1, "EUR", NOW))
			.extracting(Refused::code)
			.isEqualTo("currency-mismatch");
		cart.add(TEA, 1, null, NOW);
		assertThat(cart.lines().get(0).quantity()).isEqualTo(3);

		cart.clear(NOW);
		assertThat(cart.isEmpty()).isTrue();
		cart.add(MUG, 1, "EUR", NOW);
		assertThat(cart.currency()).isEqualTo("EUR");
	}

	@Test
	void refusesAProductWithoutAPriceInTheCartsCurrency() {
		Cart cart = Cart.empty("c-1", "EUR");
		assertThatExceptionOfType(Refused.class).isThrownBy(() -> cart.add(MUG, 1, "SAR", NOW))
			.extracting(Refused::code)
			.isEqualTo("no-price-in-currency");
		assertThat(cart.currency()).isEqualTo("EUR");
		assertThat(cart.isEmpty()).isTrue();
	}

	@Test
	void refusesADiscontinuedProductAndMoreOfIt() {
		CatalogProduct tea = product("tea", Map.of("EUR", new BigDecimal("7.50")));
		Cart cart = Cart.empty("c-1", "EUR");
		cart.add(tea, 2, null, NOW);
		tea.discontinue("SKU-tea", NOW);
		assertThatExceptionOfType(Refused.class).isThrownBy(() -> cart.add(tea, 1, null, NOW))
			.extracting(Refused::code)
			.isEqualTo("product-discontinued");
		assertThatExceptionOfType(Refused.class).isThrownBy(() -> cart.setQuantity("tea", 3, tea, NOW));
		cart.setQuantity("tea", 1, tea, NOW);
		assertThat(cart.lines().get(0).quantity()).isEqualTo(1);
	}

	@Test
	void holdsAtMostFiftyDifferentProducts() {
		Cart cart = Cart.empty("c-1", "EUR");
		for (int i = 0; i < Cart.MAX_LINES; i++) {
			cart.add(product("p" + i, Map.of("EUR", BigDecimal.ONE)), 1, null, NOW);
		}
		assertThatExceptionOfType(Refused.class).isThrownBy(() -> cart.add(TEA, 1, null, NOW))
			.extracting(Refused::code)
			.isEqualTo("too-many-lines");
		cart.add(product("p0", Map.of("EUR", BigDecimal.ONE)), 1, null, NOW);
	}

	@Test
	void removesLinesAndEmpties() {
		Cart cart = Cart.empty("c-1", "EUR");
		cart.add(TEA, 2, null, NOW);
		assertThat(cart.remove("mug", NOW)).isFalse();
		assertThat(cart.remove("tea", NOW)).isTrue();
		assertThat(cart.clear(NOW)).isFalse();
	}

	@Test
	void hasAStablePublicIdOfItsOwn() {
		assertThat(Cart.empty("c-1", "EUR").id()).isEqualTo(Cart.idOf("c-1"))
			.isNotEqualTo(Cart.idOf("c-2"))
			.isNotEqualTo("c-1")
			.hasSize(36);
	}

}
