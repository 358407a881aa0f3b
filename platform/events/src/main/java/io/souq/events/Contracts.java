package io.souq.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.souq.events.catalog.ProductCreated;
import io.souq.events.catalog.ProductDiscontinued;
import io.souq.events.catalog.ProductPriceChanged;
import io.souq.events.catalog.ProductUpdated;
import io.souq.events.customer.CustomerRegistered;
import io.souq.events.inventory.CommitReservation;
import io.souq.events.inventory.ReleaseReservation;
import io.souq.events.inventory.ReservationCommitted;
import io.souq.events.inventory.ReservationReleased;
import io.souq.events.inventory.ReserveStock;
import io.souq.events.inventory.StockBelowReorderPoint;
import io.souq.events.inventory.StockLevelChanged;
import io.souq.events.inventory.StockReservationFailed;
import io.souq.events.inventory.StockReserved;
import io.souq.events.order.OrderCancelled;
import io.souq.events.order.OrderConfirmed;
import io.souq.events.order.OrderDelivered;
import io.souq.events.order.OrderPlaced;
import io.souq.events.order.OrderShipped;
import io.souq.events.payment.AuthorizePayment;
import io.souq.events.payment.CapturePayment;
import io.souq.events.payment.PaymentAuthorized;
import io.souq.events.payment.PaymentCaptured;
import io.souq.events.payment.PaymentDeclined;
import io.souq.events.payment.PaymentRefunded;
import io.souq.events.payment.PaymentVoided;
import io.souq.events.payment.RefundPayment;
import io.souq.events.payment.VoidPayment;
import io.souq.events.shipping.CancelShipment;
import io.souq.events.shipping.CreateShipment;
import io.souq.events.shipping.ShipmentCancelled;
import io.souq.events.shipping.ShipmentCreated;
import io.souq.events.shipping.ShipmentDelivered;
import io.souq.events.shipping.ShipmentDeliveryFailed;
import io.souq.events.shipping.ShipmentDispatched;
import io.souq.events.shipping.ShipmentFailed;
import io.souq.events.shipping.ShipmentInTransit;

/**
 * Every message type Souq publishes, by wire name and version. Consumers look the payload
 * record up here and ignore types they do not know.
 */
public final class Contracts {

	public static final List<Contract> ALL = List.of(
			new Contract(CustomerRegistered.TYPE, 1, Topics.CUSTOMER_EVENTS, CustomerRegistered.class),
			new Contract(ProductCreated.TYPE, 1, Topics.CATALOG_EVENTS, ProductCreated.class),
			new Contract(ProductUpdated.TYPE, 1, Topics.CATALOG_EVENTS, ProductUpdated.class),
			new Contract(ProductPriceChanged.TYPE, 1, Topics.CATALOG_EVENTS, ProductPriceChanged.class),
			new Contract(ProductDiscontinued.TYPE, 1, Topics.CATALOG_EVENTS, ProductDiscontinued.class),
			new Contract(StockLevelChanged.TYPE, 1, Topics.INVENTORY_EVENTS, StockLevelChanged.class),
			new Contract(StockBelowReorderPoint.TYPE, 1, Topics.INVENTORY_EVENTS, StockBelowReorderPoint.class),
			new Contract(ReserveStock.TYPE, 1, Topics.INVENTORY_COMMANDS, ReserveStock.class),
			new Contract(ReleaseReservation.TYPE, 1, Topics.INVENTORY_COMMANDS, ReleaseReservation.class),
			new Contract(CommitReservation.TYPE, 1, Topics.INVENTORY_COMMANDS, CommitReservation.class),
			new Contract(StockReserved.TYPE, 1, Topics.INVENTORY_EVENTS, StockReserved.class),
			new Contract(StockReservationFailed.TYPE, 1, Topics.INVENTORY_EVENTS, StockReservationFailed.class),
			new Contract(ReservationReleased.TYPE, 1, Topics.INVENTORY_EVENTS, ReservationReleased.class),
			new Contract(ReservationCommitted.TYPE, 1, Topics.INVENTORY_EVENTS, ReservationCommitted.class),
			new Contract(AuthorizePayment.TYPE, 1, Topics.PAYMENT_COMMANDS, AuthorizePayment.class),
			new Contract(CapturePayment.TYPE, 1, Topics.PAYMENT_COMMANDS, CapturePayment.class),
			new Contract(VoidPayment.TYPE, 1, Topics.PAYMENT_COMMANDS, VoidPayment.class),
			new Contract(RefundPayment.TYPE, 1, Topics.PAYMENT_COMMANDS, RefundPayment.class),
			new Contract(PaymentAuthorized.TYPE, 1, Topics.PAYMENT_EVENTS, PaymentAuthorized.class),
			new Contract(PaymentDeclined.TYPE, 1, Topics.PAYMENT_EVENTS, PaymentDeclined.class),
			new Contract(PaymentCaptured.TYPE, 1, Topics.PAYMENT_EVENTS, PaymentCaptured.class),
			new Contract(PaymentVoided.TYPE, 1, Topics.PAYMENT_EVENTS, PaymentVoided.class),
			new Contract(PaymentRefunded.TYPE, 1, Topics.PAYMENT_EVENTS, PaymentRefunded.class),
			new Contract(CreateShipment.TYPE, 1, Topics.SHIPPING_COMMANDS, CreateShipment.class),
			new Contract(CancelShipment.TYPE, 1, Topics.SHIPPING_COMMANDS, CancelShipment.class),
			new Contract(ShipmentCreated.TYPE, 1, Topics.SHIPPING_EVENTS, ShipmentCreated.class),
			new Contract(ShipmentFailed.TYPE, 1, Topics.SHIPPING_EVENTS, ShipmentFailed.class),
			new Contract(ShipmentCancelled.TYPE, 1, Topics.SHIPPING_EVENTS, ShipmentCancelled.class),
			new Contract(ShipmentDispatched.TYPE, 1, Topics.SHIPPING_EVENTS, ShipmentDispatched.class),
			new Contract(ShipmentInTransit.TYPE, 1, Topics.SHIPPING_EVENTS, ShipmentInTransit.class),
			new Contract(ShipmentDelivered.TYPE, 1, Topics.SHIPPING_EVENTS, ShipmentDelivered.class),
			new Contract(ShipmentDeliveryFailed.TYPE, 1, Topics.SHIPPING_EVENTS, ShipmentDeliveryFailed.class),
			new Contract(OrderPlaced.TYPE, 1, Topics.ORDER_EVENTS, OrderPlaced.class),
			new Contract(OrderConfirmed.TYPE, 1, Topics.ORDER_EVENTS, OrderConfirmed.class),
			new Contract(OrderCancelled.TYPE, 1, Topics.ORDER_EVENTS, OrderCancelled.class),
			new Contract(OrderShipped.TYPE, 1, Topics.ORDER_EVENTS, OrderShipped.class),
			new Contract(OrderDelivered.TYPE, 1, Topics.ORDER_EVENTS, OrderDelivered.class));

	private static final Map<String, Contract> BY_TYPE_AND_VERSION = ALL.stream()
		.collect(Collectors.toUnmodifiableMap(c -> key(c.type(), c.version()), Function.identity()));

	private Contracts() {
	}

	/**
	 * The contract of a message, if this version of Souq knows it.
	 */
	public static Optional<Contract> find(String type, int version) {
		return Optional.ofNullable(BY_TYPE_AND_VERSION.get(key(type, version)));
	}

	private static String key(String type, int version) {
		return type + "@" + version;
	}

}
