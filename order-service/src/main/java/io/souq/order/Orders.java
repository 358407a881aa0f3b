package io.souq.order;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

import io.micrometer.core.instrument.MeterRegistry;
import io.souq.starter.data.OptimisticRetry;
import org.bson.Document;
import io.souq.starter.web.ProblemException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The orders: placing them, reading them (a customer only their own), cancelling them,
 * applying the saga's answers and waking those whose deadline or resend is due. Every
 * change is a read-change-save of the order's document under optimistic locking.
 */
@Service
public class Orders {

	private final OrderRepository repository;

	private final MongoTemplate mongo;

	private final SagaTimeouts timeouts;

	private final Clock clock;

	private final OrderMetrics metrics;

	Orders(OrderRepository repository, MongoTemplate mongo, SagaTimeouts timeouts, Clock clock, MeterRegistry meters) {
		this.repository = repository;
		this.mongo = mongo;
		this.timeouts = timeouts;
		this.clock = clock;
		this.metrics = new OrderMetrics(meters);
	}

	/** The order of this checkout key, if it was placed already. */
	public Optional<Order> placed(String customerId, String idempotencyKey) {
		if (idempotencyKey == null) {
			return Optional.empty();
		}
		return this.repository.findByCheckoutKey(Order.checkoutKey(customerId, idempotencyKey, null));
	}

	/**
	 * Places an order; with an {@code Idempotency-Key} used before, answers the order
	 * placed then.
	 */
	public Order place(Order.Checkout checkout) {
		Order order = Order.place(checkout, this.timeouts, this.clock.instant());
		try {
			Order placed = this.repository.insert(order);
			this.metrics.placed();
			return placed;
		}
		catch (DuplicateKeyException ex) {
			return placed(checkout.customerId(), checkout.idempotencyKey()).orElseThrow(() -> ex);
		}
	}

	/** An order as its customer sees it: another customer's order is not found. */
	public Order ofCustomer(String orderId, String customerId) {
		Order order = get(orderId);
		if (!order.customerId().equals(customerId)) {
			throw notFound(orderId);
		}
		return order;
	}

	public Order get(String orderId) {
		return this.repository.findById(orderId).orElseThrow(() -> notFound(orderId));
	}

	/** The customer's orders, newest first. */
	public Page<Order> ofCustomer(String customerId, PageRequest page) {
		return this.repository.findByCustomerIdOrderByCreatedAtDesc(customerId, page);
	}

	/** Orders for operators: by status and creation time, newest first. */
	public Page<Order> search(OrderStatus status, Instant from, Instant to, PageRequest page) {
		List<Criteria> all = new ArrayList<>();
		if (status != null) {
			all.add(Criteria.where("status").is(status));
		}
		if (from != null) {
			all.add(Criteria.where("createdAt").gte(from));
		}
		if (to != null) {
			all.add(Criteria.where("createdAt").lt(to));
		}
		Query query = all.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(all));
		long total = this.mongo.count(query, Order.class);
		List<Order> content = this.mongo
			.find(query.with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id"))).with(page), Order.class);
		return new PageImpl<>(content, page, total);
	}

	/**
	 * The customer cancels (an admin may cancel any order).
	 * @throws ProblemException 409 once the shipment is dispatched
	 */
	public Order cancel(String orderId, String customerId) {
		Order[] outcome = new Order[1];
		OrderStatus[] before = new OrderStatus[1];
		OptimisticRetry.changeIf("Order " + orderId,
				() -> (customerId != null) ? ofCustomer(orderId, customerId) : get(orderId), (order) -> {
					outcome[0] = order;
					before[0] = order.status();
					Order.CancelOutcome cancel = order.cancel(this.timeouts, this.clock.instant());
					if (cancel == Order.CancelOutcome.TOO_LATE) {
						throw ProblemException.conflict("order-dispatched", "Order " + orderId
								+ " has been dispatched and can no longer be cancelled; it can be returned once delivered.");
					}
					return cancel == Order.CancelOutcome.CANCELLING;
				}, (order) -> outcome[0] = save(before[0], order));
		return outcome[0];
	}

	/**
	 * Applies an answer of a saga participant to its order; an answer for an order this
	 * service does not know changes nothing.
	 */
	public void apply(String orderId, BiPredicate<Order, Instant> change) {
		OrderStatus[] before = new OrderStatus[1];
		OptimisticRetry.changeIf("Order " + orderId, () -> this.repository.findById(orderId).orElse(null), (order) -> {
			before[0] = order.status();
			return change.test(order, this.clock.instant());
		}, (order) -> save(before[0], order));
	}

	/**
	 * Wakes the orders whose deadline or resend is due: timed-out steps compensate,
	 * unacknowledged commands go out again.
	 * @return how many orders changed
	 */
	public int wakeDue(int limit) {
		Instant now = this.clock.instant();
		Query due = Query.query(Criteria.where("wakeAt").lte(now))
			.with(Sort.by(Sort.Direction.ASC, "wakeAt"))
			.limit(limit);
		due.fields().include("_id");
		int changed = 0;
		for (Document found : this.mongo.find(due, Document.class, "orders")) {
			String id = found.getString("_id");
			try {
				Order[] result = new Order[1];
				OrderStatus[] before = new OrderStatus[1];
				OptimisticRetry.changeIf("Order " + id, () -> this.repository.findById(id).orElse(null), (current) -> {
					before[0] = current.status();
					return current.wake(this.timeouts, this.clock.instant());
				}, (current) -> result[0] = save(before[0], current));
				changed += (result[0] != null) ? 1 : 0;
			}
			catch (ProblemException ex) {
				// another instance keeps changing it: it is looked at again next time
			}
		}
		return changed;
	}

	/** The sagas by step, for operators: how many, and the oldest waiting ones. */
	public SagaOverview sagas(int listed) {
		Query open = Query.query(Criteria.where("step").nin(SagaStep.DONE));
		List<Order> orders = this.mongo.find(open, Order.class);
		Map<SagaStep, List<Order>> byStep = new EnumMap<>(SagaStep.class);
		for (Order order : orders) {
			byStep.computeIfAbsent(order.step(), (s) -> new ArrayList<>()).add(order);
		}
		Instant now = this.clock.instant();
		List<SagaOverview.StepGroup> groups = new ArrayList<>();
		byStep.forEach((step, list) -> {
			list.sort(Comparator.comparing(Order::stepSince));
			groups.add(new SagaOverview.StepGroup(step, list.size(),
					list.stream().limit(listed).map((o) -> SagaOverview.Waiting.of(o, now)).toList()));
		});
		long done = this.mongo.count(Query.query(Criteria.where("step").is(SagaStep.DONE)), Order.class);
		return new SagaOverview(orders.size(), done, groups);
	}

	private Order save(OrderStatus before, Order order) {
		Order saved = this.repository.save(order);
		this.metrics.changed(before, saved, this.clock.instant());
		return saved;
	}

	private static ProblemException notFound(String orderId) {
		return ProblemException.notFound("There is no order " + orderId + ".");
	}

}
