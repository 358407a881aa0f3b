package io.souq.catalog.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.souq.catalog.ProductDetails;
import io.souq.starter.web.ProblemException;
import io.souq.starter.web.ProblemException.FieldProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A product as an operator writes it (create and full update).
 */
record ProductRequest(@NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,63}",
		message = "must be 1 to 64 upper-case letters, digits and dashes, starting with a letter or digit") String sku,
		@NotBlank @Size(max = 200) String name, @Size(max = 5000) String description,
		@NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*){0,4}",
				message = "must be a path of lower-case slugs such as kitchen/tea (at most 5 levels)") String category,
		@Size(max = 50) Map<String, String> attributes, @NotEmpty @Size(max = 20) List<@NotNull @Valid Price> prices,
		@NotNull @Min(1) @Max(1_000_000) Integer weightGrams) {

	record Price(
			@NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 4) BigDecimal amount,
			@NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency) {
	}

	/**
	 * The details, once the rules bean validation cannot express hold.
	 * @throws ProblemException 400 listing the fields otherwise
	 */
	ProductDetails details(Set<String> currencies) {
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, BigDecimal> byCurrency = new LinkedHashMap<>();
		for (int i = 0; i < this.prices.size(); i++) {
			Price price = this.prices.get(i);
			String field = "prices[" + i + "].currency";
			if (!currencies.contains(price.currency())) {
				problems.add(new FieldProblem(field, "must be one of " + currencies.stream().sorted().toList()));
			}
			else if (byCurrency.putIfAbsent(price.currency(), price.amount().stripTrailingZeros().scale() < 2
					? price.amount().setScale(2) : price.amount()) != null) {
				problems.add(new FieldProblem(field, "has a price already: one price per currency"));
			}
		}
		if (this.attributes != null) {
			this.attributes.forEach((key, value) -> {
				if (key.isBlank() || key.length() > 50) {
					problems.add(new FieldProblem("attributes", "names must have 1 to 50 characters"));
				}
				if (value == null || value.length() > 500) {
					problems.add(new FieldProblem("attributes." + key, "must be a text of at most 500 characters"));
				}
			});
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalidFields(problems);
		}
		return new ProductDetails(this.sku, this.name.strip(), this.description, this.category, this.attributes,
				byCurrency, this.weightGrams);
	}

}
