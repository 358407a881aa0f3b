package io.souq.inventory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.souq.events.Envelope;
import io.souq.events.Topics;
import io.souq.events.inventory.ReservationCommitted;
import io.souq.events.inventory.ReservationReleased;
import io.souq.events.inventory.StockLine;
import io.souq.events.inventory.StockReservationFailed;
import io.souq.events.inventory.StockReserved;
import io.souq.starter.outbox.Outboxed;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The stock an order holds, all lines or none; its id is the order's id. It is stored
 * {@link Status#PENDING} before any stock is touched, so that a crash in the middle is
 * resumed (or released) from what is stored; each decision puts the answer to the order
 * saga in its outbox, in the same write as the new status.
 *
 * <pre>
 * PENDING ──► RESERVED ──► COMMITTED          (dispatched)
 *    │  └───► FAILED                          (a line cannot be reserved: nothing is held)
 *    └──────────┴──► RELEASING ──► RELEASED   (a compensation, or the sweep: EXPIRED)
 * </pre>
 *
 * A reservation the order saga confirmed ({@code order.confirmed}) is held until it is
 * committed or released: the sweep leaves it alone.
 */
@Document("reservations")
@CompoundIndex(name = "sweep", def = "{'status': 1, 'expiresAt': 1}")
public class Reservation extends Outboxed {

	static final String SOURCE = StockItem.SOURCE;

	/** Failure reasons and the release reason of the sweep. */
	public static final String OUT_OF_STOCK = "OUT_OF_STOCK";

	public static final String UNKNOWN_SKU = "UNKNOWN_SKU";

	public static final String EXPIRED = "EXPIRED";

	/** Where a reservation is. */
	public enum Status {

		/** Stored, lines being reserved (or left so by a crash, to be resumed). */
		PENDING,
		/** Every line is held. */
		RESERVED,
		/** Nothing is held: a line could not be reserved. */
		FAILED,
		/** Being given back (or left so by a crash, to be finished). */
		RELEASING,
		/** Given back: nothing is held any more. */
		RELEASED,
		/** Shipped: on-hand stock went down by the lines. */
		COMMITTED;

		/** Whether the saga has had (or is owed) an answer for this state. */
		boolean decided() {
			return this != PENDING && this != RELEASING;
		}

	}

	/**
	 * Units of one SKU.
	 *
	 * @param sku stock keeping unit
	 * @param quantity units, at least 1
	 */
	public record Line(String sku, int quantity) {

		public Line {
			if (sku == null || sku.isBlank()) {
				throw new IllegalArgumentException("A line needs a SKU");
			}
			if (quantity < 1) {
				throw new IllegalArgumentException("A line of " + sku + " needs at least 1 unit, not " + quantity);
			}
		}

	}

	/**
	 * A line that could not be reserved.
	 *
	 * @param sku stock keeping unit
	 * @param requested units asked for
	 * @param available units available when asked
	 */
	public record Shortage(String sku, int requested, long available) {
	}

	@Id
	private final String orderId;

	private Status status;

	private final List<Line> lines;

	private final Instant expiresAt;

	private boolean confirmed;

	private final String correlationId;

	private String failureReason;

	private List<Shortage> shortages;

	private String releaseReason;

	private List<Line> releasedLines;

	private final Instant createdAt;

	private Instant decidedAt;

	private Instant updatedAt;

	@Version
	private Long version;

	@PersistenceCreator
	Reservation(String orderId, Status status, List<Line> lines, Instant expiresAt, boolean confirmed,
			String correlationId, String failureReason, List<Shortage> shortages, String releaseReason,
			List<Line> releasedLines, Instant createdAt, Instant decidedAt, Instant updatedAt, Long version) {
		this.orderId = orderId;
		this.status = status;
		this.lines = (lines != null) ? List.copyOf(lines) : List.of();
		this.expiresAt = expiresAt;
		this.confirmed = confirmed;
		this.correlationId = correlationId;
		this.failureReason = failureReason;
		this.shortages = (shortages != null) ? List.copyOf(shortages) : List.of();
		this.releaseReason = releaseReason;
		this.releasedLines = (releasedLines != null) ? List.copyOf(releasedLines) : List.of();
		this.createdAt = createdAt;
		this.decidedAt = decidedAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	/**
	 * A new reservation of an order's lines, before any stock is touched.
	 * @param lines the lines (lines of one SKU are added up)
	 * @param expiresAt when the sweep may release it unless the order is confirmed
	 * @param correlationId the correlation id of the order's flow, for answers that no
	 * command caused (the sweep's)
	 * @throws IllegalArgumentException without lines, or with a line of no units
	 */
	public static Reservation open(String orderId, List<Line> lines, Instant expiresAt, String correlationId,
			Instant now) {
		requireText(orderId, "an order id");
		if (expiresAt == null) {
			throw new IllegalArgumentException("A reservation needs an expiry");
		}
		return new Reservation(orderId, Status.PENDING, merge(lines), expiresAt, false, correlationId, null, null, null,
				null, now, null, now, null);
	}

	/**
	 * What stays of a release for an order that had no reservation here: nothing is held,
	 * and a {@code ReserveStock} arriving after it reserves nothing.
	 */
	public static Reservation releasedWithout(String orderId, String reason, Envelope<?> command, Instant now) {
		requireText(orderId, "an order id");
		Reservation reservation = new Reservation(orderId, Status.RELEASED, List.of(), now, false,
				command.correlationId(), null, null, reason, List.of(), now, stored(now), now, null);
		reservation.answer(command, now);
		return reservation;
	}

	/**
	 * The lines of a command, those of one SKU added up, in the order of their first
	 * appearance.
	 * @throws IllegalArgumentException without lines, or with an invalid line
	 */
	public static List<Line> merge(List<Line> lines) {
		if (lines == null || lines.isEmpty()) {
			throw new IllegalArgumentException("A reservation needs at least one line");
		}
		Map<String, Integer> units = new LinkedHashMap<>();
		for (Line line : lines) {
			if (line == null) {
				throw new IllegalArgumentException("A reservation line is missing");
			}
			units.merge(line.sku(), line.quantity(), Math::addExact);
		}
		List<Line> merged = new ArrayList<>(units.size());
		units.forEach((sku, quantity) -> merged.add(new Line(sku, quantity)));
		return List.copyOf(merged);
	}

	/** Every line is held: answers {@code stock.reserved}. */
	public void reserved(Envelope<?> command, Instant now) {
		require(Status.PENDING, "reserve");
		decide(Status.RESERVED, now);
		answer(command, now);
	}

	/**
	 * A line could not be reserved and nothing is held: answers
	 * {@code stock.reservation-failed}.
	 * @param reason {@link #OUT_OF_STOCK} or {@link #UNKNOWN_SKU}
	 */
	public void failed(String reason, List<Shortage> shortages, Envelope<?> command, Instant now) {
		require(Status.PENDING, "fail");
		if (shortages == null || shortages.isEmpty()) {
			throw new IllegalArgumentException("A failed reservation names its shortages");
		}
		this.failureReason = reason;
		this.shortages = List.copyOf(shortages);
		decide(Status.FAILED, now);
		answer(command, now);
	}

	/**
	 * Starts giving the stock back (a compensation, or {@link #EXPIRED} for the sweep).
	 * The lines named in the answer are those the saga was told are held: none when the
	 * reservation never got to {@link Status#RESERVED}.
	 */
	public void releasing(String reason, Instant now) {
		if (this.status != Status.PENDING && this.status != Status.RESERVED) {
			throw new IllegalStateException("Cannot release reservation " + this.orderId + " in " + this.status);
		}
		this.releasedLines = (this.status == Status.RESERVED) ? this.lines : List.of();
		this.releaseReason = reason;
		this.status = Status.RELEASING;
		this.updatedAt = now;
	}

	/**
	 * The stock is given back: answers {@code stock.reservation-released}.
	 * @param cause the command that released it, or {@code null} for the sweep
	 */
	public void released(Envelope<?> cause, Instant now) {
		require(Status.RELEASING, "finish releasing");
		decide(Status.RELEASED, now);
		answer(cause, now);
	}

	/** The held units left the warehouse: answers {@code stock.reservation-committed}. */
	public void committed(Envelope<?> command, Instant now) {
		require(Status.RESERVED, "commit");
		decide(Status.COMMITTED, now);
		answer(command, now);
	}

	/**
	 * The order was confirmed: its stock is held until it is committed or released.
	 * @return whether this changed the reservation (it is pending or reserved and was not
	 * confirmed yet)
	 */
	public boolean confirm(Instant now) {
		if (this.confirmed || (this.status != Status.PENDING && this.status != Status.RESERVED)) {
			return false;
		}
		this.confirmed = true;
		this.updatedAt = now;
		return true;
	}

	/**
	 * Whether the sweep releases it: pending or reserved, not confirmed, and expired
	 * before the cut-off (its expiry plus a grace period before now).
	 */
	public boolean expiredBefore(Instant cutoff) {
		return (this.status == Status.PENDING || this.status == Status.RESERVED) && !this.confirmed
				&& this.expiresAt.isBefore(cutoff);
	}

	/**
	 * Answers a command again with the outcome the reservation has (a repeated or late
	 * command).
	 * @throws IllegalStateException while it is pending or releasing (finish that first)
	 */
	public void answerAgain(Envelope<?> command, Instant now) {
		if (!this.status.decided()) {
			throw new IllegalStateException("Reservation " + this.orderId + " has no outcome yet: " + this.status);
		}
		answer(command, now);
	}

	/**
	 * Acknowledges a release that has nothing to give back (the reservation failed, or
	 * was committed): {@code stock.reservation-released} without lines. A released one is
	 * answered again as it was.
	 */
	public void acknowledgeRelease(Envelope<?> command, String reason, Instant now) {
		if (this.status == Status.RELEASED) {
			answer(command, now);
			return;
		}
		if (this.status != Status.FAILED && this.status != Status.COMMITTED) {
			throw new IllegalStateException("Reservation " + this.orderId + " in " + this.status + " can be released");
		}
		message(Topics.INVENTORY_EVENTS, envelope(command, ReservationReleased.TYPE,
				new ReservationReleased(this.orderId, List.of(), reason, now), now));
	}

	private void decide(Status decided, Instant now) {
		this.status = decided;
		this.decidedAt = stored(now);
		this.updatedAt = now;
	}

	/**
	 * An instant as the database keeps it (milliseconds), so that an answer given again
	 * says exactly what the first one said.
	 */
	private static Instant stored(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MILLIS);
	}

	/** Puts the answer of the current outcome in the outbox. */
	private void answer(Envelope<?> cause, Instant now) {
		Instant at = (this.decidedAt != null) ? this.decidedAt : now;
		switch (this.status) {
			case RESERVED -> message(Topics.INVENTORY_EVENTS, envelope(cause, StockReserved.TYPE,
					new StockReserved(this.orderId, stockLines(this.lines), at), now));
			case FAILED -> message(Topics.INVENTORY_EVENTS,
					envelope(cause, StockReservationFailed.TYPE,
							new StockReservationFailed(this.orderId, this.failureReason, this.shortages.stream()
								.map((s) -> new StockReservationFailed.Shortage(s.sku(), s.requested(), s.available()))
								.toList(), at),
							now));
			case RELEASED -> message(Topics.INVENTORY_EVENTS, envelope(cause, ReservationReleased.TYPE,
					new ReservationReleased(this.orderId, stockLines(this.releasedLines), this.releaseReason, at),
					now));
			case COMMITTED -> message(Topics.INVENTORY_EVENTS, envelope(cause, ReservationCommitted.TYPE,
					new ReservationCommitted(this.orderId, stockLines(this.lines), at), now));
			default -> throw new IllegalStateException("No answer in " + this.status);
		}
	}

	/**
	 * The answer to a command keeps its correlation id; one without a command (the sweep)
	 * carries the order's.
	 */
	private <T> Envelope<T> envelope(Envelope<?> cause, String type, T data, Instant now) {
		if (cause != null) {
			return cause.reply(type, 1, SOURCE, this.orderId, data);
		}
		String correlation = (this.correlationId != null) ? this.correlationId : this.orderId;
		return new Envelope<>(UUID.randomUUID(), type, 1, SOURCE, this.orderId, now, correlation, null, data);
	}

	private static List<StockLine> stockLines(List<Line> lines) {
		return lines.stream().map((line) -> new StockLine(line.sku(), line.quantity())).toList();
	}

	private void require(Status expected, String what) {
		if (this.status != expected) {
			throw new IllegalStateException("Cannot " + what + " reservation " + this.orderId + " in " + this.status
					+ " (needs " + expected + ")");
		}
	}

	private static void requireText(String value, String what) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("A reservation needs " + what);
		}
	}

	public String orderId() {
		return this.orderId;
	}

	public Status status() {
		return this.status;
	}

	public List<Line> lines() {
		return this.lines;
	}

	public Instant expiresAt() {
		return this.expiresAt;
	}

	public boolean confirmed() {
		return this.confirmed;
	}

	public String failureReason() {
		return this.failureReason;
	}

	public List<Shortage> shortages() {
		return this.shortages;
	}

	public String releaseReason() {
		return this.releaseReason;
	}

	/** The lines the release gave back, as the saga was told they were held. */
	public List<Line> releasedLines() {
		return this.releasedLines;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

}
