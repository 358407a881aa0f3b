package io.souq.inventory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.souq.events.Envelope;
import io.souq.events.inventory.CommitReservation;
import io.souq.events.inventory.ReleaseReservation;
import io.souq.events.inventory.ReserveStock;
import io.souq.events.inventory.StockLine;
import io.souq.inventory.Reservation.Line;
import io.souq.inventory.Reservation.Shortage;
import io.souq.inventory.Reservation.Status;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The order saga's reservations: {@code ReserveStock}, {@code ReleaseReservation} and
 * {@code CommitReservation}, each idempotent per order, and the sweep of expired ones.
 * <p>
 * Without multi-document transactions, a change that touches several stock documents is a
 * sequence of single-document writes that can be redone: the reservation is stored first
 * ({@code PENDING}, {@code RELEASING}), then every line is applied to its stock document
 * by a guarded update that marks the order there (redoing it is a no-op), and last the
 * reservation's new status is saved with the answer in its outbox (optimistic locking: of
 * two concurrent deciders, one wins and the other reads the outcome). A crash in the
 * middle leaves the reservation pending or releasing; the redelivered command or the
 * sweep finishes it. The stock documents follow the reservation's status: a failed or
 * released reservation holds nothing, and any unit found held for it (a line applied by a
 * decider that lost its race) is given back.
 */
@Service
public class Reservations {

	/** Lost races on one reservation before the message is retried later. */
	static final int ATTEMPTS = 10;

	static final String UNSPECIFIED = "UNSPECIFIED";

	private static final Logger log = LoggerFactory.getLogger(Reservations.class);

	private final ReservationRepository repository;

	private final Stock stock;

	private final MongoTemplate mongo;

	private final ReservationProperties properties;

	private final Clock clock;

	private final MeterRegistry registry;

	Reservations(ReservationRepository repository, Stock stock, MongoTemplate mongo, ReservationProperties properties,
			Clock clock, ObjectProvider<MeterRegistry> registry) {
		this.repository = repository;
		this.stock = stock;
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
		this.registry = registry.getIfAvailable(() -> Metrics.globalRegistry);
	}

	/**
	 * Reserves every line of the order or none, and answers {@code stock.reserved} or
	 * {@code stock.reservation-failed}. A known order is answered again with its outcome;
	 * a pending one (a crash) is resumed.
	 * @throws IllegalArgumentException when the command has no lines or an invalid one
	 */
	public void reserve(Envelope<?> command, ReserveStock request) {
		String orderId = orderId(command, request.orderId());
		List<StockLine> requested = (request.lines() != null) ? request.lines() : List.of();
		List<Line> lines = Reservation.merge(requested.stream()
			.map((line) -> (line != null) ? new Line(line.sku(), line.quantity()) : null)
			.toList());
		Instant expiresAt = (request.expiresAt() != null) ? request.expiresAt()
				: now().plus(this.properties.defaultHold());
		retrying(orderId, () -> {
			Reservation reservation = this.repository.findById(orderId).orElse(null);
			if (reservation == null) {
				reservation = this.repository
					.insert(Reservation.open(orderId, lines, expiresAt, command.correlationId(), now()));
			}
			else if (!reservation.lines().equals(lines) && reservation.status() != Status.RELEASED) {
				log.warn("Order {} asks to reserve {} but its reservation has {}: answered as it is", orderId, lines,
						reservation.lines());
			}
			Status read = reservation.status();
			switch (read) {
				case PENDING -> decide(reservation, command);
				case RELEASING -> finishRelease(reservation, command);
				case RESERVED, COMMITTED -> reservation.answerAgain(command, now());
				case FAILED, RELEASED -> {
					giveBack(reservation);
					reservation.answerAgain(command, now());
				}
			}
			save(reservation, read);
		});
	}

