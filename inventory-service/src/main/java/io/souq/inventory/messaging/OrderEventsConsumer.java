package io.souq.inventory.messaging;

import io.souq.events.Topics;
import io.souq.events.order.OrderConfirmed;
import io.souq.inventory.Reservations;
import io.souq.starter.consumer.Deduplication;
import io.souq.starter.consumer.TopicConsumer;
import io.souq.starter.messaging.EnvelopeCodec;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A confirmed order keeps its reservation until dispatch: the sweep leaves it alone.
 * Marking it is idempotent, so the handler deduplicates by itself.
 */
@Configuration(proxyBeanMethods = false)
class OrderEventsConsumer {

	@Bean
	TopicConsumer orderEvents(Reservations reservations, EnvelopeCodec codec) {
		return TopicConsumer.of(Topics.ORDER_EVENTS)
			.deduplication(Deduplication.HANDLER)
			.on(OrderConfirmed.TYPE, (event) -> {
				String orderId = codec.data(event, OrderConfirmed.class).orderId();
				reservations.confirmed((orderId != null) ? orderId : event.subject());
			});
	}

}
