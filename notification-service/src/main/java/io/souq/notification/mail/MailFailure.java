package io.souq.notification.mail;

import java.util.regex.Pattern;

import jakarta.mail.SendFailedException;

import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

/**
 * Why an attempt to send a message failed, which decides whether it is tried again.
 */
enum MailFailure {

	/**
	 * The mail server did not take the message: unreachable, timed out, dropped the
	 * connection, answered "try again later" (4xx), or refused the sender, its
	 * credentials or the content (configuration that operators fix). Tried again, with
	 * back-off, for as long as it takes.
	 */
	UNAVAILABLE,

	/**
	 * The recipient does not exist: the mail server refused the address for good (a 5xx
	 * reply such as {@code 550 5.1.1 unknown mailbox}), or it is not an email address at
	 * all. Trying again would get the same answer: given up.
	 */
	REJECTED;

	/** A permanent SMTP reply: 5xx, as the server's reply line starts. */
	private static final Pattern PERMANENT_REPLY = Pattern.compile("^5\\d\\d(\\s|-|$).*", Pattern.DOTALL);

	static MailFailure of(MailException failure) {
		if (failure instanceof MailParseException || failure instanceof MailPreparationException) {
			return REJECTED;
		}
		if (failure instanceof MailSendException send) {
			for (Exception messageFailure : send.getFailedMessages().values()) {
				if (rejected(messageFailure)) {
					return REJECTED;
				}
			}
		}
		return rejected(failure) ? REJECTED : UNAVAILABLE;
	}

	/**
	 * Whether the server refused the recipient for good: a {@link SendFailedException}
	 * naming invalid addresses, with a 5xx reply in it (Jakarta Mail chains the replies
	 * to each address as causes).
	 */
	private static boolean rejected(Throwable failure) {
		boolean invalidAddress = false;
		boolean permanent = false;
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
			if (cause instanceof SendFailedException refused && refused.getInvalidAddresses() != null
					&& refused.getInvalidAddresses().length > 0) {
				invalidAddress = true;
			}
			String message = cause.getMessage();
			permanent |= message != null && PERMANENT_REPLY.matcher(message.strip()).matches();
		}
		return invalidAddress && permanent;
	}

}
