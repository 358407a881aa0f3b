package io.souq.shipping.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.souq.events.Money;
import io.souq.shipping.Countries;
import io.souq.shipping.DeliveryDays;
import io.souq.shipping.Quote;
import io.souq.shipping.ShippingProperties;
import io.souq.shipping.ShippingRates;
import io.souq.starter.security.AccessRules;
import io.souq.starter.web.ProblemException;
import io.souq.starter.web.ProblemException.FieldProblem;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shipping quotes for any destination, open to anyone: the shop shows them, and
 * order-service asks for one at checkout with the same parameters.
 */
@RestController
class QuoteController {

	static final int MAX_WEIGHT_GRAMS = 70_000;

	private final ShippingRates rates;

	private final ShippingProperties properties;

	QuoteController(ShippingRates rates, ShippingProperties properties) {
		this.rates = rates;
		this.properties = properties;
	}

	/**
	 * The options for a parcel: {@code country} (ISO 3166-1 alpha-2) and
	 * {@code weightGrams} (1 to 70000) are required, {@code subtotal} (for free standard
	 * shipping) and {@code currency} (default {@code souq.shipping.default-currency}) are
	 * not. Every bad parameter is listed in one 400.
	 */
	@GetMapping("/api/shipping/quotes")
	QuoteView quote(@RequestParam(required = false) String country, @RequestParam(required = false) String weightGrams,
			@RequestParam(required = false) String subtotal, @RequestParam(required = false) String currency) {
		List<FieldProblem> problems = new ArrayList<>();
		String destination = Countries.normalize(country);
		if (destination == null) {
			problems.add(new FieldProblem("country", "is required: an ISO 3166-1 alpha-2 code such as SA"));
		}
		else if (!Countries.isKnown(destination)) {
			problems.add(new FieldProblem("country", "must be an ISO 3166-1 alpha-2 code such as SA"));
		}
		int weight = weight(weightGrams, problems);
		BigDecimal amount = subtotal(subtotal, problems);
		String quoteCurrency = (currency == null || currency.isBlank()) ? this.properties.defaultCurrency()
				: currency.strip().toUpperCase(Locale.ROOT);
		if (!this.rates.supports(quoteCurrency)) {
			problems.add(new FieldProblem("currency", "must be one of " + this.rates.currencies()));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalidFields(problems);
		}
		return QuoteView.of(this.rates.quote(destination, weight, amount, quoteCurrency));
	}

	@Bean
	static AccessRules quoteAccess() {
		return (rules) -> rules.requestMatchers(HttpMethod.GET, "/api/shipping/quotes").permitAll();
	}

	private static int weight(String text, List<FieldProblem> problems) {
		String message = "must be a whole number of grams from 1 to " + MAX_WEIGHT_GRAMS;
		if (text == null || text.isBlank()) {
			problems.add(new FieldProblem("weightGrams", "is required: " + message));
			return 0;
		}
		try {
			int weight = Integer.parseInt(text.strip());
			if (weight >= 1 && weight <= MAX_WEIGHT_GRAMS) {
				return weight;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		problems.add(new FieldProblem("weightGrams", message));
		return 0;
	}

	private static BigDecimal subtotal(String text, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			BigDecimal value = new BigDecimal(text.strip());
			if (value.signum() >= 0 && value.precision() - value.scale() <= 12) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		problems.add(new FieldProblem("subtotal", "must be an amount from 0 up, such as 49.90"));
		return null;
	}

	record QuoteView(String country, String zone, String currency, List<OptionView> options) {

		static QuoteView of(Quote quote) {
			return new QuoteView(quote.country(), quote.zone().name(), quote.currency(),
					quote.options().stream().map(OptionView::of).toList());
		}

	}

	record OptionView(String option, String carrier, Money price, DeliveryDays estimatedDays) {

		static OptionView of(Quote.Option option) {
			return new OptionView(option.option().name(), option.carrier(), option.price(), option.estimatedDays());
		}

	}

}
