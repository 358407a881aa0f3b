package io.souq.inventory;

/**
 * A stock change the rules refuse (answered with 422).
 */
public class StockRefused extends RuntimeException {

	private final String code;

	public StockRefused(String code, String message) {
		super(message);
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
