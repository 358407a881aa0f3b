package io.souq.catalog.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.souq.catalog.Catalog;
import io.souq.catalog.CatalogProperties;
import io.souq.catalog.CategoryTree;
import io.souq.catalog.Product;
import io.souq.catalog.ProductSearch;
import io.souq.catalog.ProductSort;
import io.souq.events.Money;
import io.souq.starter.security.AccessRules;
import io.souq.starter.web.ProblemException;
import io.souq.starter.web.PageView;
import io.souq.starter.web.Paging;
import io.souq.starter.web.ProblemException.FieldProblem;
import jakarta.validation.Valid;

import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Catalog rows of the API contract: anyone browses, operators (admin) write.
 */
@RestController
class ProductController {

	private final Catalog catalog;

	private final CatalogProperties properties;

	ProductController(Catalog catalog, CatalogProperties properties) {
		this.catalog = catalog;
		this.properties = properties;
	}

	@GetMapping("/api/products")
	PageView<ProductView> list(@RequestParam(required = false) String q,
			@RequestParam(required = false) String category, @RequestParam(required = false) String minPrice,
			@RequestParam(required = false) String maxPrice, @RequestParam(required = false) String currency,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String page,
			@RequestParam(required = false) String size) {
		List<FieldProblem> problems = new ArrayList<>();
		BigDecimal min = decimal("minPrice", minPrice, problems);
		BigDecimal max = decimal("maxPrice", maxPrice, problems);
		if (min != null && max != null && min.compareTo(max) > 0) {
			problems.add(new FieldProblem("maxPrice", "must not be below minPrice"));
		}
		ProductSort order = ProductSort.DEFAULT;
		try {
			order = ProductSort.parse(sort);
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem("sort", "must be price, name or newest, then asc or desc (e.g. price,asc)"));
		}
		String listCurrency = null;
		if (currency != null && !currency.isBlank()) {
			listCurrency = currency.strip().toUpperCase(Locale.ROOT);
			if (!this.properties.supported().contains(listCurrency)) {
				problems.add(new FieldProblem("currency", "must be one of " + this.properties.currencies()));
			}
		}
		else if (min != null || max != null || order.key() == ProductSort.Key.PRICE) {
			listCurrency = this.properties.defaultCurrency();
		}
		String categoryPath = (category != null && !category.isBlank()) ? category.strip().toLowerCase(Locale.ROOT)
				: null;
		if (q != null && q.length() > 200) {
			problems.add(new FieldProblem("q", "must have at most 200 characters"));
		}
		PageRequest pageRequest = Paging.of(page, size, problems);
		if (!problems.isEmpty()) {
			throw ProblemException.invalidFields(problems);
		}
		ProductSearch search = new ProductSearch(q, categoryPath, min, max, listCurrency, order);
		Page<Product> found = this.catalog.search(search, pageRequest);
		return PageView.of(found, ProductView::of);
	}

	@GetMapping("/api/products/{id}")
	ProductView get(@PathVariable String id) {
		return ProductView.of(this.catalog.get(id));
	}

	@PostMapping("/api/products")
	ResponseEntity<ProductView> create(@Valid @RequestBody ProductRequest request) {
		Product product = this.catalog.create(request.details(this.properties.supported()));
		return ResponseEntity.created(URI.create("/api/products/" + product.id())).body(ProductView.of(product));
	}

	@PutMapping("/api/products/{id}")
	ProductView update(@PathVariable String id, @Valid @RequestBody ProductRequest request) {
		return ProductView.of(this.catalog.update(id, request.details(this.properties.supported())));
	}

	@DeleteMapping("/api/products/{id}")
	ResponseEntity<Void> discontinue(@PathVariable String id) {
		this.catalog.discontinue(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/categories")
	CategoryTree categories() {
		return this.catalog.categories();
	}

	@Bean
	static AccessRules catalogAccess() {
		return (rules) -> rules.requestMatchers(HttpMethod.GET, "/api/products", "/api/products/**", "/api/categories")
			.permitAll()
			.requestMatchers("/api/products", "/api/products/**")
			.hasRole("ADMIN");
	}

	private static BigDecimal decimal(String field, String text, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			BigDecimal value = new BigDecimal(text.strip());
			if (value.signum() < 0 || value.precision() - value.scale() > 12) {
				problems.add(new FieldProblem(field, "must be an amount from 0 up, such as 19.99"));
				return null;
			}
			return value;
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldProblem(field, "must be an amount such as 19.99"));
			return null;
		}
	}

	record ProductView(String id, String sku, String name, String description, String category,
			Map<String, String> attributes, List<Money> prices, int weightGrams, long available, String status,
			Instant createdAt, Instant updatedAt) {

		static ProductView of(Product product) {
			return new ProductView(product.id(), product.sku(), product.name(), product.description(),
					product.category(), product.attributes(), product.priceList(), product.weightGrams(),
					product.available(), product.status().name(), product.createdAt(), product.updatedAt());
		}

	}

}
