package io.souq.notification.messaging;

import io.souq.events.Envelope;
import io.souq.events.Topics;
import io.souq.events.customer.CustomerRegistered;
import io.souq.events.inventory.StockBelowReorderPoint;
import io.souq.events.order.OrderCancelled;
import io.souq.events.order.OrderConfirmed;
import io.souq.events.order.OrderDelivered;
import io.souq.events.order.OrderShipped;
import io.souq.events.payment.PaymentRefunded;
import io.souq.notification.Notifications;
import io.souq.notification.templates.Template;
import io.souq.starter.consumer.Deduplication;
import io.souq.starter.consumer.EnvelopeHandler;
import io.souq.starter.consumer.TopicConsumer;
import io.souq.starter.messaging.EnvelopeCodec;
import io.souq.starter.messaging.MalformedMessageException;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The events that become messages. Each makes one notification per event id and template
 * (the notification's id is derived from both), so the handlers deduplicate by
 * themselves. An event without its customer, or whose payload does not fit its type, goes
 * to the dead-letter topic at once; other types are skipped.
 * <p>
 * {@code shipping.events} is not consumed: the customer hears of the shipment from
 * {@code order.shipped} and {@code order.delivered}, which carry the carrier and the
 * tracking number, so the shipment's own events would only say it twice.
 */
@Configuration(proxyBeanMethods = false)
class NotificationConsumers {

	@Bean
	TopicConsumer customerEvents(Notifications notifications, EnvelopeCodec codec) {
		return TopicConsumer.of(Topics.CUSTOMER_EVENTS)
			.deduplication(Deduplication.HANDLER)
			.on(CustomerRegistered.TYPE, wellFormed(
					(event) -> notifications.registered(event.id(), codec.data(event, CustomerRegistered.class))));
	}

	@Bean
	TopicConsumer orderEvents(Notifications notifications, EnvelopeCodec codec) {
		return TopicConsumer.of(Topics.ORDER_EVENTS)
			.deduplication(Deduplication.HANDLER)
			.on(OrderConfirmed.TYPE, wellFormed((event) -> {
				OrderConfirmed confirmed = codec.data(event, OrderConfirmed.class);
				notifications.toCustomer(event.id(), Template.ORDER_CONFIRMED, confirmed.customerId(),
						orderId(confirmed.orderId(), event), confirmed);
			}))
			.on(OrderCancelled.TYPE, wellFormed((event) -> {
				OrderCancelled cancelled = codec.data(event, OrderCancelled.class);
				notifications.toCustomer(event.id(), Template.ORDER_CANCELLED, cancelled.customerId(),
						orderId(cancelled.orderId(), event), cancelled);
			}))
			.on(OrderShipped.TYPE, wellFormed((event) -> {
				OrderShipped shipped = codec.data(event, OrderShipped.class);
				notifications.toCustomer(event.id(), Template.ORDER_SHIPPED, shipped.customerId(),
						orderId(shipped.orderId(), event), shipped);
			}))
			.on(OrderDelivered.TYPE, wellFormed((event) -> {
				OrderDelivered delivered = codec.data(event, OrderDelivered.class);
				notifications.toCustomer(event.id(), Template.ORDER_DELIVERED, delivered.customerId(),
						orderId(delivered.orderId(), event), delivered);
			}));
	}

	@Bean
	TopicConsumer paymentEvents(Notifications notifications, EnvelopeCodec codec) {
		return TopicConsumer.of(Topics.PAYMENT_EVENTS)
			.deduplication(Deduplication.HANDLER)
			.on(PaymentRefunded.TYPE, wellFormed((event) -> {
				PaymentRefunded refunded = codec.data(event, PaymentRefunded.class);
				notifications.toCustomer(event.id(), Template.PAYMENT_REFUNDED, refunded.customerId(),
						orderId(refunded.orderId(), event), refunded);
			}));
	}

	@Bean
	TopicConsumer inventoryEvents(Notifications notifications, EnvelopeCodec codec) {
		return TopicConsumer.of(Topics.INVENTORY_EVENTS)
			.deduplication(Deduplication.HANDLER)
			.on(StockBelowReorderPoint.TYPE, wellFormed((event) -> notifications.toOperations(event.id(),
					Template.LOW_STOCK, codec.data(event, StockBelowReorderPoint.class))));
	}

	/** The order of an order event: its payload's, or the envelope's subject. */
	private static String orderId(String orderId, Envelope<JsonNode> event) {
		return (orderId != null && !orderId.isBlank()) ? orderId : event.subject();
	}

	/** Payloads that cannot make a message go to the dead-letter topic at once. */
	private static EnvelopeHandler wellFormed(EnvelopeHandler handler) {
		return (Envelope<JsonNode> event) -> {
			try {
				handler.handle(event);
			}
			catch (IllegalArgumentException ex) {
				throw new MalformedMessageException(event.type() + " " + event.id() + ": " + ex.getMessage(), ex);
			}
		};
	}

}
