package io.souq.order;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.souq.events.Envelope;
import io.souq.events.Money;
import io.souq.events.inventory.CommitReservation;
import io.souq.events.inventory.ReleaseReservation;
import io.souq.events.inventory.ReservationCommitted;
import io.souq.events.inventory.ReservationReleased;
import io.souq.events.inventory.ReserveStock;
import io.souq.events.inventory.StockReservationFailed;
import io.souq.events.inventory.StockReserved;
import io.souq.events.order.OrderCancelled;
import io.souq.events.order.OrderConfirmed;
import io.souq.events.order.OrderDelivered;
import io.souq.events.order.OrderLine;
import io.souq.events.order.OrderPlaced;
import io.souq.events.order.OrderShipped;
import io.souq.events.order.ShippingAddress;
import io.souq.events.payment.AuthorizePayment;
import io.souq.events.payment.CapturePayment;
import io.souq.events.payment.PaymentAuthorized;
import io.souq.events.payment.PaymentCaptured;
import io.souq.events.payment.PaymentDeclined;
import io.souq.events.payment.PaymentVoided;
import io.souq.events.payment.VoidPayment;
import io.souq.events.shipping.CancelShipment;
import io.souq.events.shipping.CreateShipment;
import io.souq.events.shipping.ShipmentCancelled;
import io.souq.events.shipping.ShipmentCreated;
import io.souq.events.shipping.ShipmentDelivered;
import io.souq.events.shipping.ShipmentDispatched;
import io.souq.events.shipping.ShipmentFailed;
import io.souq.starter.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The saga as a state machine, without Kafka: every path, duplicated, late and out of
 * order answers, deadlines and resends.
 */
class OrderSagaTests {

	private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

