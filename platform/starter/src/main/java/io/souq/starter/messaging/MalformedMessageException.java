package io.souq.starter.messaging;

/**
 * A message that can never be processed, whatever the number of attempts (a poison
 * message): it goes to the dead-letter topic at once.
 */
public class MalformedMessageException extends RuntimeException {

	public MalformedMessageException(String message, Throwable cause) {
		super(message, cause);
	}

}
