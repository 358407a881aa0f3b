package io.souq.order.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.souq.events.Money;
import io.souq.events.order.OrderLine;
import io.souq.events.order.ShippingAddress;
import io.souq.order.FailureReason;
import io.souq.order.Order;
import io.souq.order.OrderStatus;
import io.souq.order.Orders;
import io.souq.order.SagaOverview;
import io.souq.order.StatusChange;
import io.souq.order.checkout.CheckoutRequest;
import io.souq.order.checkout.Checkouts;
import io.souq.starter.security.AccessRules;
import io.souq.starter.web.PageView;
import io.souq.starter.web.Paging;
import io.souq.starter.web.ProblemException;
import io.souq.starter.web.ProblemException.FieldProblem;
import jakarta.validation.Valid;

import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Orders rows of the API contract: customers check out, read and cancel their own
 * orders (another customer's order is a 404); operators search orders and watch the
 * sagas.
 */
@RestController
class OrderController {

	private final Checkouts checkouts;

	private final Orders orders;

	OrderController(Checkouts checkouts, Orders orders) {
		this.checkouts = checkouts;
		this.orders = orders;
	}

	@PostMapping("/api/orders")
	ResponseEntity<OrderView> checkout(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody CheckoutRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		Order order = this.checkouts.checkout(jwt.getSubject(), jwt.getTokenValue(), request, idempotencyKey);
		return ResponseEntity.accepted().location(URI.create("/api/orders/" + order.id())).body(OrderView.of(order));
	}

	@GetMapping("/api/orders")
	PageView<OrderView> mine(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String page,
			@RequestParam(required = false) String size) {
		return PageView.of(this.orders.ofCustomer(jwt.getSubject(), Paging.of(page, size)), OrderView::of);
	}

	@GetMapping("/api/orders/{id}")
	OrderView get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
		return OrderView.of(isAdmin(jwt) ? this.orders.get(id) : this.orders.ofCustomer(id, jwt.getSubject()));
	}

	@PostMapping("/api/orders/{id}/cancel")
	ResponseEntity<OrderView> cancel(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
		Order order = this.orders.cancel(id, isAdmin(jwt) ? null : jwt.getSubject());
		return ResponseEntity.accepted().body(OrderView.of(order));
	}

	@GetMapping("/api/admin/orders")
	PageView<OrderView> search(@RequestParam(required = false) String status,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String page, @RequestParam(required = false) String size) {
		List<FieldProblem> problems = new ArrayList<>();
		OrderStatus wanted = null;
		if (status != null && !status.isBlank()) {
			try {
				wanted = OrderStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("status", "must be one of " + List.of(OrderStatus.values())));
			}
		}
		Instant since = instant("from", from, problems);
		Instant until = instant("to", to, problems);
		PageRequest pageRequest = Paging.of(page, size, problems);
		if (!problems.isEmpty()) {
			throw ProblemException.invalidFields(problems);
		}
		return PageView.of(this.orders.search(wanted, since, until, pageRequest), OrderView::of);
	}

	@GetMapping("/api/admin/sagas")
	SagaOverview sagas() {
		return this.orders.sagas(20);
	}

	@Bean
	static AccessRules orderAccess() {
		return (rules) -> rules.requestMatchers("/api/admin/**")
			.hasRole("ADMIN")
			.requestMatchers(HttpMethod.POST, "/api/orders")
			.hasRole("CUSTOMER")
			.requestMatchers("/api/orders", "/api/orders/**")
			.hasAnyRole("CUSTOMER", "ADMIN");
	}

	private static boolean isAdmin(Jwt jwt) {
		List<String> roles = jwt.getClaimAsStringList("roles");
		return roles != null && roles.contains("ADMIN");
	}

	private static Instant instant(String field, String text, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(field, "must be an ISO-8601 UTC time such as 2026-11-23T10:15:30Z"));
			return null;
		}
	}

	record OrderView(String id, String customerId, OrderStatus status, List<OrderLine> lines, Money subtotal,
			Money shipping, Money total, String currency, String shippingOption, ShippingAddress shippingAddress,
			PaymentView payment, ShipmentView shipment, FailureReason failureReason, String failureDetail,
			List<StatusChange> history, Instant createdAt, Instant updatedAt) {

		static OrderView of(Order order) {
			return new OrderView(order.id(), order.customerId(), order.status(), order.lines(),
					money(order.subtotal(), order), money(order.shipping(), order), money(order.total(), order),
					order.currency(), order.shippingOption(), order.address(),
					(order.payment() != null) ? new PaymentView(order.payment().status(), order.payment().last4())
							: new PaymentView("PENDING", null),
					(order.shipment() != null) ? new ShipmentView(order.shipment().carrier(),
							order.shipment().trackingNumber(), order.shipment().status()) : null,
					order.failureReason(), order.failureDetail(), order.history(), order.createdAt(),
					order.updatedAt());
		}

		private static Money money(BigDecimal amount, Order order) {
			return new Money(amount, order.currency());
		}

	}

	record PaymentView(String status, String last4) {
	}

	record ShipmentView(String carrier, String trackingNumber, String status) {
	}

}
