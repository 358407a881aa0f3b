package io.souq.shipping;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShippingRatesTests {

	private final ShippingRates rates = new ShippingRates(Settings.defaults());

	@ParameterizedTest
	@CsvSource({ "SA, DOMESTIC", "AE, REGIONAL", "BH, REGIONAL", "KW, REGIONAL", "OM, REGIONAL", "QA, REGIONAL",
			"JO, REGIONAL", "EG, REGIONAL", "LB, REGIONAL", "MA, REGIONAL", "TN, REGIONAL", "DE, REST_OF_WORLD",
			"US, REST_OF_WORLD", "KP, REST_OF_WORLD", "AQ, REST_OF_WORLD" })
	void zonesFollowTheHomeCountryAndTheRegionalList(String country, Zone zone) {
		assertThat(this.rates.zoneOf(country)).isEqualTo(zone);
	}

	@Test
	void theHomeCountryAndTheRegionalListAreConfigurable() {
		ShippingRates emirates = new ShippingRates(Settings
			.with(Map.of("souq.shipping.home-country", "ae", "souq.shipping.regional-countries", "SA, OM")));
		assertThat(emirates.zoneOf("AE")).isEqualTo(Zone.DOMESTIC);
		assertThat(emirates.zoneOf("SA")).isEqualTo(Zone.REGIONAL);
		assertThat(emirates.zoneOf("EG")).isEqualTo(Zone.REST_OF_WORLD);
	}

	@ParameterizedTest
	@CsvSource({ "SA, SAR, 1, 18.00, 40.00", "SA, SAR, 500, 18.00, 40.00", "SA, SAR, 501, 21.00, 45.00",
			"SA, SAR, 580, 21.00, 45.00", "SA, SAR, 70000, 435.00, 735.00", "AE, SAR, 1200, 75.00, 140.00",
			"DE, SAR, 2000, 170.00, 300.00", "SA, EUR, 580, 5.40, 11.40", "AE, EUR, 1200, 19.00, 34.25",
			"DE, EUR, 1200, 37.00, 66.50", "DE, USD, 501, 34.80, 64.00", "SA, USD, 250, 5.05, 10.85" })
	void priceIsTheBasePlusTheRateOfEveryStartedHalfKiloInExactDecimals(String country, String currency,
			int weightGrams, String standard, String express) {
		Quote quote = this.rates.quote(country, weightGrams, null, currency);
		assertThat(quote.currency()).isEqualTo(currency);
		assertThat(quote.option(ShippingOption.STANDARD).price().amount()).isEqualTo(new BigDecimal(standard));
		assertThat(quote.option(ShippingOption.EXPRESS).price().amount()).isEqualTo(new BigDecimal(express));
		assertThat(quote.option(ShippingOption.EXPRESS).price().currency()).isEqualTo(currency);
	}

	@ParameterizedTest
	@CsvSource({ "SAR, 200.00, 199.99", "SAR, 200, 199", "EUR, 50.00, 49.99", "USD, 55.00, 54.99" })
	void standardShippingIsFreeFromTheThresholdOfTheCurrency(String currency, String atThreshold, String below) {
		Quote free = this.rates.quote("DE", 3000, new BigDecimal(atThreshold), currency);
		assertThat(free.option(ShippingOption.STANDARD).price().amount()).isEqualTo(new BigDecimal("0.00"));
		assertThat(free.option(ShippingOption.EXPRESS).price().amount()).isPositive();
		Quote paid = this.rates.quote("DE", 3000, new BigDecimal(below), currency);
		assertThat(paid.option(ShippingOption.STANDARD).price().amount()).isPositive();
		assertThat(this.rates.quote("DE", 3000, null, currency).option(ShippingOption.STANDARD).price().amount())
			.isPositive();
	}

	@Test
	void everyOptionNamesItsCarrierAndDeliveryDaysOfTheZone() {
		Quote quote = this.rates.quote("AE", 800, BigDecimal.TEN, "EUR");
		assertThat(quote.zone()).isEqualTo(Zone.REGIONAL);
		assertThat(quote.options()).extracting(Quote.Option::option)
			.containsExactly(ShippingOption.STANDARD, ShippingOption.EXPRESS);
		assertThat(quote.option(ShippingOption.STANDARD).carrier()).isEqualTo("Aramex");
		assertThat(quote.option(ShippingOption.EXPRESS).carrier()).isEqualTo("DHL Express");
		assertThat(quote.option(ShippingOption.STANDARD).estimatedDays()).isEqualTo(new DeliveryDays(4, 7));
		assertThat(quote.option(ShippingOption.EXPRESS).estimatedDays()).isEqualTo(new DeliveryDays(2, 3));
		assertThat(this.rates.deliveryDays(Zone.DOMESTIC, ShippingOption.STANDARD)).isEqualTo(new DeliveryDays(2, 4));
	}

	@Test
	void pricesAreConfigurablePerCurrency() {
		ShippingRates cheaper = new ShippingRates(
				Settings.with(Map.of("souq.shipping.currencies.EUR.rates.DOMESTIC.STANDARD.base", "1.5",
						"souq.shipping.currencies.EUR.free-standard-from", "10")));
		assertThat(cheaper.quote("SA", 1000, null, "EUR").option(ShippingOption.STANDARD).price().amount())
			.isEqualTo(new BigDecimal("3.00"));
		assertThat(cheaper.quote("SA", 1000, new BigDecimal("10"), "EUR").option(ShippingOption.STANDARD).price())
			.satisfies((price) -> assertThat(price.amount().toPlainString()).isEqualTo("0.00"));
	}

	@Test
	void aTariffWithAGapStopsTheServiceAtStartUp() {
		assertThatThrownBy(() -> Settings.with(Map.of("souq.shipping.currencies.GBP.free-standard-from", "40",
				"souq.shipping.currencies.GBP.rates.DOMESTIC.STANDARD.base", "3",
				"souq.shipping.currencies.GBP.rates.DOMESTIC.STANDARD.per-started-half-kilo", "1")))
			.hasStackTraceContaining("currencies.GBP.rates.REGIONAL.STANDARD is missing");
		assertThatThrownBy(() -> Settings.with(Map.of("souq.shipping.home-country", "XX")))
			.hasStackTraceContaining("home-country XX");
	}

	@Test
	void refusesACurrencyWithoutTariff() {
		assertThat(this.rates.supports("GBP")).isFalse();
		assertThat(this.rates.currencies()).containsExactly("EUR", "SAR", "USD");
		assertThatIllegalArgumentException().isThrownBy(() -> this.rates.quote("SA", 100, null, "GBP"));
	}

}
