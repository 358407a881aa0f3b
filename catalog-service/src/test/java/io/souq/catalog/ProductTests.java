package io.souq.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import io.souq.events.catalog.ProductCreated;
import io.souq.events.catalog.ProductDiscontinued;
import io.souq.events.catalog.ProductPriceChanged;
import io.souq.events.catalog.ProductUpdated;
import io.souq.starter.domain.Refused;
import io.souq.starter.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ProductTests {

	private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

	@Test
	void aNewProductIsActiveWithoutStockAndAnnouncesItself() {
		Product product = Product.create(details("TEA-1", "7.50"), NOW);
		assertThat(product.status()).isEqualTo(Product.Status.ACTIVE);
		assertThat(product.available()).isZero();
		assertThat(product.outbox()).extracting(OutboxMessage::type).containsExactly(ProductCreated.TYPE);
		assertThat(product.priceList()).extracting((m) -> m.currency()).containsExactly("EUR", "SAR");
	}

	@Test
	void anUpdateAnnouncesAPriceChangeOnlyWhenAnAmountReallyChanged() {
		Product product = Product.create(details("TEA-1", "7.50"), NOW);
		product.update(details("TEA-1", "7.5000"), NOW);
		assertThat(product.outbox()).extracting(OutboxMessage::type)
			.containsExactly(ProductCreated.TYPE, ProductUpdated.TYPE);
		product.update(details("TEA-1", "7.95"), NOW);
		assertThat(product.outbox()).extracting(OutboxMessage::type)
			.containsExactly(ProductCreated.TYPE, ProductUpdated.TYPE, ProductUpdated.TYPE, ProductPriceChanged.TYPE);
		assertThat(product.prices().get("EUR")).isEqualByComparingTo("7.95");
	}

	@Test
	void theSkuNeverChanges() {
		Product product = Product.create(details("TEA-1", "7.50"), NOW);
		assertThatExceptionOfType(Refused.class).isThrownBy(() -> product.update(details("TEA-2", "7.50"), NOW))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("sku-immutable"));
	}

	@Test
	void aDiscontinuedProductIsAnnouncedOnceAndChangesNoMore() {
		Product product = Product.create(details("TEA-1", "7.50"), NOW);
		assertThat(product.discontinue(NOW)).isTrue();
		assertThat(product.discontinue(NOW)).isFalse();
		assertThat(product.outbox()).extracting(OutboxMessage::type)
			.containsExactly(ProductCreated.TYPE, ProductDiscontinued.TYPE);
		assertThatExceptionOfType(Refused.class).isThrownBy(() -> product.update(details("TEA-1", "1"), NOW))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("product-discontinued"));
	}

	private static ProductDetails details(String sku, String eur) {
		return new ProductDetails(sku, "Mint tea", "Green tea with mint", "kitchen/tea", Map.of("origin", "MA"),
				Map.of("EUR", new BigDecimal(eur), "SAR", new BigDecimal("29.00")), 280);
	}

}
