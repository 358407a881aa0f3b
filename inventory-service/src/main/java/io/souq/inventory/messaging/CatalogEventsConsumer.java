package io.souq.inventory.messaging;

import io.souq.events.Topics;
import io.souq.events.catalog.ProductCreated;
import io.souq.inventory.Stock;
import io.souq.starter.consumer.TopicConsumer;
import io.souq.starter.messaging.EnvelopeCodec;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every product the catalog creates gets a stock record (with no stock yet).
 */
@Configuration(proxyBeanMethods = false)
class CatalogEventsConsumer {

	@Bean
	TopicConsumer catalogEvents(Stock stock, EnvelopeCodec codec) {
		return TopicConsumer.of(Topics.CATALOG_EVENTS)
			.on(ProductCreated.TYPE, event -> stock.track(codec.data(event, ProductCreated.class).sku()));
	}

}
