package io.souq.catalog;

/**
 * A product change the rules refuse (answered with 422).
 */
public class ProductRefused extends RuntimeException {

	private final String code;

	public ProductRefused(String code, String message) {
		super(message);
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