	/**
	 * Gives the order's units back and answers {@code stock.reservation-released}; an
	 * order that holds nothing (unknown, failed, released already) is answered too, with
	 * no lines when nothing was held.
	 */
	public void release(Envelope<?> command, ReleaseReservation request) {
		String orderId = orderId(command, request.orderId());
		String reason = (request.reason() != null && !request.reason().isBlank()) ? request.reason() : UNSPECIFIED;
		retrying(orderId, () -> {
			Reservation reservation = this.repository.findById(orderId).orElse(null);
			if (reservation == null) {
				log.info("Releasing order {} that has no reservation here: nothing is held", orderId);
				this.repository.insert(Reservation.releasedWithout(orderId, reason, command, now()));
				return;
			}
			Status read = reservation.status();
			switch (read) {
				case PENDING, RESERVED -> {
					reservation.releasing(reason, now());
					reservation = this.repository.save(reservation);
					finishRelease(reservation, command);
				}
				case RELEASING -> finishRelease(reservation, command);
				case RELEASED -> {
					giveBack(reservation);
					reservation.acknowledgeRelease(command, reason, now());
				}
				case FAILED -> reservation.acknowledgeRelease(command, reason, now());
				case COMMITTED -> {
					log.warn(
							"Order {} asks to release a reservation that was committed (shipped): nothing to give back",
							orderId);
					reservation.acknowledgeRelease(command, reason, now());
				}
			}
			save(reservation, read);
		});
	}

	/**
	 * Ships the order's held units (on-hand and reserved stock go down by them) and
	 * answers {@code stock.reservation-committed}; a committed one is answered again. A
	 * reservation that holds nothing cannot be committed: the command is ignored with a
	 * warning.
	 */
	public void commit(Envelope<?> command, CommitReservation request) {
		String orderId = orderId(command, request.orderId());
		retrying(orderId, () -> {
			Reservation reservation = this.repository.findById(orderId).orElse(null);
			if (reservation == null) {
				log.warn("Order {} asks to commit a reservation that does not exist here; ignored", orderId);
				return;
			}
			switch (reservation.status()) {
				case RESERVED -> {
					if (reservation.confirm(now())) {
						// the sweep leaves it alone from now on
						reservation = this.repository.save(reservation);
					}
					for (Line line : reservation.lines()) {
						this.stock.ship(line.sku(), orderId, line.quantity());
					}
					reservation.committed(command, now());
					save(reservation, Status.RESERVED);
				}
				case COMMITTED -> {
					reservation.answerAgain(command, now());
					save(reservation, Status.COMMITTED);
				}
				default -> log.warn("Order {} asks to commit a reservation that is {}{}: ignored", orderId,
						reservation.status(),
						(reservation.releaseReason() != null) ? " (" + reservation.releaseReason() + ")" : "");
			}
		});
	}

	/**
	 * The order was confirmed: its reservation is held until it is committed or released,
	 * whatever its expiry.
	 */
	public void confirmed(String orderId) {
		retrying(orderId, () -> {
			Reservation reservation = this.repository.findById(orderId).orElse(null);
			if (reservation == null) {
				log.info("Order {} was confirmed without a reservation here; ignored", orderId);
				return;
			}
			if (reservation.confirm(now())) {
				this.repository.save(reservation);
			}
			else if (reservation.status() == Status.RELEASING || reservation.status() == Status.RELEASED) {
				log.warn("Order {} was confirmed after its reservation was released ({})", orderId,
						reservation.releaseReason());
			}
		});
	}

	/**
	 * Releases (reason {@code EXPIRED}) the reservations pending or reserved, not
	 * confirmed, whose expiry plus the grace period has passed, and finishes releases
	 * left half done. Several instances may sweep at once: the reservation's status
	 * change is guarded by its version, so one of them releases each.
	 * @return how many reservations this call released
	 */
	public int sweep() {
		Instant cutoff = now().minus(this.properties.grace());
		Query due = Query
			.query(new Criteria().orOperator(where("status").in(Status.PENDING.name(), Status.RESERVED.name())
				.and("confirmed")
				.is(false)
				.and("expiresAt")
				.lt(cutoff), where("status").is(Status.RELEASING.name()).and("updatedAt").lt(cutoff)))
			.limit(this.properties.sweepBatch());
		due.fields().include("_id");
		int released = 0;
		for (Document document : this.mongo.find(due, Document.class,
				this.mongo.getCollectionName(Reservation.class))) {
			String orderId = document.get("_id").toString();
			try {
				if (expire(orderId, cutoff)) {
					released++;
				}
			}
			catch (RuntimeException ex) {
				log.warn("Could not release the expired reservation of order {} yet: {}", orderId, ex.toString());
			}
		}
		return released;
	}

	/** {@link #sweep()} that only logs a failure, for the scheduler. */
	void sweepQuietly() {
		try {
			int released = sweep();
			if (released > 0) {
				log.info("Released {} expired reservations", released);
			}
		}
		catch (RuntimeException ex) {
			log.warn("The sweep of expired reservations failed; trying again later: {}", ex.toString());
		}
	}