	private final SagaTimeouts timeouts = new SagaTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30),
			Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(1));

	private final Order order = Order.place(checkout(), this.timeouts, T0);

	@Test
	void placingPublishesTheOrderAndAsksForTheStockWithTheDeadlineOfTheWholeSaga() {
		assertThat(types()).containsExactly(OrderPlaced.TYPE, ReserveStock.TYPE);
		assertThat(this.order.status()).isEqualTo(OrderStatus.PENDING);
		assertThat(this.order.step()).isEqualTo(SagaStep.RESERVE_STOCK);
		assertThat(this.order.total()).isEqualByComparingTo("25.90");
		assertThat(this.order.wakeAt()).isEqualTo(T0.plusSeconds(10));
		assertThat(this.order.outbox().get(1).envelope()).contains("\"expiresAt\":\"2026-11-24T10:00:50Z\"");
	}

	@Test
	void theHappyPathConfirmsShipsAndDelivers() {
		assertThat(this.order.stockReserved(answer(StockReserved.TYPE), this.timeouts, T0.plusSeconds(1))).isTrue();
		assertThat(this.order.step()).isEqualTo(SagaStep.AUTHORIZE_PAYMENT);
		assertThat(this.order.payment().status()).isEqualTo("PENDING");
		this.order.paymentAuthorized(answer(PaymentAuthorized.TYPE), authorized(), this.timeouts, T0.plusSeconds(2));
		assertThat(this.order.step()).isEqualTo(SagaStep.CREATE_SHIPMENT);
		this.order.shipmentCreated(answer(ShipmentCreated.TYPE), created(), this.timeouts, T0.plusSeconds(3));
		assertThat(this.order.status()).isEqualTo(OrderStatus.CONFIRMED);
		assertThat(this.order.wakeAt()).as("no deadline while waiting for the carrier").isNull();
		assertThat(this.order.shipment().trackingNumber()).isEqualTo("SQ-AR-1");

		this.order.shipmentDispatched(answer(ShipmentDispatched.TYPE), this.timeouts, T0.plusSeconds(60));
		assertThat(this.order.status()).isEqualTo(OrderStatus.SHIPPED);
		assertThat(this.order.pending()).containsOnlyKeys(Action.CAPTURE_PAYMENT, Action.COMMIT_STOCK);
		this.order.acknowledged(answer(PaymentCaptured.TYPE), Action.CAPTURE_PAYMENT, "CAPTURED", null, this.timeouts,
				T0.plusSeconds(61));
		this.order.acknowledged(answer(ReservationCommitted.TYPE), Action.COMMIT_STOCK, null, null, this.timeouts,
				T0.plusSeconds(61));
		this.order.shipmentDelivered(answer(ShipmentDelivered.TYPE), this.timeouts, T0.plusSeconds(120));

		assertThat(this.order.status()).isEqualTo(OrderStatus.DELIVERED);
		assertThat(this.order.step()).isEqualTo(SagaStep.DONE);
		assertThat(this.order.payment().status()).isEqualTo("CAPTURED");
		assertThat(this.order.shipment().status()).isEqualTo("DELIVERED");
		assertThat(this.order.history()).extracting(StatusChange::status)
			.containsExactly(OrderStatus.PENDING, OrderStatus.CONFIRMED, OrderStatus.SHIPPED, OrderStatus.DELIVERED);
		assertThat(types()).containsExactly(OrderPlaced.TYPE, ReserveStock.TYPE, AuthorizePayment.TYPE,
				CreateShipment.TYPE, OrderConfirmed.TYPE, CapturePayment.TYPE, CommitReservation.TYPE,
				OrderShipped.TYPE, OrderDelivered.TYPE);
	}

	@Test
	void outOfStockEndsTheOrderAtOnceWithNothingToCompensate() {
		StockReservationFailed failed = new StockReservationFailed("o", "OUT_OF_STOCK",
				List.of(new StockReservationFailed.Shortage("TEA-1", 2, 1)), T0);
		this.order.stockReservationFailed(answer(StockReservationFailed.TYPE), failed, this.timeouts,
				T0.plusSeconds(1));
		assertThat(this.order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(this.order.failureReason()).isEqualTo(FailureReason.OUT_OF_STOCK);
		assertThat(this.order.failureDetail()).contains("TEA-1 (1 of 2 available)");
		assertThat(this.order.step()).isEqualTo(SagaStep.DONE);
		assertThat(types()).containsExactly(OrderPlaced.TYPE, ReserveStock.TYPE, OrderCancelled.TYPE);
	}

	@Test
	void aDeclinedPaymentReleasesTheStockAndCancelsOnceAcknowledged() {
		this.order.stockReserved(answer(StockReserved.TYPE), this.timeouts, T0);
		this.order.paymentDeclined(answer(PaymentDeclined.TYPE), declined("insufficient_funds"), this.timeouts, T0);
		assertThat(this.order.status()).as("cancelled only once compensated").isEqualTo(OrderStatus.PENDING);
		assertThat(this.order.step()).isEqualTo(SagaStep.COMPENSATING);
		assertThat(this.order.pending()).containsOnlyKeys(Action.RELEASE_STOCK);
		assertThat(lastType()).isEqualTo(ReleaseReservation.TYPE);

		this.order.acknowledged(answer(ReservationReleased.TYPE), Action.RELEASE_STOCK, null, null, this.timeouts,
				T0.plusSeconds(1));
		assertThat(this.order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(this.order.failureReason()).isEqualTo(FailureReason.PAYMENT_DECLINED);
		assertThat(this.order.payment().status()).isEqualTo("DECLINED");
		assertThat(lastType()).isEqualTo(OrderCancelled.TYPE);
	}

	@Test
	void anUnavailableProviderIsAPaymentFailure() {
		this.order.stockReserved(answer(StockReserved.TYPE), this.timeouts, T0);
		this.order.paymentDeclined(answer(PaymentDeclined.TYPE), declined("provider_unavailable"), this.timeouts, T0);
		assertThat(this.order.failureReason()).isEqualTo(FailureReason.PAYMENT_FAILED);
	}

	@Test
	void aFailedShipmentVoidsThePaymentAndReleasesTheStockInAnyOrder() {
		confirmUpToShipment();
		this.order.shipmentFailed(answer(ShipmentFailed.TYPE), "DESTINATION_NOT_SERVED", this.timeouts, T0);
		assertThat(this.order.pending()).containsOnlyKeys(Action.VOID_PAYMENT, Action.RELEASE_STOCK);
		this.order.acknowledged(answer(ReservationReleased.TYPE), Action.RELEASE_STOCK, null, null, this.timeouts, T0);
		assertThat(this.order.status()).isEqualTo(OrderStatus.PENDING);
		this.order.acknowledged(answer(PaymentVoided.TYPE), Action.VOID_PAYMENT, "VOIDED", null, this.timeouts, T0);
		assertThat(this.order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(this.order.failureReason()).isEqualTo(FailureReason.SHIPPING_UNAVAILABLE);
		assertThat(this.order.payment().status()).isEqualTo("VOIDED");
	}

	@Test
	void theCustomerCancelsUntilDispatchButNotAfter() {
		confirmUpToShipment();
		this.order.shipmentCreated(answer(ShipmentCreated.TYPE), created(), this.timeouts, T0);
		assertThat(this.order.cancel(this.timeouts, T0)).isEqualTo(Order.CancelOutcome.CANCELLING);
		assertThat(this.order.pending()).containsOnlyKeys(Action.CANCEL_SHIPMENT, Action.VOID_PAYMENT,
				Action.RELEASE_STOCK);
		assertThat(this.order.cancel(this.timeouts, T0)).isEqualTo(Order.CancelOutcome.ALREADY_CANCELLED);
		this.order.acknowledged(answer(ShipmentCancelled.TYPE), Action.CANCEL_SHIPMENT, null, "CANCELLED",
				this.timeouts, T0);
		this.order.acknowledged(answer(PaymentVoided.TYPE), Action.VOID_PAYMENT, "VOIDED", null, this.timeouts, T0);
		this.order.acknowledged(answer(ReservationReleased.TYPE), Action.RELEASE_STOCK, null, null, this.timeouts, T0);
		assertThat(this.order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(this.order.failureReason()).isEqualTo(FailureReason.CUSTOMER_CANCELLED);
		assertThat(this.order.shipment().status()).isEqualTo("CANCELLED");

		Order shipped = Order.place(checkout(), this.timeouts, T0);
		shipped.stockReserved(answer(StockReserved.TYPE), this.timeouts, T0);
		shipped.paymentAuthorized(answer(PaymentAuthorized.TYPE), authorized(), this.timeouts, T0);
		shipped.shipmentCreated(answer(ShipmentCreated.TYPE), created(), this.timeouts, T0);
		shipped.shipmentDispatched(answer(ShipmentDispatched.TYPE), this.timeouts, T0);
		assertThat(shipped.cancel(this.timeouts, T0)).isEqualTo(Order.CancelOutcome.TOO_LATE);
		assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);
	}

	@Test
	void aStepPastItsDeadlineCompensatesWhatIsInFlightAndResendsUntilAcknowledged() {
		this.order.stockReserved(answer(StockReserved.TYPE), this.timeouts, T0);
		assertThat(this.order.wake(this.timeouts, T0.plusSeconds(29))).as("not due yet").isFalse();
		assertThat(this.order.wake(this.timeouts, T0.plusSeconds(30))).isTrue();
		assertThat(this.order.failureReason()).isEqualTo(FailureReason.TIMED_OUT);
		assertThat(this.order.failureDetail()).contains("AUTHORIZE_PAYMENT");
		assertThat(this.order.pending()).containsOnlyKeys(Action.VOID_PAYMENT, Action.RELEASE_STOCK);
		int sent = this.order.outbox().size();

		assertThat(this.order.wake(this.timeouts, T0.plusSeconds(34))).isFalse();
		assertThat(this.order.wake(this.timeouts, T0.plusSeconds(35))).isTrue();
		assertThat(this.order.outbox()).hasSize(sent + 2);
		assertThat(this.order.outbox().subList(sent, sent + 2)).extracting(OutboxMessage::type)
			.containsExactlyInAnyOrder(VoidPayment.TYPE, ReleaseReservation.TYPE);

		// a late authorization does not resume the saga: the void covers it
		this.order.paymentAuthorized(answer(PaymentAuthorized.TYPE), authorized(), this.timeouts, T0.plusSeconds(36));
		assertThat(this.order.step()).isEqualTo(SagaStep.COMPENSATING);
		this.order.acknowledged(answer(PaymentVoided.TYPE), Action.VOID_PAYMENT, "VOIDED", null, this.timeouts,
				T0.plusSeconds(37));
		this.order.acknowledged(answer(ReservationReleased.TYPE), Action.RELEASE_STOCK, null, null, this.timeouts,
				T0.plusSeconds(37));
		assertThat(this.order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(this.order.payment().status()).isEqualTo("VOIDED");
		assertThat(this.order.wakeAt()).isNull();
	}

	@Test
	void aDuplicatedAnswerChangesNothingAndAnswersOutOfTurnAreIgnored() {
		Envelope<String> reserved = answer(StockReserved.TYPE);
		assertThat(this.order.stockReserved(reserved, this.timeouts, T0)).isTrue();
		int sent = this.order.outbox().size();
		assertThat(this.order.stockReserved(reserved, this.timeouts, T0)).isFalse();
		assertThat(this.order.stockReserved(answer(StockReserved.TYPE), this.timeouts, T0)).isFalse();
		assertThat(this.order.outbox()).hasSize(sent);

		assertThat(this.order.shipmentDispatched(answer(ShipmentDispatched.TYPE), this.timeouts, T0)).isFalse();
		assertThat(this.order.shipmentDelivered(answer(ShipmentDelivered.TYPE), this.timeouts, T0)).isFalse();
		assertThat(this.order.acknowledged(answer(ReservationReleased.TYPE), Action.RELEASE_STOCK, null, null,
				this.timeouts, T0))
			.as("nothing was asked")
			.isFalse();
		assertThat(this.order.step()).isEqualTo(SagaStep.AUTHORIZE_PAYMENT);
		assertThat(this.order.status()).isEqualTo(OrderStatus.PENDING);
	}

	private void confirmUpToShipment() {
		this.order.stockReserved(answer(StockReserved.TYPE), this.timeouts, T0);
		this.order.paymentAuthorized(answer(PaymentAuthorized.TYPE), authorized(), this.timeouts, T0);
	}

	private List<String> types() {
		return this.order.outbox().stream().map(OutboxMessage::type).toList();
	}

	private String lastType() {
		List<String> types = types();
		return types.get(types.size() - 1);
	}

	private Envelope<String> answer(String type) {
		return Envelope.of(type, 1, "participant", this.order.id(), "{}");
	}

	private PaymentAuthorized authorized() {
		return new PaymentAuthorized(this.order.id(), "c-1", "pay-1", Money.of("25.90", "EUR"), "VISA", "4242", T0);
	}

	private PaymentDeclined declined(String reason) {
		return new PaymentDeclined(this.order.id(), "c-1", "pay-1", Money.of("25.90", "EUR"), reason, "9995", T0);
	}

	private ShipmentCreated created() {
		return new ShipmentCreated(this.order.id(), "c-1", "Aramex", "SQ-AR-1", "STANDARD", 4, T0);
	}

	private static Order.Checkout checkout() {
		List<OrderLine> lines = List.of(
				new OrderLine("p-1", "TEA-1", "Mint tea", 2, Money.of("7.50", "EUR"), Money.of("15.00", "EUR")),
				new OrderLine("p-2", "SAF-1", "Saffron", 1, Money.of("6.00", "EUR"), Money.of("6.00", "EUR")));
		return new Order.Checkout("c-1", "key-1", lines, "EUR", new BigDecimal("4.90"), "STANDARD",
				new ShippingAddress("Layla", "12 King Fahd Road", null, "Riyadh", "12271", "SA", null), 580, "pm_1");
	}

}
