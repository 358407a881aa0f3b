package io.souq.cart.messaging;

import io.souq.cart.Carts;
import io.souq.events.Topics;
import io.souq.events.order.OrderLine;
import io.souq.events.order.OrderPlaced;
import io.souq.starter.consumer.TopicConsumer;
import io.souq.starter.messaging.EnvelopeCodec;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A placed order takes its products out of the customer's cart.
 */
@Configuration(proxyBeanMethods = false)
class OrderEventsConsumer {

	@Bean
	TopicConsumer orderEvents(Carts carts, EnvelopeCodec codec) {
		return TopicConsumer.of(Topics.ORDER_EVENTS).on(OrderPlaced.TYPE, (envelope) -> {
			OrderPlaced placed = codec.data(envelope, OrderPlaced.class);
			carts.ordered(placed.customerId(), placed.lines().stream().map(OrderLine::productId).toList());
		});
	}

}
