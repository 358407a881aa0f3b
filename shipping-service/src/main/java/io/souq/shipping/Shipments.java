package io.souq.shipping;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Function;

import io.souq.events.Envelope;
import io.souq.shipping.Shipment.Outcome;
import io.souq.shipping.ShippingProperties.Carrier;
import io.souq.starter.data.OptimisticRetry;
import io.souq.starter.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Shipments: created and cancelled by the order saga's commands, tracked by customers,
 * moved along by the carriers' webhook. Each command is idempotent per order: a repeated
 * one is answered again with the outcome it had, never applied twice. Concurrent changes
 * to one shipment are serialised by optimistic locking and retried.
 */
@Service
public class Shipments {

	private static final Logger log = LoggerFactory.getLogger(Shipments.class);

	/** How many times a new document is tried (a concurrent creation, a clash). */
	static final int INSERT_ATTEMPTS = 5;

	private final ShipmentRepository repository;

	private final ShippingRates rates;

	private final TrackingNumbers trackingNumbers;

	private final Clock clock;

	Shipments(ShipmentRepository repository, ShippingRates rates, TrackingNumbers trackingNumbers, Clock clock) {
		this.repository = repository;
		this.rates = rates;
		this.trackingNumbers = trackingNumbers;
		this.clock = clock;
	}

	/**
	 * Creates the order's shipment ({@code shipment.created}), or records that the
	 * carriers refuse it ({@code shipment.failed}); a repeated command gets the same
	 * answer.
	 */
	public void create(Envelope<?> command, ShipmentRequest request) {
		String orderId = request.orderId();
		for (int attempt = 1;; attempt++) {
			if (this.repository.existsById(orderId)) {
				Outcome outcome = change(orderId, (shipment) -> shipment.createAgain(command));
				if (outcome == Outcome.IGNORED) {
					log.info("Order {}: shipment cancelled already; create command {} ignored", orderId, command.id());
				}
				else if (outcome == Outcome.ANSWERED) {
					log.info("Order {}: create command {} answered again", orderId, command.id());
				}
				return;
			}
			Shipment shipment = decide(command, request, now());
			try {
				this.repository.insert(shipment);
				if (shipment.trackingNumber() != null) {
					log.info("Order {}: shipment {} created with {}", orderId, shipment.trackingNumber(),
							shipment.carrier());
				}
				else {
					log.info("Order {}: shipment to {} refused ({})", orderId, request.country(),
							shipment.rejectionReason());
				}
				return;
			}
			catch (DuplicateKeyException ex) {
				// created concurrently (answered again on the next turn) or a tracking
				// number clash (another number on the next turn)
				if (attempt == INSERT_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Cancels the order's shipment before dispatch ({@code shipment.cancelled}, also when
	 * there is none); after dispatch the command is logged and left unanswered.
	 */
	public void cancel(Envelope<?> command, String orderId, String reason) {
		for (int attempt = 1;; attempt++) {
			if (!this.repository.existsById(orderId)) {
				try {
					this.repository.insert(Shipment.cancelledBeforeCreation(command, orderId, reason, now()));
					log.info("Order {}: no shipment to cancel; cancellation acknowledged", orderId);
					return;
				}
				catch (DuplicateKeyException ex) {
					if (attempt == INSERT_ATTEMPTS) {
						throw ex;
					}
					continue;
				}
			}
			Outcome outcome = change(orderId, (shipment) -> shipment.cancel(command, reason, now()));
			if (outcome == Outcome.IGNORED) {
				log.warn("Order {}: shipment dispatched already; cancel command {} ignored", orderId, command.id());
			}
			else if (outcome == Outcome.ANSWERED) {
				log.info("Order {}: shipment cancelled ({})", orderId, reason);
			}
			return;
		}
	}

	/**
	 * A shipment as its customer or an administrator sees it.
	 * @param customerId the caller
	 * @param admin whether the caller is an administrator (who sees every shipment)
	 * @throws ProblemException 404 when there is no such shipment or it is another
	 * customer's
	 */
	public Shipment get(String trackingNumber, String customerId, boolean admin) {
		Shipment shipment = byTrackingNumber(trackingNumber);
		if (!admin && !Objects.equals(shipment.customerId(), customerId)) {
			throw notFound(trackingNumber);
		}
		return shipment;
	}

	/**
	 * Applies an event the carrier reports; a repeated event changes nothing.
	 * @param at when it happened, or {@code null} for now
	 * @throws ProblemException 404 for an unknown tracking number
	 * @throws io.souq.starter.domain.Refused when the shipment cannot take that status
	 */
	public Shipment track(String trackingNumber, ShipmentStatus status, Instant at, String location) {
		Instant when = (at != null) ? at.truncatedTo(ChronoUnit.MILLIS) : null;
		return OptimisticRetry.changeIf("Shipment " + trackingNumber, () -> byTrackingNumber(trackingNumber),
				(shipment) -> shipment.track(status, when, location, now()), this.repository::save);
	}

	private Shipment decide(Envelope<?> command, ShipmentRequest request, Instant now) {
		String country = request.country();
		if (country != null && !this.rates.serves(country)) {
			return Shipment.reject(command, request, Shipment.DESTINATION_NOT_SERVED, now);
		}
		if (request.address() == null || !request.address().complete()) {
			return Shipment.reject(command, request, Shipment.ADDRESS_REJECTED, now);
		}
		Carrier carrier = this.rates.carrier(request.option());
		Zone zone = this.rates.zoneOf(country);
		return Shipment.create(command, request, carrier, this.trackingNumbers.next(carrier), zone,
				this.rates.deliveryDays(zone, request.option()), now);
	}

	/** Changes the order's document with optimistic retries; what the change did. */
	private Outcome change(String orderId, Function<Shipment, Outcome> change) {
		Outcome[] outcome = { Outcome.IGNORED };
		OptimisticRetry.changeIf("The shipment of order " + orderId,
				() -> this.repository.findById(orderId).orElse(null), (shipment) -> {
					outcome[0] = change.apply(shipment);
					return outcome[0] == Outcome.ANSWERED;
				}, this.repository::save);
		return outcome[0];
	}

	private Shipment byTrackingNumber(String trackingNumber) {
		return this.repository.findByTrackingNumber(trackingNumber).orElseThrow(() -> notFound(trackingNumber));
	}

	private static ProblemException notFound(String trackingNumber) {
		return ProblemException.notFound("There is no shipment " + trackingNumber + ".");
	}

	/**
	 * Now, from the service clock, which ticks at the precision MongoDB stores, so that
	 * an answer repeated from the document is identical.
	 */
	private Instant now() {
		return this.clock.instant();
	}

}
