package io.souq.cart;

import java.time.Instant;

/**
 * One product in a cart: how many, and since when. Names and prices are not kept here:
 * they come from the catalog when the cart is read.
 *
 * @param productId the product's id
 * @param quantity how many, 1 to {@value Cart#MAX_QUANTITY}
 * @param addedAt when the product was first put in the cart
 */
public record CartLine(String productId, int quantity, Instant addedAt) {

	CartLine withQuantity(int newQuantity) {
		return new CartLine(this.productId, newQuantity, this.addedAt);
	}

}
