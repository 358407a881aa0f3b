package io.souq.notification;

/**
 * Where a notification is on its way out.
 *
 * <pre>
 * WAITING_FOR_CUSTOMER ──► PENDING ──► SENT
 *                                 └──► FAILED   (the mail server refused it, again and again)
 * </pre>
 */
public enum NotificationStatus {

	/**
	 * Made from an order event that came before its customer's
	 * {@code customer.registered} (topics are not ordered with each other): rendered and
	 * sent once the customer is known.
	 */
	WAITING_FOR_CUSTOMER,

	/** Rendered, to be sent at {@code nextAttemptAt}. */
	PENDING,

	/** Accepted by the mail server. */
	SENT,

	/**
	 * Given up: the mail server kept refusing the message or its recipient, or it could
	 * not be rendered. Not retried.
	 */
	FAILED

}