	private boolean expire(String orderId, Instant cutoff) {
		boolean[] released = { false };
		retrying(orderId, () -> {
			Reservation reservation = this.repository.findById(orderId).orElse(null);
			if (reservation == null) {
				return;
			}
			Status read = reservation.status();
			if (reservation.expiredBefore(cutoff)) {
				reservation.releasing(Reservation.EXPIRED, now());
				// the guarded status change: of several sweeps, one gets here
				reservation = this.repository.save(reservation);
			}
			else if (reservation.status() != Status.RELEASING) {
				return;
			}
			finishRelease(reservation, null);
			save(reservation, read);
			released[0] = true;
		});
		return released[0];
	}

	/**
	 * Applies every line to its stock document, or, when one cannot be, gives back those
	 * applied and fails. Lines are checked first, so that an order that cannot be served
	 * holds nothing even for a moment; a line that loses the race for the last units
	 * between the check and its update fails the same way.
	 */
	private void decide(Reservation reservation, Envelope<?> command) {
		String orderId = reservation.orderId();
		Map<String, StockItem> items = this.stock.find(reservation.lines().stream().map(Line::sku).toList());
		List<Shortage> shortages = new ArrayList<>();
		boolean unknown = false;
		for (Line line : reservation.lines()) {
			StockItem item = items.get(line.sku());
			if (item == null) {
				unknown = true;
				shortages.add(new Shortage(line.sku(), line.quantity(), 0));
			}
			else if (!item.holds(orderId) && item.available() < line.quantity()) {
				shortages.add(new Shortage(line.sku(), line.quantity(), Math.max(0, item.available())));
			}
		}
		if (shortages.isEmpty()) {
			for (Line line : reservation.lines()) {
				Stock.Hold hold = this.stock.hold(line.sku(), orderId, line.quantity());
				if (!hold.held()) {
					unknown = !hold.known();
					shortages.add(new Shortage(line.sku(), line.quantity(), hold.available()));
					break;
				}
			}
		}
		if (shortages.isEmpty()) {
			reservation.reserved(command, now());
		}
		else {
			giveBack(reservation);
			reservation.failed(unknown ? Reservation.UNKNOWN_SKU : Reservation.OUT_OF_STOCK, shortages, command, now());
		}
	}

	private void finishRelease(Reservation reservation, Envelope<?> cause) {
		giveBack(reservation);
		reservation.released(cause, now());
	}

	/** Gives back every unit held for the order (those not held are skipped). */
	private void giveBack(Reservation reservation) {
		for (Line line : reservation.lines()) {
			this.stock.unhold(line.sku(), reservation.orderId(), line.quantity());
		}
	}

	/** Saves the reservation, counting the outcome it reached since it was read. */
	private void save(Reservation reservation, Status read) {
		this.repository.save(reservation);
		if (read != reservation.status()) {
			count(reservation);
		}
	}

	private void count(Reservation reservation) {
		String outcome = switch (reservation.status()) {
			case RESERVED -> "reserved";
			case FAILED -> "failed";
			case RELEASED -> Reservation.EXPIRED.equals(reservation.releaseReason()) ? "expired" : "released";
			case COMMITTED -> "committed";
			default -> null;
		};
		if (outcome != null) {
			Counter.builder("souq.inventory.reservations")
				.description("Reservation outcomes: reserved, failed, released, expired, committed")
				.tag("outcome", outcome)
				.register(this.registry)
				.increment();
		}
	}

	/**
	 * Runs a read-decide-save of one reservation again when a concurrent change won (its
	 * version moved, or another delivery inserted it first).
	 */
	private static void retrying(String orderId, Runnable attempt) {
		for (int i = 1;; i++) {
			try {
				attempt.run();
				return;
			}
			catch (OptimisticLockingFailureException | DuplicateKeyException ex) {
				if (i >= ATTEMPTS) {
					throw new ConcurrencyFailureException(
							"The reservation of order " + orderId + " changed concurrently " + i + " times in a row",
							ex);
				}
				log.debug("The reservation of order {} changed concurrently; reading it again", orderId);
			}
		}
	}

	private static String orderId(Envelope<?> command, String orderId) {
		if (orderId != null && !orderId.isBlank()) {
			return orderId;
		}
		throw new IllegalArgumentException(command.type() + " " + command.id() + " names no order");
	}

	private Instant now() {
		return this.clock.instant();
	}

}
