package io.souq.catalog;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.souq.events.inventory.StockLevelChanged;
import io.souq.mongo.EmbeddedMongoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The persistence slice of the catalog against the MongoDB-protocol server: the documents
 * as stored (prices as Decimal128), the listing's filter and order, and stock levels that
 * never go back in time.
 */
@DataMongoTest
class CatalogPersistenceTests {

	static final EmbeddedMongoServer mongoServer = EmbeddedMongoServer.startInMemory();

	static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

	@Autowired
	ProductRepository repository;

	@Autowired
	MongoTemplate mongo;

	Catalog catalog;

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", mongoServer::connectionString);
		registry.add("spring.mongodb.database", () -> "catalog-slice");
	}

	@AfterAll
	static void stop() {
		mongoServer.close();
	}

	@BeforeEach
	void emptyCatalog() {
		this.repository.deleteAll();
		this.catalog = new Catalog(this.repository, this.mongo, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Test
	void storesPricesAsDecimalsAndFiltersAndOrdersByThemInACurrency() {
		Product tea = this.catalog.create(details("TEA-1", "Mint tea", "kitchen/tea", "7.50", "29.00"));
		Product pot = this.catalog.create(details("POT-1", "Brass teapot", "kitchen/ware", "30.00", "120.00"));
		this.catalog.create(details("DAT-1", "Medjool dates", "kitchen/dates", "19.50", "79.00"));
		this.catalog.create(details("SCARF-1", "Silk scarf", "fashion/scarves", "55.00", "220.00"));

		org.bson.Document stored = this.mongo.getCollection("products")
			.find(new org.bson.Document("_id", tea.id()))
			.first();
		assertThat(stored.get("prices", org.bson.Document.class).get("SAR"))
			.isInstanceOf(org.bson.types.Decimal128.class);

		ProductSearch teaInSar = new ProductSearch("TEA", "kitchen", new BigDecimal("20"), new BigDecimal("150"), "SAR",
				new ProductSort(ProductSort.Key.PRICE, Sort.Direction.DESC));
		assertThat(this.catalog.search(teaInSar, PageRequest.of(0, 10)).getContent()).extracting(Product::id)
			.containsExactly(pot.id(), tea.id());
		ProductSearch kitchen = new ProductSearch(null, "kitchen", null, null, null, ProductSort.DEFAULT);
		assertThat(this.catalog.search(kitchen, PageRequest.of(0, 2)).getTotalElements()).isEqualTo(3);
	}

	@Test
	void showsTheNewestStockLevelOnly() {
		Product tea = this.catalog.create(details("TEA-2", "Mint tea", "kitchen/tea", "7.50", "29.00"));
		this.catalog.stockChanged(level("TEA-2", 12, NOW.plusSeconds(10)));
		this.catalog.stockChanged(level("TEA-2", 3, NOW.plusSeconds(5)));
		assertThat(this.catalog.get(tea.id()).available()).isEqualTo(12);
		this.catalog.stockChanged(level("TEA-2", 4, NOW.plusSeconds(20)));
		assertThat(this.catalog.get(tea.id()).available()).isEqualTo(4);
	}

	private static StockLevelChanged level(String sku, long available, Instant at) {
		return new StockLevelChanged(sku, available, 0, available, "STOCK_COUNT", at);
	}

	private static ProductDetails details(String sku, String name, String category, String eur, String sar) {
		return new ProductDetails(sku, name, "", category, Map.of(),
				Map.of("EUR", new BigDecimal(eur), "SAR", new BigDecimal(sar)), 250);
	}

}
