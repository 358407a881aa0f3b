package io.souq.inventory;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.souq.starter.data.OptimisticRetry;
import io.souq.starter.outbox.Outbox;
import io.souq.starter.outbox.OutboxMessage;
import io.souq.starter.outbox.OutboxRelay;
import io.souq.starter.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Stock records: created for every new SKU of the catalog, counted and adjusted by
 * operators, held for orders, given back and shipped.
 * <p>
 * Counts and adjustments are read-change-save with optimistic locking, retried. Holding,
 * giving back and shipping an order's units are each one guarded update of the stock
 * document: it applies only where enough is available (or the order's units are held) and
 * the order is not marked yet (or is), marks or unmarks the order in the same write,
 * appends the stock events to the document's outbox and increments the version, so that a
 * concurrent count or adjustment starts again instead of overwriting held units. The
 * filter also names the version that was read, so that the stock events carry the exact
 * levels after the write; when another change won, the update is tried again on a fresh
 * read. Stock is never oversold: N concurrent orders for the last K units get exactly K.
 */
@Service
public class Stock {

	/** Lost races of one guarded update before it gives up (the caller retries later). */
	static final int GUARDED_ATTEMPTS = 100;

	private static final Logger log = LoggerFactory.getLogger(Stock.class);

	private final StockRepository repository;

	private final MongoTemplate mongo;

	private final ObjectProvider<OutboxRelay> relay;

	private final Clock clock;

	Stock(StockRepository repository, MongoTemplate mongo, ObjectProvider<OutboxRelay> relay, Clock clock) {
		this.repository = repository;
		this.mongo = mongo;
		this.relay = relay;
		this.clock = clock;
	}

	/**
	 * Creates the stock record of a new SKU; does nothing if it exists (a redelivery).
	 */
	public void track(String sku) {
		if (this.repository.existsById(sku)) {
			return;
		}
		try {
			this.repository.insert(StockItem.create(sku, this.clock.instant()));
		}
		catch (DuplicateKeyException ex) {
			// created concurrently: one record, one event
		}
	}

	public StockItem get(String sku) {
		return this.repository.findById(sku)
			.orElseThrow(() -> ProblemException.notFound("No stock record for " + sku + "."));
	}

	/** The stock records of these SKUs that exist, by SKU. */
	public Map<String, StockItem> find(Collection<String> skus) {
		return this.repository.findAllById(skus)
			.stream()
			.collect(Collectors.toMap(StockItem::sku, Function.identity()));
	}

	public StockItem count(String sku, long onHand, Long reorderPoint) {
		return change(sku, item -> item.count(onHand, reorderPoint, this.clock.instant()));
	}

	public StockItem adjust(String sku, long delta) {
		return change(sku, item -> item.adjust(delta, this.clock.instant()));
	}

	/**
	 * Holds units of a SKU for an order, once: holding them again is a no-op.
	 * @return whether they are held, and otherwise how many units were available
	 */
	public Hold hold(String sku, String orderId, int quantity) {
		for (int attempt = 1;; attempt++) {
			StockItem item = current(sku);
			if (item == null) {
				return Hold.UNKNOWN_SKU;
			}
			if (item.holds(orderId)) {
				return Hold.HELD;
			}
			if (item.available() < quantity) {
				return Hold.shortOf(item.available());
			}
			Criteria guard = where(StockItem.AVAILABLE).gte(quantity).and(StockItem.RESERVED_FOR).ne(orderId);
			if (write(item, guard, (held) -> held.reserve(orderId, quantity, this.clock.instant()),
					(update) -> update.push(StockItem.RESERVED_FOR, orderId))) {
				return Hold.HELD;
			}
			lost(sku, attempt);
		}
	}

	/**
	 * Gives the units held for an order back, once: giving back what is not held is a
	 * no-op.
	 * @return whether this call gave units back
	 */
	public boolean unhold(String sku, String orderId, int quantity) {
		for (int attempt = 1;; attempt++) {
			StockItem item = current(sku);
			if (item == null || !item.holds(orderId)) {
				return false;
			}
			Criteria guard = where(StockItem.RESERVED_FOR).is(orderId).and(StockItem.RESERVED).gte(quantity);
			if (write(item, guard, (held) -> held.release(orderId, quantity, this.clock.instant()),
					(update) -> update.pull(StockItem.RESERVED_FOR, orderId))) {
				return true;
			}
			lost(sku, attempt);
		}
	}

	/**
	 * Ships the units held for an order: on-hand and reserved stock both go down by them,
	 * once; shipping what is not held is a no-op.
	 * @return whether this call shipped units
	 */
	public boolean ship(String sku, String orderId, int quantity) {
		for (int attempt = 1;; attempt++) {
			StockItem item = current(sku);
			if (item == null || !item.holds(orderId)) {
				return false;
			}
			Criteria guard = where(StockItem.RESERVED_FOR).is(orderId)
				.and(StockItem.RESERVED)
				.gte(quantity)
				.and(StockItem.ON_HAND)
				.gte(quantity);
			if (write(item, guard, (held) -> held.commit(orderId, quantity, this.clock.instant()),
					(update) -> update.pull(StockItem.RESERVED_FOR, orderId))) {
				return true;
			}
			lost(sku, attempt);
		}
	}

	/**
	 * The current record; one written before reservations existed is rewritten first, so
	 * that its stored {@code available} can guard updates.
	 */
	private StockItem current(String sku) {
		StockItem item = this.repository.findById(sku).orElse(null);
		if (item != null && item.needsRewrite()) {
			try {
				this.repository.save(item);
			}
			catch (OptimisticLockingFailureException ex) {
				// changed meanwhile: the read below sees the newer state
			}
			item = this.repository.findById(sku).orElse(null);
		}
		return item;
	}

	/**
	 * Applies a change to the stock document in one guarded update: the deltas of the
	 * change, the order's mark, the change's messages in the outbox and the next version,
	 * only where the document still has the version that was read and the guard holds.
	 * @return whether the document was changed (otherwise another change won: read again)
	 */
	private boolean write(StockItem item, Criteria guard, Consumer<StockItem> change, Consumer<Update> mark) {
		Long version = item.version();
		long onHand = item.onHand();
		long reserved = item.reserved();
		long available = item.available();
		int pending = item.outbox().size();
		change.accept(item);
		List<OutboxMessage> messages = List.copyOf(item.outbox().subList(pending, item.outbox().size()));
		Update update = new Update().inc(StockItem.ON_HAND, item.onHand() - onHand)
			.inc(StockItem.RESERVED, item.reserved() - reserved)
			.inc(StockItem.AVAILABLE, item.available() - available)
			.inc(StockItem.VERSION, 1)
			.set(StockItem.UPDATED_AT, item.updatedAt());
		mark.accept(update);
		Outbox.push(update, messages);
		Query query = Query
			.query(new Criteria().andOperator(where("_id").is(item.sku()).and(StockItem.VERSION).is(version), guard));
		if (this.mongo.updateFirst(query, update, StockItem.class).getModifiedCount() == 0) {
			return false;
		}
		this.relay.ifAvailable(OutboxRelay::nudge);
		return true;
	}

	private static void lost(String sku, int attempt) {
		if (attempt >= GUARDED_ATTEMPTS) {
			throw new ConcurrencyFailureException(
					"The stock of " + sku + " changed concurrently " + attempt + " times in a row");
		}
		log.debug("The stock of {} changed concurrently; trying again ({})", sku, attempt);
	}

	private StockItem change(String sku, Consumer<StockItem> change) {
		return OptimisticRetry.change("The stock of " + sku, () -> get(sku), change, this.repository::save);
	}

	/**
	 * The outcome of holding units for an order.
	 *
	 * @param held whether the units are held
	 * @param known whether the SKU has a stock record
	 * @param available the units that were available when they could not be held
	 */
	public record Hold(boolean held, boolean known, long available) {

		static final Hold HELD = new Hold(true, true, 0);

		static final Hold UNKNOWN_SKU = new Hold(false, false, 0);

		static Hold shortOf(long available) {
			return new Hold(false, true, Math.max(0, available));
		}

	}

}
