package io.souq.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.souq.events.Envelope;
import io.souq.events.Topics;
import io.souq.events.inventory.StockBelowReorderPoint;
import io.souq.events.inventory.StockLevelChanged;
import io.souq.starter.domain.Refused;
import io.souq.starter.outbox.Outboxed;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The stock of one SKU: units on hand, units reserved for orders, and the reorder point.
 * Available stock ({@code onHand - reserved}) is never negative: no change takes on-hand
 * stock below what is reserved, and no reservation takes more than is available. Every
 * change publishes {@code stock.level-changed}, and {@code stock.below-reorder-point}
 * when available stock falls under the reorder point.
 * <p>
 * The document also stores {@code available} (kept equal to {@code onHand - reserved} by
 * every change, so that a reservation can be one update guarded by
 * {@code available >= quantity}) and {@code reservedFor}, the orders whose units are held
 * here, so that applying or undoing an order's line twice is a no-op.
 */
@Document("stock")
public class StockItem extends Outboxed {

	static final String SOURCE = "inventory-service";

	static final long DEFAULT_REORDER_POINT = 5;

	/** Field names used by guarded updates. */
	static final String ON_HAND = "onHand";

	static final String RESERVED = "reserved";

	static final String AVAILABLE = "available";

	static final String RESERVED_FOR = "reservedFor";

	static final String VERSION = "version";

	static final String UPDATED_AT = "updatedAt";

	@Id
	private final String sku;

	private long onHand;

	private long reserved;

	/**
	 * Stored copy of {@code onHand - reserved}, the field reservations are guarded by.
	 */
	private long available;

	private long reorderPoint;

	private Instant updatedAt;

	/** The orders that hold units of this SKU (one entry per order). */
	private final List<String> reservedFor;

	@Transient
	private final boolean written;

	@Version
	private Long version;

	@PersistenceCreator
	StockItem(String sku, long onHand, long reserved, long reorderPoint, Instant updatedAt, List<String> reservedFor,
			Long version) {
		this.sku = sku;
		this.onHand = onHand;
		this.reserved = reserved;
		this.available = onHand - reserved;
		this.reorderPoint = reorderPoint;
		this.updatedAt = updatedAt;
		this.reservedFor = (reservedFor != null) ? new ArrayList<>(reservedFor) : new ArrayList<>();
		// a record written before reservations existed has neither field
		this.written = reservedFor != null;
		this.version = version;
	}

	StockItem(String sku, long onHand, long reserved, long reorderPoint, Instant updatedAt, Long version) {
		this(sku, onHand, reserved, reorderPoint, updatedAt, List.of(), version);
	}

	/** A new SKU with no stock yet. */
	public static StockItem create(String sku, Instant now) {
		StockItem item = new StockItem(sku, 0, 0, DEFAULT_REORDER_POINT, now, null);
		item.changed("CREATED", item.available(), now);
		return item;
	}

	/**
	 * Sets the counted stock (a stock audit).
	 * @throws Refused when the count is below what is reserved
	 */
	public void count(long counted, Long newReorderPoint, Instant now) {
		if (counted < 0) {
			throw new Refused("stock-negative", "A stock count cannot be negative.");
		}
		if (counted < this.reserved) {
			throw new Refused("below-reserved",
					"The count " + counted + " is below the " + this.reserved + " units reserved for orders.");
		}
		long before = available();
		this.onHand = counted;
		if (newReorderPoint != null) {
			this.reorderPoint = newReorderPoint;
		}
		changed("STOCK_COUNT", before, now);
	}

	/**
	 * Receives goods (a positive delta) or writes stock off (a negative one).
	 * @throws Refused when a write-off would take stock below what is reserved
	 */
	public void adjust(long delta, Instant now) {
		if (delta == 0) {
			throw new Refused("no-change", "An adjustment needs a delta other than 0.");
		}
		if (this.onHand + delta < this.reserved) {
			throw new Refused("below-reserved", "Writing off " + (-delta) + " units would leave less than the "
					+ this.reserved + " units reserved for orders (on hand: " + this.onHand + ").");
		}
		long before = available();
		this.onHand += delta;
		changed((delta > 0) ? "RECEIVED" : "WRITTEN_OFF", before, now);
	}

