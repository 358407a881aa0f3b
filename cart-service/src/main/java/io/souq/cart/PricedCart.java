package io.souq.cart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * A cart as the customer sees it: every line named and priced from the catalog as it is
 * now, so a price change reaches every open cart. Amounts are exact: a line total is the
 * unit price times the quantity, the total the sum of the priced lines, nothing is
 * rounded.
 *
 * @param id the cart's public id
 * @param currency the currency of every amount
 * @param lines the lines, in the order their products were first added
 * @param total the sum of the line totals of the priced lines
 * @param itemCount units in the cart, all lines together
 * @param weightGrams the shipping weight of all units
 * @param checkoutAllowed whether the cart can be ordered: not empty, no discontinued
 * product, every line priced
 */
public record PricedCart(String id, String currency, List<PricedLine> lines, BigDecimal total, int itemCount,
		int weightGrams, boolean checkoutAllowed) {

	public PricedCart {
		lines = List.copyOf(lines);
	}

	/**
	 * Prices a cart.
	 * @param products the catalog's products by id; a product missing here is shown
	 * without name and price (and blocks the checkout)
	 */
	public static PricedCart of(Cart cart, Map<String, CatalogProduct> products) {
		String currency = cart.currency();
		List<PricedLine> lines = new ArrayList<>();
		BigDecimal total = scaled(BigDecimal.ZERO, currency);
		int itemCount = 0;
		int weightGrams = 0;
		boolean checkoutAllowed = !cart.isEmpty();
		for (CartLine line : cart.lines()) {
			CatalogProduct product = products.get(line.productId());
			BigDecimal unitPrice = (product != null)
					? product.price(currency).map(price -> scaled(price, currency)).orElse(null) : null;
			BigDecimal lineTotal = (unitPrice != null) ? unitPrice.multiply(BigDecimal.valueOf(line.quantity())) : null;
			boolean discontinued = product != null && product.discontinued();
			int unitWeight = (product != null) ? product.weightGrams() : 0;
			lines.add(new PricedLine(line.productId(), (product != null) ? product.sku() : null,
					(product != null) ? product.name() : null, line.quantity(), unitPrice, lineTotal, unitWeight,
					discontinued));
			weightGrams += unitWeight * line.quantity();
			if (lineTotal != null) {
				total = total.add(lineTotal);
			}
			itemCount += line.quantity();
			checkoutAllowed &= unitPrice != null && !discontinued;
		}
		return new PricedCart(cart.id(), currency, lines, total, itemCount, weightGrams, checkoutAllowed);
	}

	/**
	 * The amount with at least the currency's minor units ({@code 7.5} EUR is
	 * {@code 7.50}); never rounded.
	 */
	static BigDecimal scaled(BigDecimal amount, String currency) {
		int minorUnits = minorUnits(currency);
		return (amount.scale() < minorUnits) ? amount.setScale(minorUnits) : amount;
	}

	private static int minorUnits(String currency) {
		try {
			return Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return 0;
		}
	}

	/**
	 * One line of a priced cart.
	 *
	 * @param productId the product's id
	 * @param sku the product's SKU
	 * @param name the product's name
	 * @param quantity units
	 * @param unitPrice the price of one unit in the cart's currency, {@code null} when
	 * the product has none (the line is then left out of the total)
	 * @param lineTotal unit price times quantity, {@code null} without a unit price
	 * @param weightGrams the shipping weight of one unit
	 * @param discontinued whether the product was withdrawn from the catalog
	 */
	public record PricedLine(String productId, String sku, String name, int quantity, BigDecimal unitPrice,
			BigDecimal lineTotal, int weightGrams, boolean discontinued) {

	}

}
