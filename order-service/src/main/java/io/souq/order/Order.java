package io.souq.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.souq.events.Envelope;
import io.souq.events.Money;
import io.souq.events.Topics;
import io.souq.events.inventory.CommitReservation;
import io.souq.events.inventory.ReleaseReservation;
import io.souq.events.inventory.ReserveStock;
import io.souq.events.inventory.StockLine;
import io.souq.events.inventory.StockReservationFailed;
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
import io.souq.events.payment.PaymentDeclined;
import io.souq.events.payment.VoidPayment;
import io.souq.events.shipping.CancelShipment;
import io.souq.events.shipping.CreateShipment;
import io.souq.events.shipping.ShipmentCreated;
import io.souq.starter.outbox.Outboxed;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An order and the state of its placement saga, in one document: every answer of a
 * participant changes the order and queues the next command (or the order event) in the
 * same write, and records the answer's id, so a redelivered answer changes nothing.
 * <p>
 * Forward: reserve stock → authorize payment → create shipment → {@code CONFIRMED};
 * dispatch → capture payment + commit stock → {@code SHIPPED}; delivery →
 * {@code DELIVERED}. A failure, a customer's cancel before dispatch or a step past its
 * deadline compensates what was done or is in flight (cancel shipment, void payment,
 * release stock); those commands are sent again until acknowledged, and the order shows
 * {@code CANCELLED} once all are. Answers that do not fit the step the saga waits on
 * (late, duplicated, out of order) are ignored: the compensations already cover them.
 */
@Document("orders")
public class Order extends Outboxed {

	static final String SOURCE = "order-service";

	@Id
	private final String id;

	@Indexed
	private final String customerId;

	/** The customer and the checkout's {@code Idempotency-Key}: one order per key. */
	@Indexed(unique = true)
	private final String checkoutKey;

	private final List<OrderLine> lines;

	private final String currency;

	private final BigDecimal subtotal;

	private final BigDecimal shipping;

	private final BigDecimal total;

	private final String shippingOption;

	private final ShippingAddress address;

	private final int weightGrams;

	private final String paymentMethodToken;

	@Indexed
	private OrderStatus status;

	private FailureReason failureReason;

	private String failureDetail;

	private SagaStep step;

	private Instant stepSince;

	/** When the sweeper must look at this order again (a deadline or a resend). */
	@Indexed
	private Instant wakeAt;

	/** Commands waiting for their acknowledgement, with when they were last sent. */
	private Map<Action, Instant> pending;

	private PaymentInfo payment;

	private ShipmentInfo shipment;

	private List<StatusChange> history;

	@Indexed
	private final Instant createdAt;

	private Instant updatedAt;

	@Version
	private Long version;

