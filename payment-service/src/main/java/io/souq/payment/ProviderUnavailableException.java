package io.souq.payment;

/**
 * The payment provider could not answer (an error on its side, a time-out, an open
 * circuit): worth trying again later.
 */
public class ProviderUnavailableException extends RuntimeException {

	public ProviderUnavailableException(String message) {
		super(message);
	}

	public ProviderUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
