package io.souq.cart;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.souq.cart.PricedCart.PricedLine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PricedCartTests {

	static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

	static CatalogProduct product(String id, String eur) {
		CatalogProduct product = CatalogProduct.unknown(id);
		product.describe("SKU-" + id, "Product " + id, 250, Map.of("EUR", new BigDecimal(eur)), NOW);
		return product;
	}

	static Map<String, CatalogProduct> byId(CatalogProduct... products) {
		Map<String, CatalogProduct> map = new HashMap<>();
		for (CatalogProduct product : products) {
			map.put(product.id(), product);
		}
		return map;
	}

	@Test
	void totalsAreExact() {
		CatalogProduct book = product("book", "19.99");
		Cart cart = Cart.empty("c-1", "EUR");
		cart.add(book, 3, null, NOW);
		PricedCart priced = PricedCart.of(cart, byId(book));
		assertThat(priced.lines().get(0).lineTotal()).isEqualByComparingTo("59.97").hasToString("59.97");
		assertThat(priced.total()).hasToString("59.97");
		assertThat(priced.itemCount()).isEqualTo(3);
		assertThat(priced.checkoutAllowed()).isTrue();
	}

	@Test
	void tenCentsAndTwentyCentsAreThirtyCents() {
		CatalogProduct a = product("a", "0.10");
		CatalogProduct b = product("b", "0.20");
		Cart cart = Cart.empty("c-1", "EUR");
		cart.add(a, 1, null, NOW);
		cart.add(b, 1, null, NOW);
		assertThat(PricedCart.of(cart, byId(a, b)).total()).isEqualTo(new BigDecimal("0.30"));
	}

	@Test
	void showsAmountsWithTheCurrencysMinorUnitsWithoutRounding() {
		CatalogProduct whole = product("whole", "7.5");
		CatalogProduct fine = product("fine", "0.125");
		Cart cart = Cart.empty("c-1", "EUR");
		cart.add(whole, 2, null, NOW);
		cart.add(fine, 3, null, NOW);
		PricedCart priced = PricedCart.of(cart, byId(whole, fine));
		assertThat(priced.lines()).extracting(PricedLine::unitPrice)
			.containsExactly(new BigDecimal("7.50"), new BigDecimal("0.125"));
		assertThat(priced.total()).isEqualTo(new BigDecimal("15.375"));
	}

	@Test
	void anEmptyCartTotalsZeroAndCannotBeOrdered() {
		PricedCart priced = PricedCart.of(Cart.empty("c-1", "SAR"), Map.of());
		assertThat(priced.id()).isEqualTo(Cart.idOf("c-1"));
		assertThat(priced.currency()).isEqualTo("SAR");
		assertThat(priced.lines()).isEmpty();
		assertThat(priced.total()).isEqualTo(new BigDecimal("0.00"));
		assertThat(priced.itemCount()).isZero();
		assertThat(priced.checkoutAllowed()).isFalse();
	}

	@Test
	void followsTheCatalogsCurrentPrice() {
		CatalogProduct tea = product("tea", "7.50");
		Cart cart = Cart.empty("c-1", "EUR");
		cart.add(tea, 2, null, NOW);
		tea.reprice("SKU-tea", Map.of("EUR", new BigDecimal("6.90")), NOW.plusSeconds(60));
		PricedCart priced = PricedCart.of(cart, byId(tea));
		assertThat(priced.lines().get(0).unitPrice()).isEqualTo(new BigDecimal("6.90"));
		assertThat(priced.total()).isEqualTo(new BigDecimal("13.80"));
	}

	@Test
	void flagsADiscontinuedProductAndBlocksTheCheckout() {
		CatalogProduct tea = product("tea", "7.50");
		CatalogProduct mug = product("mug", "12.00");
		Cart cart = Cart.empty("c-1", "EUR");
		cart.add(tea, 2, null, NOW);
		cart.add(mug, 1, null, NOW);
		tea.discontinue("SKU-tea", NOW.plusSeconds(60));
		PricedCart priced = PricedCart.of(cart, byId(tea, mug));
		assertThat(priced.lines()).extracting(PricedLine::discontinued).containsExactly(true, false);
		assertThat(priced.lines().get(0).name()).isEqualTo("Product tea");
		assertThat(priced.checkoutAllowed()).isFalse();
		assertThat(priced.total()).isEqualTo(new BigDecimal("27.00"));
	}

	@Test
	void leavesALineWithoutAPriceOutOfTheTotalAndBlocksTheCheckout() {
		CatalogProduct tea = product("tea", "7.50");
		CatalogProduct mug = product("mug", "12.00");
		Cart cart = Cart.empty("c-1", "EUR");
		cart.add(tea, 2, null, NOW);
		cart.add(mug, 1, null, NOW);
		mug.reprice("SKU-mug", Map.of("USD", new BigDecimal("13.00")), NOW.plusSeconds(60));
		PricedCart priced = PricedCart.of(cart, byId(tea, mug));
		PricedLine line = priced.lines().get(1);
		assertThat(line.unitPrice()).isNull();
		assertThat(line.lineTotal()).isNull();
		assertThat(line.discontinued()).isFalse();
		assertThat(priced.total()).isEqualTo(new BigDecimal("15.00"));
		assertThat(priced.itemCount()).isEqualTo(3);
		assertThat(priced.checkoutAllowed()).isFalse();
	}

	@Test
	void aProductTheReadModelLostBlocksTheCheckout() {
		CatalogProduct tea = product("tea", "7.50");
		Cart cart = Cart.empty("c-1", "EUR");
		cart.add(tea, 2, null, NOW);
		PricedCart priced = PricedCart.of(cart, Map.of());
		assertThat(priced.lines().get(0).unitPrice()).isNull();
		assertThat(priced.total()).isEqualTo(new BigDecimal("0.00"));
		assertThat(priced.checkoutAllowed()).isFalse();
	}

}
