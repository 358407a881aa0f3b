package io.souq.cart.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.souq.cart.Catalog;
import io.souq.events.Envelope;
import io.souq.events.Money;
import io.souq.events.Topics;
import io.souq.events.catalog.ProductCreated;
import io.souq.events.catalog.ProductDiscontinued;
import io.souq.events.catalog.ProductPriceChanged;
import io.souq.events.catalog.ProductUpdated;
import io.souq.starter.consumer.TopicConsumer;
import io.souq.starter.messaging.EnvelopeCodec;
import io.souq.starter.messaging.MalformedMessageException;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the cart's read model of the catalog from {@code catalog.events}: names, SKUs,
 * prices and withdrawals. A redelivered or late event changes nothing (see
 * {@link io.souq.cart.CatalogProduct}).
 */
@Configuration(proxyBeanMethods = false)
class CatalogEventsConsumer {

	@Bean
	TopicConsumer catalogEvents(Catalog catalog, EnvelopeCodec codec) {
		return TopicConsumer.of(Topics.CATALOG_EVENTS).on(ProductCreated.TYPE, envelope -> {
			ProductCreated created = codec.data(envelope, ProductCreated.class);
			catalog.describe(productId(created.productId(), envelope), created.sku(), created.name(),
					created.weightGrams(), prices(created.prices()), at(created.at(), envelope));
		}).on(ProductUpdated.TYPE, envelope -> {
			ProductUpdated updated = codec.data(envelope, ProductUpdated.class);
			catalog.describe(productId(updated.productId(), envelope), updated.sku(), updated.name(),
					updated.weightGrams(), prices(updated.prices()), at(updated.at(), envelope));
		}).on(ProductPriceChanged.TYPE, envelope -> {
			ProductPriceChanged changed = codec.data(envelope, ProductPriceChanged.class);
			if (changed.prices() == null) {
				throw new MalformedMessageException(ProductPriceChanged.TYPE + " without prices", null);
			}
			catalog.reprice(productId(changed.productId(), envelope), changed.sku(), prices(changed.prices()),
					at(changed.at(), envelope));
		}).on(ProductDiscontinued.TYPE, envelope -> {
			ProductDiscontinued discontinued = codec.data(envelope, ProductDiscontinued.class);
			catalog.discontinue(productId(discontinued.productId(), envelope), discontinued.sku(),
					at(discontinued.at(), envelope));
		});
	}

	private static String productId(String productId, Envelope<JsonNode> envelope) {
		if (productId == null || productId.isBlank()) {
			throw new MalformedMessageException(envelope.type() + " without a product id", null);
		}
		return productId;
	}

	/** When the fact happened: the payload's time, else the envelope's. */
	private static Instant at(Instant at, Envelope<JsonNode> envelope) {
		return (at != null) ? at : envelope.time();
	}

	/** Prices per currency; {@code null} when the event names none. */
	private static Map<String, BigDecimal> prices(List<Money> prices) {
		if (prices == null) {
			return null;
		}
		Map<String, BigDecimal> byCurrency = new LinkedHashMap<>();
		for (Money price : prices) {
			if (price == null) {
				throw new MalformedMessageException("a price is null", null);
			}
			byCurrency.put(price.currency(), price.amount());
		}
		return byCurrency;
	}

}
