package io.souq.cart;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogProductTests {

	static final Instant CREATED = Instant.parse("2026-11-23T10:16:00Z");

	static final Instant CHANGED = Instant.parse("2026-11-23T11:00:00Z");

	static final Instant LATER = Instant.parse("2026-11-23T12:00:00Z");

	static CatalogProduct tea() {
		CatalogProduct tea = CatalogProduct.unknown("p-1");
		tea.describe("TEA-1", "Mint tea", 250, prices("7.50", "7.99"), CREATED);
		return tea;
	}

	static Map<String, BigDecimal> prices(String eur, String usd) {
		return Map.of("EUR", new BigDecimal(eur), "USD", new BigDecimal(usd));
	}

	@Test
	void aCreatedProductHasItsDetailsAndPrices() {
		CatalogProduct tea = tea();
		assertThat(tea.sku()).isEqualTo("TEA-1");
		assertThat(tea.name()).isEqualTo("Mint tea");
		assertThat(tea.price("EUR")).contains(new BigDecimal("7.50"));
		assertThat(tea.price("SAR")).isEmpty();
		assertThat(tea.discontinued()).isFalse();
		assertThat(tea.lastEventAt()).isEqualTo(CREATED);
	}

	@Test
	void aRedeliveredEventChangesNothing() {
		CatalogProduct tea = tea();
		assertThat(tea.describe("TEA-1", "Mint tea", 250, prices("7.50", "7.99"), CREATED)).isFalse();
		assertThat(tea.reprice("TEA-1", prices("6.90", "7.99"), CHANGED)).isTrue();
		assertThat(tea.reprice("TEA-1", prices("6.90", "7.99"), CHANGED)).isFalse();
		assertThat(tea.price("EUR")).contains(new BigDecimal("6.90"));
	}

	@Test
	void anOlderEventDoesNotOverwriteNewerState() {
		CatalogProduct tea = tea();
		tea.reprice("TEA-1", prices("5.00", "5.50"), LATER);
		tea.describe("TEA-1", "Mint tea, new tin", 250, prices("5.00", "5.50"), LATER);

		assertThat(tea.reprice("TEA-1", prices("6.90", "7.99"), CHANGED)).isFalse();
		assertThat(tea.describe("TEA-1", "Mint tea", 250, prices("7.50", "7.99"), CREATED)).isFalse();

		assertThat(tea.price("EUR")).contains(new BigDecimal("5.00"));
		assertThat(tea.name()).isEqualTo("Mint tea, new tin");
		assertThat(tea.lastEventAt()).isEqualTo(LATER);
	}

	@Test
	void anUpdateAndAPriceChangeOfTheSameMomentBothApply() {
		CatalogProduct tea = tea();
		assertThat(tea.describe("TEA-1", "Mint tea, new tin", 250, prices("6.90", "7.99"), CHANGED)).isTrue();
		assertThat(tea.reprice("TEA-1", prices("6.90", "7.99"), CHANGED)).isFalse();
		assertThat(tea.name()).isEqualTo("Mint tea, new tin");
		assertThat(tea.price("EUR")).contains(new BigDecimal("6.90"));
	}

	@Test
	void aLateUpdateStillNamesTheProductButKeepsTheNewerPrices() {
		CatalogProduct tea = tea();
		tea.reprice("TEA-1", prices("5.00", "5.50"), LATER);
		assertThat(tea.describe("TEA-1", "Mint tea, new tin", 250, prices("6.90", "7.99"), CHANGED)).isTrue();
		assertThat(tea.name()).isEqualTo("Mint tea, new tin");
		assertThat(tea.price("EUR")).contains(new BigDecimal("5.00"));
	}

	@Test
	void aPriceChangeBeforeTheCreationKeepsItsPricesWhenTheCreationArrives() {
		CatalogProduct tea = CatalogProduct.unknown("p-1");
		tea.reprice("TEA-1", prices("6.90", "7.99"), CHANGED);
		tea.describe("TEA-1", "Mint tea", 250, prices("7.50", "7.99"), CREATED);
		assertThat(tea.name()).isEqualTo("Mint tea");
		assertThat(tea.price("EUR")).contains(new BigDecimal("6.90"));
	}

	@Test
	void aDiscontinuedProductStaysDiscontinued() {
		CatalogProduct tea = tea();
		assertThat(tea.discontinue("TEA-1", CHANGED)).isTrue();
		assertThat(tea.discontinue("TEA-1", CHANGED)).isFalse();
		tea.describe("TEA-1", "Mint tea, new tin", 250, prices("5.00", "5.50"), LATER);
		tea.describe("TEA-1", "Mint tea", 250, prices("7.50", "7.99"), CREATED);
		assertThat(tea.discontinued()).isTrue();
		assertThat(tea.name()).isEqualTo("Mint tea, new tin");
	}

	@Test
	void anOlderDiscontinuationStillWithdrawsTheProduct() {
		CatalogProduct tea = tea();
		tea.reprice("TEA-1", prices("5.00", "5.50"), LATER);
		assertThat(tea.discontinue("TEA-1", CHANGED)).isTrue();
		assertThat(tea.discontinued()).isTrue();
		assertThat(tea.lastEventAt()).isEqualTo(LATER);
	}

}
