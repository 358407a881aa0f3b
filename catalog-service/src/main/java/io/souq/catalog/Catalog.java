package io.souq.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import io.souq.events.inventory.StockLevelChanged;
import io.souq.starter.data.OptimisticRetry;
import io.souq.starter.web.ProblemException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The catalog: operators create, update and discontinue products; shoppers list, search
 * and read them. Concurrent changes to one product are serialised by optimistic locking
 * and retried.
 */
@Service
public class Catalog {

	private final ProductRepository repository;

	private final MongoTemplate mongo;

	private final Clock clock;

	Catalog(ProductRepository repository, MongoTemplate mongo, Clock clock) {
		this.repository = repository;
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Adds a product.
	 * @throws ProblemException 409 when a product with the SKU exists (active or not)
	 */
	public Product create(ProductDetails details) {
		if (this.repository.existsBySku(details.sku())) {
			throw duplicate(details.sku());
		}
		try {
			return this.repository.insert(Product.create(details, this.clock.instant()));
		}
		catch (DuplicateKeyException ex) {
			throw duplicate(details.sku());
		}
	}

	public Product get(String id) {
		return this.repository.findById(id)
			.orElseThrow(() -> ProblemException.notFound("There is no product " + id + "."));
	}

	public Product update(String id, ProductDetails details) {
		return change(id, (product) -> product.update(details, this.clock.instant()));
	}

	/** Discontinues the product; discontinuing it again changes nothing. */
	public void discontinue(String id) {
		change(id, (product) -> product.discontinue(this.clock.instant()));
	}

	/** One page of the active products matching the search. */
	public Page<Product> search(ProductSearch search, PageRequest page) {
		Query query = Query.query(search.criteria());
		long total = this.mongo.count(query, Product.class);
		List<Product> content = this.mongo.find(query.with(search.mongoSort()).with(page), Product.class);
		return new PageImpl<>(content, page, total);
	}

	/** The categories of the active products, each with its number of products. */
	public CategoryTree categories() {
		Aggregation count = Aggregation.newAggregation(
				Aggregation.match(Criteria.where("status").is(Product.Status.ACTIVE)),
				Aggregation.group("category").count().as("products"));
		List<CategoryTree.Count> counts = this.mongo.aggregate(count, Product.class, CategoryCount.class)
			.getMappedResults()
			.stream()
			.map((c) -> new CategoryTree.Count(c.id(), c.products()))
			.toList();
		return CategoryTree.of(counts);
	}

	/**
	 * Keeps the stock shown to shoppers: applies a stock level unless a newer one has
	 * been applied already, so a redelivered or late event changes nothing.
	 */
	public void stockChanged(StockLevelChanged level) {
		Instant at = level.at();
		Query product = Query.query(new Criteria().andOperator(Criteria.where("sku").is(level.sku()), new Criteria()
			.orOperator(Criteria.where("availableAt").is(null), Criteria.where("availableAt").lte(at))));
		this.mongo.updateFirst(product,
				new Update().set("available", Math.max(0, level.available())).set("availableAt", at), Product.class);
	}

	private Product change(String id, Consumer<Product> change) {
		return OptimisticRetry.change("Product " + id, () -> get(id), change, this.repository::save);
	}

	private static ProblemException duplicate(String sku) {
		return ProblemException.conflict("duplicate-sku", "A product with SKU " + sku + " exists already.");
	}

	record CategoryCount(String id, long products) {
	}

}
