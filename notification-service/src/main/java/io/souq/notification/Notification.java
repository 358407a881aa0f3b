package io.souq.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.souq.notification.templates.RenderedMail;
import io.souq.notification.templates.Template;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message made from one event with one template: its recipient, the rendered subject
 * and bodies, and where it is on its way out ({@link NotificationStatus}).
 * <p>
 * Its id is derived from the event id and the template, and the pair has a unique index
 * too: an event delivered twice makes one notification, hence one email.
 */
@Document("notifications")
@CompoundIndex(name = "event_template", def = "{'eventId': 1, 'template': 1}", unique = true)
@CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}")
@CompoundIndex(name = "customer_status_sent", def = "{'customerId': 1, 'status': 1, 'sentAt': -1}")
public class Notification {

	/** Field names used by queries and guarded updates. */
	static final String ID = "_id";

	static final String EVENT_ID = "eventId";

	static final String CUSTOMER_ID = "customerId";

	static final String RECIPIENT = "recipient";

	static final String LOCALE = "locale";

	static final String SUBJECT = "subject";

	static final String TEXT_BODY = "textBody";

	static final String HTML_BODY = "htmlBody";

	static final String DATA = "data";

	static final String STATUS = "status";

	static final String ATTEMPTS = "attempts";

	static final String NEXT_ATTEMPT_AT = "nextAttemptAt";

	static final String CLAIM = "claim";

	static final String LAST_ERROR = "lastError";

	static final String SENT_AT = "sentAt";

	/** The only channel so far. */
	public static final String EMAIL = "EMAIL";

	@Id
	private final String id;

	private final String eventId;

	private final Template template;

	/** {@code null} for messages to the operations address. */
	private final String customerId;

	private final String orderId;

	private final String recipient;

	/** The language of the message ({@code en}, {@code ar}). */
	private final String locale;

	private final String subject;

	private final String textBody;

	private final String htmlBody;

	/**
	 * The event's payload (JSON) while the customer is unknown, to render the message
	 * once they are; removed when it is rendered.
	 */
	private final String data;

	private final NotificationStatus status;

	/** Sending attempts so far. */
	private final int attempts;

	private final Instant nextAttemptAt;

	/** The token of the sender that claimed it for an attempt. */
	private final String claim;

	/**
	 * What the last failed attempt ran into (the kind of failure, no message content).
	 */
	private final String lastError;

	private final Instant createdAt;

	private final Instant sentAt;

	@PersistenceCreator
	Notification(String id, String eventId, Template template, String customerId, String orderId, String recipient,
			String locale, String subject, String textBody, String htmlBody, String data, NotificationStatus status,
			int attempts, Instant nextAttemptAt, String claim, String lastError, Instant createdAt, Instant sentAt) {
		this.id = id;
		this.eventId = eventId;
		this.template = template;
		this.customerId = customerId;
		this.orderId = orderId;
		this.recipient = recipient;
		this.locale = locale;
		this.subject = subject;
		this.textBody = textBody;
		this.htmlBody = htmlBody;
		this.data = data;
		this.status = status;
		this.attempts = attempts;
		this.nextAttemptAt = nextAttemptAt;
		this.claim = claim;
		this.lastError = lastError;
		this.createdAt = createdAt;
		this.sentAt = sentAt;
	}

	/** A rendered message to a known recipient, to be sent now. */
	static Notification pending(UUID eventId, Template template, String customerId, String orderId, String recipient,
			RenderedMail mail, Instant now) {
		requireText(recipient, "recipient");
		Objects.requireNonNull(mail, "mail");
		return new Notification(idOf(eventId, template), eventId.toString(), template, customerId, orderId, recipient,
				mail.language(), mail.subject(), mail.text(), mail.html(), null, NotificationStatus.PENDING, 0, now,
				null, null, now, null);
	}

	/** A message to a customer who is not known yet, kept with the event's payload. */
	static Notification waiting(UUID eventId, Template template, String customerId, String orderId, String data,
			Instant now) {
		requireText(customerId, "customerId");
		requireText(data, "data");
		return new Notification(idOf(eventId, template), eventId.toString(), template, customerId, orderId, null, null,
				null, null, null, data, NotificationStatus.WAITING_FOR_CUSTOMER, 0, null, null, null, now, null);
	}

	/**
	 * The id of the notification of an event and a template: the same on every delivery.
	 */
	public static String idOf(UUID eventId, Template template) {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(template, "template");
		String name = "souq-notification:" + eventId + ":" + template.id();
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
	}

	public String id() {
		return this.id;
	}

	public String eventId() {
		return this.eventId;
	}

	public Template template() {
		return this.template;
	}

	public String customerId() {
		return this.customerId;
	}

	public String orderId() {
		return this.orderId;
	}

	public String recipient() {
		return this.recipient;
	}

	public String locale() {
		return this.locale;
	}

	public String subject() {
		return this.subject;
	}

	public String textBody() {
		return this.textBody;
	}

	public String htmlBody() {
		return this.htmlBody;
	}

	String data() {
		return this.data;
	}

	public NotificationStatus status() {
		return this.status;
	}

	public int attempts() {
		return this.attempts;
	}

	public Instant nextAttemptAt() {
		return this.nextAttemptAt;
	}

	public String claim() {
		return this.claim;
	}

	public String lastError() {
		return this.lastError;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant sentAt() {
		return this.sentAt;
	}

	public String channel() {
		return EMAIL;
	}

	@Override
	public String toString() {
		// no recipient, subject or bodies: a notification may be logged
		return "Notification[" + this.id + " " + this.template.id() + " " + this.status + "]";
	}

}
