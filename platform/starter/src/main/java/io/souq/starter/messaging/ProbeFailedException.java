package io.souq.starter.messaging;

/**
 * A messaging probe that got no answer.
 */
public class ProbeFailedException extends RuntimeException {

	public ProbeFailedException(String message) {
		super(message);
	}

}
