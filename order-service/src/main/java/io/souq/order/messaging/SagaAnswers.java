package io.souq.order.messaging;

import io.souq.events.Topics;
import io.souq.events.inventory.ReservationCommitted;
import io.souq.events.inventory.ReservationReleased;
import io.souq.events.inventory.StockReservationFailed;
import io.souq.events.inventory.StockReserved;
import io.souq.events.payment.PaymentAuthorized;
import io.souq.events.payment.PaymentCaptured;
import io.souq.events.payment.PaymentDeclined;
import io.souq.events.payment.PaymentRefunded;
import io.souq.events.payment.PaymentVoided;
import io.souq.events.shipping.ShipmentCancelled;
import io.souq.events.shipping.ShipmentCreated;
import io.souq.events.shipping.ShipmentDelivered;
import io.souq.events.shipping.ShipmentDeliveryFailed;
import io.souq.events.shipping.ShipmentDispatched;
import io.souq.events.shipping.ShipmentFailed;
import io.souq.events.shipping.ShipmentInTransit;
import io.souq.order.Action;
import io.souq.order.Orders;
import io.souq.order.SagaTimeouts;
import io.souq.starter.consumer.Deduplication;
import io.souq.starter.consumer.TopicConsumer;
import io.souq.starter.messaging.EnvelopeCodec;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The participants' answers, applied to their orders. Each order records the ids of the
 * answers it applied in the same write, so the handlers deduplicate by themselves.
 */
@Configuration(proxyBeanMethods = false)
class SagaAnswers {

	@Bean
	TopicConsumer inventoryAnswers(Orders orders, EnvelopeCodec codec, SagaTimeouts t) {
		return TopicConsumer.of(Topics.INVENTORY_EVENTS)
			.deduplication(Deduplication.HANDLER)
			.on(StockReserved.TYPE,
					(e) -> orders.apply(codec.data(e, StockReserved.class).orderId(),
							(order, now) -> order.stockReserved(e, t, now)))
			.on(StockReservationFailed.TYPE, (e) -> {
				StockReservationFailed failed = codec.data(e, StockReservationFailed.class);
				orders.apply(failed.orderId(), (order, now) -> order.stockReservationFailed(e, failed, t, now));
			})
			.on(ReservationReleased.TYPE,
					(e) -> orders.apply(codec.data(e, ReservationReleased.class).orderId(),
							(order, now) -> order.acknowledged(e, Action.RELEASE_STOCK, null, null, t, now)))
			.on(ReservationCommitted.TYPE, (e) -> orders.apply(codec.data(e, ReservationCommitted.class).orderId(),
					(order, now) -> order.acknowledged(e, Action.COMMIT_STOCK, null, null, t, now)));
	}

	@Bean
	TopicConsumer paymentAnswers(Orders orders, EnvelopeCodec codec, SagaTimeouts t) {
		return TopicConsumer.of(Topics.PAYMENT_EVENTS)
			.deduplication(Deduplication.HANDLER)
			.on(PaymentAuthorized.TYPE, (e) -> {
				PaymentAuthorized authorized = codec.data(e, PaymentAuthorized.class);
				orders.apply(authorized.orderId(), (order, now) -> order.paymentAuthorized(e, authorized, t, now));
			})
			.on(PaymentDeclined.TYPE, (e) -> {
				PaymentDeclined declined = codec.data(e, PaymentDeclined.class);
				orders.apply(declined.orderId(), (order, now) -> order.paymentDeclined(e, declined, t, now));
			})
			.on(PaymentCaptured.TYPE,
					(e) -> orders.apply(codec.data(e, PaymentCaptured.class).orderId(),
							(order, now) -> order.acknowledged(e, Action.CAPTURE_PAYMENT, "CAPTURED", null, t, now)))
			.on(PaymentVoided.TYPE,
					(e) -> orders.apply(codec.data(e, PaymentVoided.class).orderId(),
							(order, now) -> order.acknowledged(e, Action.VOID_PAYMENT, "VOIDED", null, t, now)))
			.on(PaymentRefunded.TYPE, (e) -> orders.apply(codec.data(e, PaymentRefunded.class).orderId(),
					(order, now) -> order.acknowledged(e, Action.VOID_PAYMENT, "REFUNDED", null, t, now)));
	}

	@Bean
	TopicConsumer shippingAnswers(Orders orders, EnvelopeCodec codec, SagaTimeouts t) {
		return TopicConsumer.of(Topics.SHIPPING_EVENTS)
			.deduplication(Deduplication.HANDLER)
			.on(ShipmentCreated.TYPE, (e) -> {
				ShipmentCreated created = codec.data(e, ShipmentCreated.class);
				orders.apply(created.orderId(), (order, now) -> order.shipmentCreated(e, created, t, now));
			})
			.on(ShipmentFailed.TYPE, (e) -> {
				ShipmentFailed failed = codec.data(e, ShipmentFailed.class);
				orders.apply(failed.orderId(), (order, now) -> order.shipmentFailed(e, failed.reason(), t, now));
			})
			.on(ShipmentCancelled.TYPE,
					(e) -> orders.apply(codec.data(e, ShipmentCancelled.class).orderId(),
							(order, now) -> order.acknowledged(e, Action.CANCEL_SHIPMENT, null, "CANCELLED", t, now)))
			.on(ShipmentDispatched.TYPE,
					(e) -> orders.apply(codec.data(e, ShipmentDispatched.class).orderId(),
							(order, now) -> order.shipmentDispatched(e, t, now)))
			.on(ShipmentInTransit.TYPE,
					(e) -> orders.apply(codec.data(e, ShipmentInTransit.class).orderId(),
							(order, now) -> order.shipmentTracked(e, "IN_TRANSIT", t, now)))
			.on(ShipmentDeliveryFailed.TYPE,
					(e) -> orders.apply(codec.data(e, ShipmentDeliveryFailed.class).orderId(),
							(order, now) -> order.shipmentTracked(e, "FAILED_DELIVERY", t, now)))
			.on(ShipmentDelivered.TYPE, (e) -> orders.apply(codec.data(e, ShipmentDelivered.class).orderId(),
					(order, now) -> order.shipmentDelivered(e, t, now)));
	}

}