	/**
	 * Holds units for an order.
	 * @throws Refused when fewer units are available
	 * @throws IllegalStateException when the order holds units here already
	 */
	public void reserve(String orderId, int quantity, Instant now) {
		requirePositive(quantity);
		if (holds(orderId)) {
			throw new IllegalStateException("Order " + orderId + " holds units of " + this.sku + " already");
		}
		if (available() < quantity) {
			throw new Refused("out-of-stock", "Only " + available() + " units of " + this.sku + " are available, "
					+ quantity + " were asked for.");
		}
		long before = available();
		this.reserved += quantity;
		this.reservedFor.add(orderId);
		changed("RESERVED", before, now);
	}

	/**
	 * Gives an order's held units back.
	 * @throws IllegalStateException when the order holds nothing here
	 */
	public void release(String orderId, int quantity, Instant now) {
		requireHeld(orderId, quantity);
		long before = available();
		this.reserved -= quantity;
		this.reservedFor.remove(orderId);
		changed("RELEASED", before, now);
	}

	/**
	 * An order's held units leave the warehouse: on-hand and reserved stock both go down,
	 * available stock stays.
	 * @throws IllegalStateException when the order holds nothing here
	 */
	public void commit(String orderId, int quantity, Instant now) {
		requireHeld(orderId, quantity);
		if (this.onHand < quantity) {
			throw new IllegalStateException(this.sku + " has " + this.onHand + " units on hand, fewer than the "
					+ quantity + " held for order " + orderId);
		}
		long before = available();
		this.onHand -= quantity;
		this.reserved -= quantity;
		this.reservedFor.remove(orderId);
		changed("COMMITTED", before, now);
	}

	/** Whether units of this SKU are held for the order. */
	public boolean holds(String orderId) {
		return this.reservedFor.contains(orderId);
	}

	private void requireHeld(String orderId, int quantity) {
		requirePositive(quantity);
		if (!holds(orderId)) {
			throw new IllegalStateException("Order " + orderId + " holds no units of " + this.sku);
		}
		if (this.reserved < quantity) {
			throw new IllegalStateException(this.sku + " has " + this.reserved + " units reserved, fewer than the "
					+ quantity + " held for order " + orderId);
		}
	}

	private static void requirePositive(int quantity) {
		if (quantity < 1) {
			throw new IllegalArgumentException("A quantity must be at least 1, not " + quantity);
		}
	}

	private void changed(String reason, long availableBefore, Instant now) {
		this.available = available();
		this.updatedAt = now;
		message(Topics.INVENTORY_EVENTS, Envelope.of(StockLevelChanged.TYPE, 1, SOURCE, this.sku,
				new StockLevelChanged(this.sku, this.onHand, this.reserved, available(), reason, now)));
		if (available() < this.reorderPoint && availableBefore >= this.reorderPoint) {
			message(Topics.INVENTORY_EVENTS, Envelope.of(StockBelowReorderPoint.TYPE, 1, SOURCE, this.sku,
					new StockBelowReorderPoint(this.sku, available(), this.reorderPoint, now)));
		}
	}

	/**
	 * Whether the stored document lacks what guarded updates rely on (a record written
	 * before reservations existed, or a stored {@code available} that does not match):
	 * saving this item writes it right.
	 */
	boolean needsRewrite() {
		return !this.written || this.available != available();
	}

	public String sku() {
		return this.sku;
	}

	public long onHand() {
		return this.onHand;
	}

	public long reserved() {
		return this.reserved;
	}

	public long available() {
		return this.onHand - this.reserved;
	}

	public long reorderPoint() {
		return this.reorderPoint;
	}

	/** The orders that hold units of this SKU. */
	public List<String> reservedFor() {
		return Collections.unmodifiableList(this.reservedFor);
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

	Long version() {
		return this.version;
	}

}
