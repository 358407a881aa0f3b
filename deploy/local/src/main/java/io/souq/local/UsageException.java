package io.souq.local;

/**
 * A command line that cannot be understood; the CLI prints the message and the usage.
 */
public class UsageException extends SouqException {

	/**
	 * Creates the exception.
	 * @param message what is wrong with the arguments
	 */
	public UsageException(String message) {
		super(message);
	}

}
