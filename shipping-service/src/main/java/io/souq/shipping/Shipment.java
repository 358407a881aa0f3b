package io.souq.shipping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.souq.events.Envelope;
import io.souq.events.Topics;
import io.souq.events.shipping.ShipmentCancelled;
import io.souq.events.shipping.ShipmentCreated;
import io.souq.events.shipping.ShipmentDelivered;
import io.souq.events.shipping.ShipmentDeliveryFailed;
import io.souq.events.shipping.ShipmentDispatched;
import io.souq.events.shipping.ShipmentFailed;
import io.souq.events.shipping.ShipmentInTransit;
import io.souq.shipping.ShippingProperties.Carrier;
import io.souq.starter.domain.Refused;
import io.souq.starter.outbox.Outboxed;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The shipment of one order (its id is the order id): created, cancelled before dispatch,
 * then moved along by the carrier. Every answer to the order saga and every carrier event
 * goes into the outbox in the same write as the change.
 * <p>
 * The document also remembers the outcome of commands that created no shipment, so that a
 * repeated command gets the same answer: a creation the carriers refused
 * ({@link ShipmentStatus#REJECTED}, no tracking number) and a cancellation that came
 * before any shipment ({@link ShipmentStatus#CANCELLED}, no tracking number). Only
 * documents with a tracking number are shipments a customer can track.
 */
@Document("shipments")
public class Shipment extends Outboxed {

	static final String SOURCE = "shipping-service";

	/** The reason of a refused creation: no carrier goes there. */
	public static final String DESTINATION_NOT_SERVED = "DESTINATION_NOT_SERVED";

	/** The reason of a refused creation: the address is not complete. */
	public static final String ADDRESS_REJECTED = "ADDRESS_REJECTED";

	/** What a command did to the shipment. */
	public enum Outcome {

		/** It changed the shipment, or answered again; the answer is in the outbox. */
		ANSWERED,

		/** This very message has been applied already: nothing to do. */
		DUPLICATE,

		/**
		 * It makes no sense in the shipment's state: nothing changes, nothing answers.
		 */
		IGNORED

	}

	@Id
	private final String orderId;

	private final String customerId;

	private final String correlationId;

	@Indexed(unique = true, sparse = true)
	private final String trackingNumber;

	private final String carrier;

	private final ShippingOption option;

	private final Address address;

	private final Parcel parcel;

	private final Zone zone;

	private final DeliveryDays estimatedDays;

	private final String label;

	private ShipmentStatus status;

	private final String rejectionReason;

	private String cancelReason;

	private Instant cancelledAt;

	private final List<TrackingEvent> events;

	private final Instant createdAt;

	private Instant updatedAt;

	@Version
	private Long version;

	@PersistenceCreator
	Shipment(String orderId, String customerId, String correlationId, String trackingNumber, String carrier,
			ShippingOption option, Address address, Parcel parcel, Zone zone, DeliveryDays estimatedDays, String label,
			ShipmentStatus status, String rejectionReason, String cancelReason, Instant cancelledAt,
			List<TrackingEvent> events, Instant createdAt, Instant updatedAt, Long version) {
		this.orderId = orderId;
		this.customerId = customerId;
		this.correlationId = correlationId;
		this.trackingNumber = trackingNumber;
		this.carrier = carrier;
		this.option = option;
		this.address = address;
		this.parcel = parcel;
		this.zone = zone;
		this.estimatedDays = estimatedDays;
		this.label = label;
		this.status = status;
		this.rejectionReason = rejectionReason;
		this.cancelReason = cancelReason;
		this.cancelledAt = cancelledAt;
		this.events = (events != null) ? new ArrayList<>(events) : new ArrayList<>();
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	/**
	 * A shipment the carrier accepted, answered with {@code shipment.created}.
	 * @param command the create command, answered
	 * @param request what to ship
	 * @param carrier who carries it
	 * @param trackingNumber its new tracking number
	 * @param zone the destination's zone
	 * @param days the estimated delivery time
	 * @param now when
	 */
	public static Shipment create(Envelope<?> command, ShipmentRequest request, Carrier carrier, String trackingNumber,
			Zone zone, DeliveryDays days, Instant now) {
		if (request.address() == null || !request.address().complete()) {
			throw new IllegalArgumentException("a shipment needs a complete address");
		}
		String label = ShippingLabel.render(carrier.name(), request.option(), trackingNumber, request.orderId(),
				request, now);
		Shipment shipment = new Shipment(request.orderId(), request.customerId(), command.correlationId(),
				trackingNumber, carrier.name(), request.option(), request.address(), request.parcel(), zone, days,
				label, ShipmentStatus.CREATED, null, null, null,
				List.of(new TrackingEvent(ShipmentStatus.CREATED, now, null)), now, now, null);
		shipment.markApplied(command);
		shipment.answerCreated(command);
		return shipment;
	}

	/**
	 * The record of a creation the carriers refused, answered with
	 * {@code shipment.failed}.
	 * @param reason {@link #DESTINATION_NOT_SERVED} or {@link #ADDRESS_REJECTED}
	 */
	public static Shipment reject(Envelope<?> command, ShipmentRequest request, String reason, Instant now) {
		Shipment rejected = new Shipment(request.orderId(), request.customerId(), command.correlationId(), null, null,
				request.option(), request.address(), request.parcel(), null, null, null, ShipmentStatus.REJECTED,
				Objects.requireNonNull(reason, "reason"), null, null, List.of(), now, now, null);
		rejected.markApplied(command);
		rejected.answerRejected(command);
		return rejected;
	}

	/**
	 * The record of a cancellation that came before any shipment, answered with
	 * {@code shipment.cancelled} without a tracking number (the saga's compensation is
	 * acknowledged).
	 */
	public static Shipment cancelledBeforeCreation(Envelope<?> command, String orderId, String reason, Instant now) {
		Shipment cancelled = new Shipment(orderId, null, command.correlationId(), null, null, null, null, null, null,
				null, null, ShipmentStatus.CANCELLED, null, reason, now, List.of(), now, now, null);
		cancelled.markApplied(command);
		cancelled.answerCancelled(command);
		return cancelled;
	}

	/**
	 * A create command for an order this document knows already: answered again with the
	 * outcome it had ({@code shipment.created} or {@code shipment.failed}), unless the
	 * shipment was cancelled meanwhile (the saga has compensated: nothing to answer).
	 */
	public Outcome createAgain(Envelope<?> command) {
		if (this.status == ShipmentStatus.CANCELLED) {
			return Outcome.IGNORED;
		}
		if (!markApplied(command)) {
			return Outcome.DUPLICATE;
		}
		if (this.status == ShipmentStatus.REJECTED) {
			answerRejected(command);
		}
		else {
			answerCreated(command);
		}
		return Outcome.ANSWERED;
	}

	/**
	 * Cancels the shipment before dispatch, answered with {@code shipment.cancelled}; a
	 * shipment cancelled already, or a refused creation, is answered again the same way.
	 * @return {@link Outcome#IGNORED} once dispatched (the saga does not cancel then)
	 */
	public Outcome cancel(Envelope<?> command, String reason, Instant now) {
		if (this.status.dispatched()) {
			return Outcome.IGNORED;
		}
		if (!markApplied(command)) {
			return Outcome.DUPLICATE;
		}
		if (this.cancelledAt == null) {
			this.cancelReason = reason;
			this.cancelledAt = now;
			this.updatedAt = now;
			if (this.status == ShipmentStatus.CREATED) {
				this.status = ShipmentStatus.CANCELLED;
				this.events.add(new TrackingEvent(ShipmentStatus.CANCELLED, now, null));
			}
		}
		answerCancelled(command);
		return Outcome.ANSWERED;
	}

	/**
	 * Applies what the carrier reports, publishing {@code shipment.dispatched},
	 * {@code shipment.in-transit}, {@code shipment.delivered} or
	 * {@code shipment.delivery-failed}.
	 * @param reported the new status, one the carrier reports
	 * @param at when it happened, or {@code null} for now
	 * @param location where, or {@code null}
	 * @param now the current time
	 * @return {@code false} when it repeats an event the shipment has already (carriers
	 * retry their webhooks): nothing changes then
	 * @throws Refused when the shipment cannot go from its status to the reported one
	 */
	public boolean track(ShipmentStatus reported, Instant at, String location, Instant now) {
		if (!ShipmentStatus.CARRIER_REPORTED.contains(reported)) {
			throw new IllegalArgumentException(reported + " is not a status carriers report");
		}
		if (repeats(reported, at, location)) {
			return false;
		}
		if (!this.status.canBecome(reported)) {
			throw new Refused("transition-not-allowed",
					"Shipment " + this.trackingNumber + " is " + this.status + " and cannot become " + reported + ".");
		}
		if (reported == ShipmentStatus.IN_TRANSIT && this.status == ShipmentStatus.IN_TRANSIT
				&& (location == null || location.equals(latest().location()))) {
			throw new Refused("transition-not-allowed", "Shipment " + this.trackingNumber
					+ " is in transit already; another in-transit event needs a new location.");
		}
		Instant when = (at != null) ? at : now;
		this.events.add(new TrackingEvent(reported, when, location));
		this.status = reported;
		this.updatedAt = now;
		message(Topics.SHIPPING_EVENTS, switch (reported) {
			case DISPATCHED -> event(ShipmentDispatched.TYPE, new ShipmentDispatched(this.orderId, this.customerId,
					this.carrier, this.trackingNumber, location, when), now);
			case IN_TRANSIT -> event(ShipmentInTransit.TYPE, new ShipmentInTransit(this.orderId, this.customerId,
					this.carrier, this.trackingNumber, location, when), now);
			case DELIVERED -> event(ShipmentDelivered.TYPE, new ShipmentDelivered(this.orderId, this.customerId,
					this.carrier, this.trackingNumber, location, when), now);
			default -> event(ShipmentDeliveryFailed.TYPE, new ShipmentDeliveryFailed(this.orderId, this.customerId,
					this.carrier, this.trackingNumber, location, when), now);
		});
		return true;
	}

	/**
	 * Whether the report repeats one the shipment has: the same status, time and location
	 * anywhere in its history, or, without a time, the same status and location as its
	 * latest event.
	 */
	private boolean repeats(ShipmentStatus reported, Instant at, String location) {
		if (at != null) {
			return this.events.contains(new TrackingEvent(reported, at, location));
		}
		TrackingEvent latest = latest();
		return latest != null && latest.status() == reported && Objects.equals(latest.location(), location);
	}

	private TrackingEvent latest() {
		return this.events.isEmpty() ? null : this.events.get(this.events.size() - 1);
	}

	private void answerCreated(Envelope<?> command) {
		message(Topics.SHIPPING_EVENTS,
				command.reply(ShipmentCreated.TYPE, 1, SOURCE, this.orderId,
						new ShipmentCreated(this.orderId, this.customerId, this.carrier, this.trackingNumber,
								this.option.name(), this.estimatedDays.max(), this.createdAt)));
	}

	private void answerRejected(Envelope<?> command) {
		message(Topics.SHIPPING_EVENTS, command.reply(ShipmentFailed.TYPE, 1, SOURCE, this.orderId,
				new ShipmentFailed(this.orderId, this.customerId, this.rejectionReason, country(), this.createdAt)));
	}

	private void answerCancelled(Envelope<?> command) {
		message(Topics.SHIPPING_EVENTS,
				command.reply(ShipmentCancelled.TYPE, 1, SOURCE, this.orderId, new ShipmentCancelled(this.orderId,
						this.customerId, this.trackingNumber, this.cancelReason, this.cancelledAt)));
	}

	/**
	 * A carrier event of the order's flow: the saga's correlation id, no causing message.
	 */
	private <T> Envelope<T> event(String type, T data, Instant now) {
		return new Envelope<>(UUID.randomUUID(), type, 1, SOURCE, this.orderId, now, this.correlationId, null, data);
	}

	private String country() {
		return (this.address != null) ? this.address.country() : null;
	}

	public String orderId() {
		return this.orderId;
	}

	public String customerId() {
		return this.customerId;
	}

	/** The tracking number, or {@code null} when no shipment was created. */
	public String trackingNumber() {
		return this.trackingNumber;
	}

	public String carrier() {
		return this.carrier;
	}

	public ShippingOption option() {
		return this.option;
	}

	public Address address() {
		return this.address;
	}

	public Parcel parcel() {
		return this.parcel;
	}

	public Zone zone() {
		return this.zone;
	}

	public DeliveryDays estimatedDays() {
		return this.estimatedDays;
	}

	public String label() {
		return this.label;
	}

	public ShipmentStatus status() {
		return this.status;
	}

	/** Why the carriers refused the creation, or {@code null}. */
	public String rejectionReason() {
		return this.rejectionReason;
	}

	public String cancelReason() {
		return this.cancelReason;
	}

	/** The tracking history, oldest first. */
	public List<TrackingEvent> events() {
		return List.copyOf(this.events);
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

}
