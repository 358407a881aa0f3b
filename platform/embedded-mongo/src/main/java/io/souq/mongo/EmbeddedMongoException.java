package io.souq.mongo;

/**
 * Thrown when an {@link EmbeddedMongoServer} cannot start: the port is in use, the
 * address cannot be bound, or the data file cannot be opened. The message is one line
 * meant for people.
 */
public class EmbeddedMongoException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	EmbeddedMongoException(String message) {
		super(message);
	}

	EmbeddedMongoException(String message, Throwable cause) {
		super(message, cause);
	}

}
