package io.souq.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * A shopper's query of the listing: words to find in name, description or SKU, a category
 * (with its sub-categories), a price range in a currency, an order. Built into a plain
 * MongoDB filter (anchored or escaped regular expressions and range conditions, no
 * {@code $text}), so it answers the same on real MongoDB and on the embedded server.
 *
 * @param text words, each of which must appear (case-insensitive), or {@code null}
 * @param category a category path, or {@code null}
 * @param minPrice lowest price, inclusive, or {@code null}
 * @param maxPrice highest price, inclusive, or {@code null}
 * @param currency the currency of the price range and of a price order; when given, only
 * products sold in it are listed
 * @param sort the order
 */
public record ProductSearch(String text, String category, BigDecimal minPrice, BigDecimal maxPrice, String currency,
		ProductSort sort) {

	private static final Pattern WORDS = Pattern.compile("\\s+");

	/** The words of the text, at most ten, each one a literal. */
	List<String> words() {
		if (this.text == null || this.text.isBlank()) {
			return List.of();
		}
		return List.of(WORDS.split(this.text.strip())).stream().limit(10).toList();
	}

	/** The filter of this search over active products. */
	Criteria criteria() {
		List<Criteria> all = new ArrayList<>();
		all.add(Criteria.where("status").is(Product.Status.ACTIVE));
		for (String word : words()) {
			String literal = literal(word);
			all.add(new Criteria().orOperator(Criteria.where("name").regex(literal, "i"),
					Criteria.where("description").regex(literal, "i"), Criteria.where("sku").regex(literal, "i")));
		}
		if (this.category != null) {
			all.add(Criteria.where("category").regex("^" + literal(this.category) + "(/|$)"));
		}
		if (this.currency != null) {
			Criteria price = Criteria.where(priceField()).exists(true);
			if (this.minPrice != null) {
				price = price.gte(this.minPrice);
			}
			if (this.maxPrice != null) {
				price = price.lte(this.maxPrice);
			}
			all.add(price);
		}
		return new Criteria().andOperator(all);
	}

	/** The MongoDB order of this search, ties broken by id so pages never overlap. */
	Sort mongoSort() {
		String field = switch (this.sort.key()) {
			case PRICE -> priceField();
			case NAME -> "name";
			case NEWEST -> "createdAt";
		};
		return Sort.by(this.sort.direction(), field).and(Sort.by(Sort.Direction.ASC, "_id"));
	}

	private String priceField() {
		return "prices." + this.currency.toUpperCase(Locale.ROOT);
	}

	/** A regular expression matching the text literally (every metacharacter escaped). */
	static String literal(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 8);
		for (char c : text.toCharArray()) {
			if (!Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && !Character.isSurrogate(c)) {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

}
