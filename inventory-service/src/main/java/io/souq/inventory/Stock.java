package io.souq.inventory;

import java.time.Clock;
import java.util.function.Consumer;

import io.souq.starter.data.OptimisticRetry;
import io.souq.starter.web.ProblemException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Stock records: created for every new SKU of the catalog, counted and adjusted by
 * operators. Concurrent changes to one SKU are serialised by optimistic locking and
 * retried.
 */
@Service
public class Stock {

	private final StockRepository repository;

	private final Clock clock;

	Stock(StockRepository repository, Clock clock) {
		this.repository = repository;
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

	public StockItem count(String sku, long onHand, Long reorderPoint) {
		return change(sku, item -> item.count(onHand, reorderPoint, this.clock.instant()));
	}

	public StockItem adjust(String sku, long delta) {
		return change(sku, item -> item.adjust(delta, this.clock.instant()));
	}

	private StockItem change(String sku, Consumer<StockItem> change) {
		return OptimisticRetry.change("The stock of " + sku, () -> get(sku), change, this.repository::save);
	}

}
