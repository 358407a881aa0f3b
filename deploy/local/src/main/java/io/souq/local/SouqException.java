package io.souq.local;

/**
 * A failure that the command line reports as one line, without a stack trace. The
 * optional detail (for example the tail of a component's log) is printed after it.
 */
public class SouqException extends RuntimeException {

	private final String detail;

	/**
	 * Creates an exception with a one-line message.
	 * @param message what went wrong and, if possible, what to do about it
	 */
	public SouqException(String message) {
		this(message, null, null);
	}

	/**
	 * Creates an exception with a one-line message and its cause.
	 * @param message what went wrong
	 * @param cause the underlying failure (logged, not printed)
	 */
	public SouqException(String message, Throwable cause) {
		this(message, null, cause);
	}

	/**
	 * Creates an exception with a one-line message, further lines and a cause.
	 * @param message what went wrong
	 * @param detail further lines to print below the message, or {@code null}
	 * @param cause the underlying failure, or {@code null}
	 */
	public SouqException(String message, String detail, Throwable cause) {
		super(message, cause);
		this.detail = detail;
	}

	/**
	 * Further lines to print after the message.
	 * @return the detail, or {@code null}
	 */
	public String detail() {
		return this.detail;
	}

}