	@PersistenceCreator
	Order(String id, String customerId, String checkoutKey, List<OrderLine> lines, String currency, BigDecimal subtotal,
			BigDecimal shipping, BigDecimal total, String shippingOption, ShippingAddress address, int weightGrams,
			String paymentMethodToken, OrderStatus status, FailureReason failureReason, String failureDetail,
			SagaStep step, Instant stepSince, Instant wakeAt, Map<Action, Instant> pending, PaymentInfo payment,
			ShipmentInfo shipment, List<StatusChange> history, Instant createdAt, Instant updatedAt, Long version) {
		this.id = id;
		this.customerId = customerId;
		this.checkoutKey = checkoutKey;
		this.lines = List.copyOf(lines);
		this.currency = currency;
		this.subtotal = subtotal;
		this.shipping = shipping;
		this.total = total;
		this.shippingOption = shippingOption;
		this.address = address;
		this.weightGrams = weightGrams;
		this.paymentMethodToken = paymentMethodToken;
		this.status = status;
		this.failureReason = failureReason;
		this.failureDetail = failureDetail;
		this.step = step;
		this.stepSince = stepSince;
		this.wakeAt = wakeAt;
		this.pending = new EnumMap<>(Action.class);
		if (pending != null) {
			this.pending.putAll(pending);
		}
		this.payment = payment;
		this.shipment = shipment;
		this.history = (history != null) ? new ArrayList<>(history) : new ArrayList<>();
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	/**
	 * What a checkout orders.
	 *
	 * @param customerId the customer
	 * @param idempotencyKey the checkout's {@code Idempotency-Key}, or {@code null}
	 * @param lines the priced lines
	 * @param currency the currency of every amount
	 * @param shipping the shipping price
	 * @param shippingOption {@code STANDARD} or {@code EXPRESS}
	 * @param address where it goes
	 * @param weightGrams the parcel's weight
	 * @param paymentMethodToken the payment method
	 */
	public record Checkout(String customerId, String idempotencyKey, List<OrderLine> lines, String currency,
			BigDecimal shipping, String shippingOption, ShippingAddress address, int weightGrams,
			String paymentMethodToken) {

	}

	/**
	 * The key that makes checkouts with the same {@code Idempotency-Key} one order: the
	 * customer and the key, or the order's own id when there is no key.
	 */
	public static String checkoutKey(String customerId, String idempotencyKey, String orderId) {
		return customerId + " " + ((idempotencyKey != null) ? "key:" + idempotencyKey : "order:" + orderId);
	}

	/**
	 * Places an order ({@code PENDING}): publishes {@code order.placed} and asks
	 * inventory to reserve the stock.
	 */
	public static Order place(Checkout checkout, SagaTimeouts timeouts, Instant now) {
		String id = UUID.randomUUID().toString();
		BigDecimal subtotal = checkout.lines()
			.stream()
			.map((line) -> line.lineTotal().amount())
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		Order order = new Order(id, checkout.customerId(),
				checkoutKey(checkout.customerId(), checkout.idempotencyKey(), id), checkout.lines(),
				checkout.currency(), subtotal, checkout.shipping(), subtotal.add(checkout.shipping()),
				checkout.shippingOption(), checkout.address(), checkout.weightGrams(), checkout.paymentMethodToken(),
				OrderStatus.PENDING, null, null, SagaStep.RESERVE_STOCK, now, null, null, null, null, null, now, now,
				null);
		order.history.add(new StatusChange(OrderStatus.PENDING, now));
		order.publish(OrderPlaced.TYPE,
				new OrderPlaced(id, order.customerId, order.lines, order.money(order.subtotal),
						order.money(order.shipping), order.money(order.total), order.currency, order.shippingOption,
						order.address.country(), now, now),
				null, now);
		order.send(Topics.INVENTORY_COMMANDS, ReserveStock.TYPE,
				new ReserveStock(id, order.stockLines(), now.plus(timeouts.toConfirm())), null, now);
		order.scheduleWake(timeouts);
		return order;
	}

	// forward steps

	/** {@code stock.reserved}: authorize the payment next. */
	public boolean stockReserved(Envelope<?> answer, SagaTimeouts timeouts, Instant now) {
		if (this.step != SagaStep.RESERVE_STOCK || !markApplied(answer)) {
			return false;
		}
		enter(SagaStep.AUTHORIZE_PAYMENT, now);
		this.payment = PaymentInfo.pending();
		send(Topics.PAYMENT_COMMANDS, AuthorizePayment.TYPE,
				new AuthorizePayment(this.id, this.customerId, this.paymentMethodToken, money(this.total)), answer,
				now);
		changed(timeouts, now);
		return true;
	}

	/** {@code stock.reservation-failed}: nothing was done, the order ends. */
	public boolean stockReservationFailed(Envelope<?> answer, StockReservationFailed failed, SagaTimeouts timeouts,
			Instant now) {
		if (this.step != SagaStep.RESERVE_STOCK || !markApplied(answer)) {
			return false;
		}
		String detail = (failed.shortages() != null) ? failed.shortages()
			.stream()
			.map((s) -> s.sku() + " (" + s.available() + " of " + s.requested() + " available)")
			.reduce((a, b) -> a + ", " + b)
			.orElse(failed.reason()) : failed.reason();
		compensate(FailureReason.OUT_OF_STOCK, detail, Set.of(), answer, timeouts, now);
		return true;
	}

	/** {@code payment.authorized}: create the shipment next. */
	public boolean paymentAuthorized(Envelope<?> answer, PaymentAuthorized authorized, SagaTimeouts timeouts,
			Instant now) {
		if (!markApplied(answer)) {
			return false;
		}
		if (this.step == SagaStep.AUTHORIZE_PAYMENT) {
			this.payment = new PaymentInfo("AUTHORIZED", authorized.paymentId(), authorized.last4(), null);
			enter(SagaStep.CREATE_SHIPMENT, now);
			send(Topics.SHIPPING_COMMANDS, CreateShipment.TYPE, new CreateShipment(this.id, this.customerId,
					this.address, this.shippingOption, this.weightGrams, stockLines()), answer, now);
		}
		else if (this.pending.containsKey(Action.VOID_PAYMENT) && this.payment != null) {
			// late: the void sent meanwhile cancels it
			this.payment = new PaymentInfo("AUTHORIZED", authorized.paymentId(), authorized.last4(), null);
		}
		changed(timeouts, now);
		return true;
	}

	/** {@code payment.declined}: give the stock back. */
	public boolean paymentDeclined(Envelope<?> answer, PaymentDeclined declined, SagaTimeouts timeouts, Instant now) {
		if (this.step != SagaStep.AUTHORIZE_PAYMENT || !markApplied(answer)) {
			return false;
		}
		this.payment = new PaymentInfo("DECLINED", declined.paymentId(), declined.last4(), declined.reason());
		FailureReason reason = "provider_unavailable".equals(declined.reason()) ? FailureReason.PAYMENT_FAILED
				: FailureReason.PAYMENT_DECLINED;
		compensate(reason, declined.reason(), Set.of(Action.RELEASE_STOCK), answer, timeouts, now);
		return true;
	}

	/** {@code shipment.created}: the order is confirmed. */
	public boolean shipmentCreated(Envelope<?> answer, ShipmentCreated created, SagaTimeouts timeouts, Instant now) {
		if (!markApplied(answer)) {
			return false;
		}
		this.shipment = new ShipmentInfo(created.carrier(), created.trackingNumber(), "CREATED");
		if (this.step == SagaStep.CREATE_SHIPMENT) {
			enter(SagaStep.AWAIT_DISPATCH, now);
			status(OrderStatus.CONFIRMED, now);
			publish(OrderConfirmed.TYPE,
					new OrderConfirmed(this.id, this.customerId, this.lines, money(this.subtotal), money(this.shipping),
							money(this.total), this.currency, created.carrier(), created.trackingNumber(), this.address,
							created.estimatedDays(), this.createdAt, now),
					answer, now);
		}
		changed(timeouts, now);
		return true;
	}

	/** {@code shipment.failed}: void the payment and give the stock back. */
	public boolean shipmentFailed(Envelope<?> answer, String reason, SagaTimeouts timeouts, Instant now) {
		if (this.step != SagaStep.CREATE_SHIPMENT || !markApplied(answer)) {
			return false;
		}
		compensate(FailureReason.SHIPPING_UNAVAILABLE, reason, Set.of(Action.VOID_PAYMENT, Action.RELEASE_STOCK),
				answer, timeouts, now);
		return true;
	}

	/** {@code shipment.dispatched}: capture the payment, commit the stock, shipped. */
	public boolean shipmentDispatched(Envelope<?> answer, SagaTimeouts timeouts, Instant now) {
		if (this.step != SagaStep.AWAIT_DISPATCH || !markApplied(answer)) {
			return false;
		}
		this.shipment = this.shipment.with("DISPATCHED");
		enter(SagaStep.AWAIT_DELIVERY, now);
		status(OrderStatus.SHIPPED, now);
		request(Action.CAPTURE_PAYMENT, answer, now);
		request(Action.COMMIT_STOCK, answer, now);
		publish(OrderShipped.TYPE,
				new OrderShipped(this.id, this.customerId, this.lines, money(this.subtotal), money(this.shipping),
						money(this.total), this.currency, this.shipment.carrier(), this.shipment.trackingNumber(),
						this.createdAt, now),
				answer, now);
		changed(timeouts, now);
		return true;
	}

	/** {@code shipment.in-transit} or {@code shipment.delivery-failed}: tracking only. */
	public boolean shipmentTracked(Envelope<?> answer, String shipmentStatus, SagaTimeouts timeouts, Instant now) {
		if (this.status != OrderStatus.SHIPPED || this.shipment == null || !markApplied(answer)) {
			return false;
		}
		this.shipment = this.shipment.with(shipmentStatus);
		changed(timeouts, now);
		return true;
	}

	/** {@code shipment.delivered}: delivered. */
	public boolean shipmentDelivered(Envelope<?> answer, SagaTimeouts timeouts, Instant now) {
		if (this.status != OrderStatus.SHIPPED || !markApplied(answer)) {
			return false;
		}
		this.shipment = this.shipment.with("DELIVERED");
		status(OrderStatus.DELIVERED, now);
		publish(OrderDelivered.TYPE,
				new OrderDelivered(this.id, this.customerId, this.lines, money(this.subtotal), money(this.shipping),
						money(this.total), this.currency, this.shipment.carrier(), this.shipment.trackingNumber(),
						this.createdAt, now),
				answer, now);
		if (this.pending.isEmpty()) {
			enter(SagaStep.DONE, now);
		}
		changed(timeouts, now);
		return true;
	}

	// acknowledgements

	/**
	 * The acknowledgement of a command the saga sends until answered.
	 * @param paymentStatus the payment's status now, or {@code null} when unchanged
	 * @param shipmentStatus the shipment's status now, or {@code null} when unchanged
	 */
	public boolean acknowledged(Envelope<?> answer, Action action, String paymentStatus, String shipmentStatus,
			SagaTimeouts timeouts, Instant now) {
		if (!this.pending.containsKey(action) || !markApplied(answer)) {
			return false;
		}
		this.pending.remove(action);
		if (paymentStatus != null && this.payment != null && this.payment.paymentId() != null) {
			this.payment = this.payment.with(paymentStatus);
		}
		if (shipmentStatus != null && this.shipment != null) {
			this.shipment = this.shipment.with(shipmentStatus);
		}
		if (this.step == SagaStep.COMPENSATING && this.pending.keySet().stream().noneMatch(Action::isCompensation)) {
			cancelled(answer, now);
		}
		else if (this.status == OrderStatus.DELIVERED && this.pending.isEmpty()) {
			enter(SagaStep.DONE, now);
		}
		changed(timeouts, now);
		return true;
	}

	// the customer, the clock

	/** What a customer's cancel did. */
	public enum CancelOutcome {

		/** Compensations started. */
		CANCELLING,

		/** Cancelled or cancelling already: nothing more to do. */
		ALREADY_CANCELLED,

		/** Dispatched: too late to cancel. */
		TOO_LATE

	}

	/** The customer cancels: allowed until the shipment is dispatched. */
	public CancelOutcome cancel(SagaTimeouts timeouts, Instant now) {
		if (this.status == OrderStatus.CANCELLED || this.step == SagaStep.COMPENSATING) {
			return CancelOutcome.ALREADY_CANCELLED;
		}
		if (this.status != OrderStatus.PENDING && this.status != OrderStatus.CONFIRMED) {
			return CancelOutcome.TOO_LATE;
		}
		compensate(FailureReason.CUSTOMER_CANCELLED, null, inFlight(), null, timeouts, now);
		return CancelOutcome.CANCELLING;
	}

	/**
	 * Runs what is due: a step past its deadline compensates what was done or is in
	 * flight ({@code TIMED_OUT}); commands without acknowledgement are sent again.
	 * @return whether anything changed
	 */
	public boolean wake(SagaTimeouts timeouts, Instant now) {
		if (this.wakeAt == null || this.wakeAt.isAfter(now)) {
			return false;
		}
		if (this.step.isTimed()) {
			compensate(FailureReason.TIMED_OUT, this.step.name() + " took longer than " + timeouts.of(this.step),
					inFlight(), null, timeouts, now);
			return true;
		}
		for (Map.Entry<Action, Instant> entry : new ArrayList<>(this.pending.entrySet())) {
			if (!entry.getValue().plus(timeouts.resendAfter()).isAfter(now)) {
				request(entry.getKey(), null, now);
			}
		}
		changed(timeouts, now);
		return true;
	}

	/** The compensations of what was done or is in flight at the current step. */
	private Set<Action> inFlight() {
		return switch (this.step) {
			case RESERVE_STOCK -> Set.of(Action.RELEASE_STOCK);
			case AUTHORIZE_PAYMENT -> Set.of(Action.VOID_PAYMENT, Action.RELEASE_STOCK);
			case CREATE_SHIPMENT, AWAIT_DISPATCH ->
				Set.of(Action.CANCEL_SHIPMENT, Action.VOID_PAYMENT, Action.RELEASE_STOCK);
			default -> Set.of();
		};
	}

	private void compensate(FailureReason reason, String detail, Set<Action> compensations, Envelope<?> cause,
			SagaTimeouts timeouts, Instant now) {
		this.failureReason = reason;
		this.failureDetail = detail;
		enter(SagaStep.COMPENSATING, now);
		for (Action action : ordered(compensations)) {
			request(action, cause, now);
		}
		if (compensations.isEmpty()) {
			cancelled(cause, now);
		}
		changed(timeouts, now);
	}

	private static List<Action> ordered(Set<Action> actions) {
		List<Action> ordered = new ArrayList<>(new LinkedHashSet<>(actions));
		ordered.sort(Comparator.naturalOrder());
		return ordered;
	}

	private void cancelled(Envelope<?> cause, Instant now) {
		enter(SagaStep.DONE, now);
		status(OrderStatus.CANCELLED, now);
		publish(OrderCancelled.TYPE,
				new OrderCancelled(this.id, this.customerId, this.lines, money(this.subtotal), money(this.shipping),
						money(this.total), this.currency, this.failureReason.name(), this.failureDetail, this.createdAt,
						now),
				cause, now);
	}

	/** Sends (or sends again) the command of an action and waits for its answer. */
	private void request(Action action, Envelope<?> cause, Instant now) {
		String reason = (this.failureReason != null) ? this.failureReason.name() : null;
		Object command = switch (action) {
			case RELEASE_STOCK -> new ReleaseReservation(this.id, reason);
			case VOID_PAYMENT -> new VoidPayment(this.id, reason);
			case CANCEL_SHIPMENT -> new CancelShipment(this.id, reason);
			case CAPTURE_PAYMENT -> new CapturePayment(this.id);
			case COMMIT_STOCK -> new CommitReservation(this.id);
		};
		send(action.topic(), action.command(), command, cause, now);
		this.pending.put(action, now);
	}

	private void enter(SagaStep step, Instant now) {
		this.step = step;
		this.stepSince = now;
	}

	private void status(OrderStatus status, Instant now) {
		this.status = status;
		this.history.add(new StatusChange(status, now));
	}

	private void changed(SagaTimeouts timeouts, Instant now) {
		this.updatedAt = now;
		scheduleWake(timeouts);
	}

	private void scheduleWake(SagaTimeouts timeouts) {
		if (this.step.isTimed()) {
			this.wakeAt = this.stepSince.plus(timeouts.of(this.step));
		}
		else {
			this.wakeAt = this.pending.values()
				.stream()
				.min(Comparator.naturalOrder())
				.map((sent) -> sent.plus(timeouts.resendAfter()))
				.orElse(null);
		}
	}

	private void send(String topic, String type, Object data, Envelope<?> cause, Instant now) {
		String correlationId = (cause != null) ? cause.correlationId() : this.id;
		String causationId = (cause != null) ? cause.id().toString() : null;
		message(topic,
				new Envelope<>(UUID.randomUUID(), type, 1, SOURCE, this.id, now, correlationId, causationId, data));
	}

	private void publish(String type, Object data, Envelope<?> cause, Instant now) {
		send(Topics.ORDER_EVENTS, type, data, cause, now);
	}

	private List<StockLine> stockLines() {
		return this.lines.stream().map((line) -> new StockLine(line.sku(), line.quantity())).toList();
	}

	private Money money(BigDecimal amount) {
		return new Money(amount, this.currency);
	}

	public String id() {
		return this.id;
	}

	public String customerId() {
		return this.customerId;
	}

	public String checkoutKey() {
		return this.checkoutKey;
	}

	public List<OrderLine> lines() {
		return this.lines;
	}

	public String currency() {
		return this.currency;
	}

	public BigDecimal subtotal() {
		return this.subtotal;
	}

	public BigDecimal shipping() {
		return this.shipping;
	}

	public BigDecimal total() {
		return this.total;
	}

	public String shippingOption() {
		return this.shippingOption;
	}

	public ShippingAddress address() {
		return this.address;
	}

	public OrderStatus status() {
		return this.status;
	}

	public FailureReason failureReason() {
		return this.failureReason;
	}

	public String failureDetail() {
		return this.failureDetail;
	}

	public SagaStep step() {
		return this.step;
	}

	public Instant stepSince() {
		return this.stepSince;
	}

	public Instant wakeAt() {
		return this.wakeAt;
	}

	/** The commands waiting for their acknowledgement, with when they were last sent. */
	public Map<Action, Instant> pending() {
		return Map.copyOf(this.pending);
	}

	public PaymentInfo payment() {
		return this.payment;
	}

	public ShipmentInfo shipment() {
		return this.shipment;
	}

	public List<StatusChange> history() {
		return List.copyOf(this.history);
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

}
