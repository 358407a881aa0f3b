package io.souq.shipping.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.souq.shipping.Address;
import io.souq.shipping.Shipment;
import io.souq.shipping.ShipmentStatus;
import io.souq.shipping.Shipments;
import io.souq.shipping.TrackingEvent;
import io.souq.starter.security.AccessRules;
import io.souq.starter.web.ProblemException;
import io.souq.starter.web.ProblemException.FieldProblem;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tracking for the customer who owns a shipment (another customer's is a 404) and for
 * administrators, the parcel's label, and the carriers' webhook (administrators, the role
 * carriers call with).
 */
@RestController
class ShipmentController {

	/** How far in the future a carrier's clock may be. */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	static final int MAX_LOCATION_LENGTH = 200;

	private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

	private final Shipments shipments;

	private final Clock clock;

	ShipmentController(Shipments shipments, Clock clock) {
		this.shipments = shipments;
		this.clock = clock;
	}

	@GetMapping("/api/shipments/{trackingNumber}")
	ShipmentView get(@PathVariable String trackingNumber, Authentication caller) {
		return ShipmentView.of(visible(trackingNumber, caller));
	}

	@GetMapping("/api/shipments/{trackingNumber}/label")
	ResponseEntity<String> label(@PathVariable String trackingNumber, Authentication caller) {
		return ResponseEntity.ok().contentType(TEXT).body(visible(trackingNumber, caller).label());
	}

	@PostMapping("/api/shipments/{trackingNumber}/events")
	ShipmentView carrierEvent(@PathVariable String trackingNumber, @RequestBody CarrierEventRequest request) {
		CarrierEvent event = CarrierEvent.of(request, this.clock.instant());
		return ShipmentView.of(this.shipments.track(trackingNumber, event.status(), event.at(), event.location()));
	}

	@Bean
	static AccessRules shipmentAccess() {
		return (rules) -> rules.requestMatchers(HttpMethod.POST, "/api/shipments/*/events").hasRole("ADMIN");
	}

	private Shipment visible(String trackingNumber, Authentication caller) {
		boolean admin = caller.getAuthorities().stream().anyMatch((a) -> "ROLE_ADMIN".equals(a.getAuthority()));
		return this.shipments.get(trackingNumber, caller.getName(), admin);
	}

	/**
	 * What a carrier reports.
	 *
	 * @param status {@code DISPATCHED}, {@code IN_TRANSIT}, {@code DELIVERED} or
	 * {@code FAILED_DELIVERY}
	 * @param at when, ISO-8601 with an offset ({@code 2026-11-23T10:45:00Z}); now when
	 * missing
	 * @param location where, optional
	 */
	record CarrierEventRequest(String status, String at, String location) {
	}

	/** A carrier's report once every field is checked. */
	record CarrierEvent(ShipmentStatus status, Instant at, String location) {

		/**
		 * @throws ProblemException 400 listing every bad field
		 */
		static CarrierEvent of(CarrierEventRequest request, Instant now) {
			List<FieldProblem> problems = new ArrayList<>();
			ShipmentStatus status = status(request.status(), problems);
			Instant at = at(request.at(), now, problems);
			String location = (request.location() == null || request.location().isBlank()) ? null
					: request.location().strip();
			if (location != null && location.length() > MAX_LOCATION_LENGTH) {
				problems.add(new FieldProblem("location", "must have at most " + MAX_LOCATION_LENGTH + " characters"));
			}
			if (!problems.isEmpty()) {
				throw ProblemException.invalidFields(problems);
			}
			return new CarrierEvent(status, at, location);
		}

		private static ShipmentStatus status(String text, List<FieldProblem> problems) {
			String message = "must be one of DISPATCHED, IN_TRANSIT, DELIVERED, FAILED_DELIVERY";
			if (text == null || text.isBlank()) {
				problems.add(new FieldProblem("status", "is required: " + message));
				return null;
			}
			for (ShipmentStatus status : ShipmentStatus.CARRIER_REPORTED) {
				if (status.name().equals(text.strip())) {
					return status;
				}
			}
			problems.add(new FieldProblem("status", message));
			return null;
		}

		private static Instant at(String text, Instant now, List<FieldProblem> problems) {
			if (text == null || text.isBlank()) {
				return null;
			}
			Instant at;
			try {
				at = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text.strip(), Instant::from);
			}
			catch (DateTimeParseException ex) {
				problems.add(new FieldProblem("at",
						"must be an ISO-8601 time with an offset, such as 2026-11-23T10:45:00Z"));
				return null;
			}
			if (at.isAfter(now.plus(CLOCK_SKEW))) {
				problems.add(new FieldProblem("at", "must not be more than 5 minutes in the future"));
				return null;
			}
			return at;
		}

	}

	record ShipmentView(String trackingNumber, String orderId, String carrier, String option, String status,
			AddressView address, List<EventView> events, Instant createdAt) {

		static ShipmentView of(Shipment shipment) {
			return new ShipmentView(shipment.trackingNumber(), shipment.orderId(), shipment.carrier(),
					shipment.option().name(), shipment.status().name(), AddressView.of(shipment.address()),
					shipment.events().stream().map(EventView::of).toList(), shipment.createdAt());
		}

	}

	record AddressView(String name, String line1, String line2, String city, String postalCode, String country,
			String phone) {

		static AddressView of(Address address) {
			return new AddressView(address.name(), address.line1(), address.line2(), address.city(),
					address.postalCode(), address.country(), address.phone());
		}

	}

	record EventView(String status, Instant at, String location) {

		static EventView of(TrackingEvent event) {
			return new EventView(event.status().name(), event.at(), event.location());
		}

	}

}
