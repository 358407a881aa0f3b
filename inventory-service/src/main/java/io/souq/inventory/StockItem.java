package io.souq.inventory;

import java.time.Instant;

import io.souq.events.Envelope;
import io.souq.events.Topics;
import io.souq.events.inventory.StockBelowReorderPoint;
import io.souq.events.inventory.StockLevelChanged;
import io.souq.starter.domain.Refused;
import io.souq.starter.outbox.Outboxed;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The stock of one SKU: units on hand, units reserved for orders, and the reorder point.
 * Available stock ({@code onHand - reserved}) is never negative: no change takes on-hand
 * stock below what is reserved. Every change publishes {@code stock.level-changed}, and
 * {@code stock.below-reorder-point} when available stock falls under the reorder point.
 */
@Document("stock")
public class StockItem extends Outboxed {

	static final String SOURCE = "inventory-service";

	static final long DEFAULT_REORDER_POINT = 5;

	@Id
	private final String sku;

	private long onHand;

	private long reserved;

	private long reorderPoint;

	private Instant updatedAt;

	@Version
	private Long version;

	@PersistenceCreator
	StockItem(String sku, long onHand, long reserved, long reorderPoint, Instant updatedAt, Long version) {
		this.sku = sku;
		this.onHand = onHand;
		this.reserved = reserved;
		this.reorderPoint = reorderPoint;
		this.updatedAt = updatedAt;
		this.version = version;
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

	private void changed(String reason, long availableBefore, Instant now) {
		this.updatedAt = now;
		message(Topics.INVENTORY_EVENTS, Envelope.of(StockLevelChanged.TYPE, 1, SOURCE, this.sku,
				new StockLevelChanged(this.sku, this.onHand, this.reserved, available(), reason, now)));
		if (available() < this.reorderPoint && availableBefore >= this.reorderPoint) {
			message(Topics.INVENTORY_EVENTS, Envelope.of(StockBelowReorderPoint.TYPE, 1, SOURCE, this.sku,
					new StockBelowReorderPoint(this.sku, available(), this.reorderPoint, now)));
		}
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

}
