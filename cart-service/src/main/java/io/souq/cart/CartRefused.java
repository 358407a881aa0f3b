package io.souq.cart;

/**
 * A cart change the rules refuse (answered with 422 and the code as the problem type).
 */
public class CartRefused extends RuntimeException {

	private final String code;

	public CartRefused(String code, String message) {
		super(message);
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
