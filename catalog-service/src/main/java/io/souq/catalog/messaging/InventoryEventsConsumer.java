package io.souq.catalog.messaging;

import io.souq.catalog.Catalog;
import io.souq.events.Topics;
import io.souq.events.inventory.StockLevelChanged;
import io.souq.starter.consumer.Deduplication;
import io.souq.starter.consumer.TopicConsumer;
import io.souq.starter.messaging.EnvelopeCodec;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The stock shown to shoppers follows inventory's stock levels. Applying a level is
 * idempotent and never goes back in time, so the handler deduplicates by itself.
 */
@Configuration(proxyBeanMethods = false)
class InventoryEventsConsumer {

	@Bean
	TopicConsumer inventoryEvents(Catalog catalog, EnvelopeCodec codec) {
		return TopicConsumer.of(Topics.INVENTORY_EVENTS)
			.deduplication(Deduplication.HANDLER)
			.on(StockLevelChanged.TYPE, (event) -> catalog.stockChanged(codec.data(event, StockLevelChanged.class)));
	}

}
