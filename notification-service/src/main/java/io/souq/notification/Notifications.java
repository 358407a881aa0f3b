package io.souq.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.souq.events.customer.CustomerRegistered;
import io.souq.notification.templates.MailTemplates;
import io.souq.notification.templates.RenderedMail;
import io.souq.notification.templates.Template;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Turns events into notifications, once per event and template, and keeps the customer
 * read model they are addressed with.
 * <p>
 * A notification is rendered when it is made, so that what is stored is what is sent; an
 * order event whose customer is not known yet (the customer's {@code customer.registered}
 * travels on another topic and may come later) is kept with its payload as
 * {@link NotificationStatus#WAITING_FOR_CUSTOMER} and rendered as soon as the customer is
 * known: when their registration arrives, or when the sender looks again. Nothing is
 * dropped.
 */
@Service
public class Notifications {

	private static final Logger log = LoggerFactory.getLogger(Notifications.class);

	private final MongoTemplate mongo;

	private final MailTemplates templates;

	private final NotificationProperties properties;

	private final Doorbell doorbell;

	private final Clock clock;

	private final EventPayloads payloads = new EventPayloads();

	Notifications(MongoTemplate mongo, MailTemplates templates, NotificationProperties properties, Doorbell doorbell,
			Clock clock) {
		this.mongo = mongo;
		this.templates = templates;
		this.properties = properties;
		this.doorbell = doorbell;
		this.clock = clock;
	}

	/**
	 * A customer registered: remember where to write to them, welcome them, and send what
	 * was waiting for them.
	 * @throws IllegalArgumentException when the event has no customer id or email
	 */
	public void registered(UUID eventId, CustomerRegistered registered) {
		requireText(registered.customerId(), "customerId");
		requireText(registered.email(), "email");
		Update contact = new Update().set(Customer.EMAIL, registered.email().strip())
			.set(Customer.NAME, registered.name())
			.set(Customer.LOCALE, registered.locale())
			.set(Customer.REGISTERED_AT, registered.registeredAt());
		this.mongo.upsert(query(where(Notification.ID).is(registered.customerId())), contact, Customer.class);
		RenderedMail welcome = this.templates.render(Template.WELCOME, registered, registered.name(),
				registered.locale());
		create(Notification.pending(eventId, Template.WELCOME, registered.customerId(), null,
				registered.email().strip(), welcome, this.clock.instant()));
		release(new Customer(registered.customerId(), registered.email().strip(), registered.name(),
				registered.locale(), registered.registeredAt()));
	}

	/**
	 * A message to a customer about one of their orders.
	 * @param eventId the event's id: one notification per event and template
	 * @param template the template
	 * @param customerId the customer
	 * @param orderId the order, or {@code null}
	 * @param data the event's payload
	 * @throws IllegalArgumentException when the event names no customer
	 */
	public void toCustomer(UUID eventId, Template template, String customerId, String orderId, Object data) {
		requireText(customerId, "customerId");
		if (this.mongo.exists(query(where(Notification.ID).is(Notification.idOf(eventId, template))),
				Notification.class)) {
			return; // the event came again
		}
		Customer customer = customer(customerId);
		if (customer != null) {
			RenderedMail mail = this.templates.render(template, data, customer.name(), customer.locale());
			create(Notification.pending(eventId, template, customerId, orderId, customer.email(), mail,
					this.clock.instant()));
			return;
		}
		Notification waiting = Notification.waiting(eventId, template, customerId, orderId, this.payloads.write(data),
				this.clock.instant());
		if (create(waiting)) {
			log.debug("{} waits for customer {}", waiting, customerId);
			// a registration handled meanwhile may have looked before this was stored
			Customer registered = customer(customerId);
			if (registered != null) {
				release(registered);
			}
		}
	}

	/** A message to the operations address. */
	public void toOperations(UUID eventId, Template template, Object data) {
		RenderedMail mail = this.templates.render(template, data, null, this.properties.operationsLocale());
		create(Notification.pending(eventId, template, null, null, this.properties.operationsAddress(), mail,
				this.clock.instant()));
	}

	/**
	 * Renders and queues the messages that wait for customers who are known by now: the
	 * sender calls this now and then, to find what a crash or a race left waiting. Each
	 * call looks at one batch of waiting messages, the one after the batch it looked at
	 * last, so that messages whose customer never comes do not hide the others.
	 * @param after the id of the last waiting message looked at, {@code null} to start
	 * from the first
	 * @param batch how many waiting messages to look at
	 * @return the id to continue after, {@code null} when all were looked at
	 */
	public String releaseWaiting(String after, int batch) {
		Criteria waiting = where(Notification.STATUS).is(NotificationStatus.WAITING_FOR_CUSTOMER);
		if (after != null) {
			waiting = waiting.and(Notification.ID).gt(after);
		}
		List<Notification> found = this.mongo.find(query(waiting).with(Sort.by(Notification.ID)).limit(batch),
				Notification.class);
		Set<String> customerIds = new LinkedHashSet<>();
		found.forEach((notification) -> customerIds.add(notification.customerId()));
		if (!customerIds.isEmpty()) {
			for (Customer customer : this.mongo.find(query(where(Notification.ID).in(customerIds)), Customer.class)) {
				release(customer);
			}
		}
		return (found.size() < batch) ? null : found.get(found.size() - 1).id();
	}

	/**
	 * The messages sent to a customer, newest first.
	 */
	public Page<SentNotification> sentTo(String customerId, PageRequest page) {
		Query sent = query(
				where(Notification.CUSTOMER_ID).is(customerId).and(Notification.STATUS).is(NotificationStatus.SENT));
		PageRequest newestFirst = page
			.withSort(Sort.by(Sort.Order.desc(Notification.SENT_AT), Sort.Order.desc(Notification.ID)));
		List<SentNotification> content = this.mongo.query(Notification.class)
			.as(SentNotification.class)
			.matching(Query.of(sent).with(newestFirst))
			.all();
		return PageableExecutionUtils.getPage(content, newestFirst,
				() -> this.mongo.count(Query.of(sent), Notification.class));
	}

	/** The customer read model's entry, or {@code null}. */
	public Customer customer(String customerId) {
		return this.mongo.findById(customerId, Customer.class);
	}

	/** Renders and queues the messages waiting for this customer. */
	private int release(Customer customer) {
		Query waiting = query(where(Notification.CUSTOMER_ID).is(customer.id())
			.and(Notification.STATUS)
			.is(NotificationStatus.WAITING_FOR_CUSTOMER));
		int released = 0;
		for (Notification notification : this.mongo.find(waiting, Notification.class)) {
			Update update;
			try {
				Object data = this.payloads.read(notification.data(), notification.template());
				RenderedMail mail = this.templates.render(notification.template(), data, customer.name(),
						customer.locale());
				update = new Update().set(Notification.STATUS, NotificationStatus.PENDING)
					.set(Notification.RECIPIENT, customer.email())
					.set(Notification.LOCALE, mail.language())
					.set(Notification.SUBJECT, mail.subject())
					.set(Notification.TEXT_BODY, mail.text())
					.set(Notification.HTML_BODY, mail.html())
					.set(Notification.NEXT_ATTEMPT_AT, this.clock.instant())
					.unset(Notification.DATA);
			}
			catch (RuntimeException ex) {
				// a payload that cannot be rendered will not render later either
				log.warn("Cannot render {} ({}); it is not sent", notification, ex.getClass().getSimpleName());
				update = new Update().set(Notification.STATUS, NotificationStatus.FAILED)
					.set(Notification.LAST_ERROR, "RENDERING");
			}
			Query stillWaiting = query(where(Notification.ID).is(notification.id())
				.and(Notification.STATUS)
				.is(NotificationStatus.WAITING_FOR_CUSTOMER));
			if (this.mongo.updateFirst(stillWaiting, update, Notification.class).getModifiedCount() > 0) {
				released++;
			}
		}
		if (released > 0) {
			this.doorbell.ring();
		}
		return released;
	}

	/** Stores a new notification; {@code false} when it exists (the event came again). */
	private boolean create(Notification notification) {
		try {
			this.mongo.insert(notification);
		}
		catch (DuplicateKeyException ex) {
			log.debug("{} exists: event {} seen before", notification, notification.eventId());
			return false;
		}
		if (notification.status() == NotificationStatus.PENDING) {
			this.doorbell.ring();
		}
		return true;
	}

	private static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " is missing");
		}
	}

	/** What a customer sees of a message sent to them. */
	public record SentNotification(String id, Template template, String subject, String locale, Instant sentAt,
			String orderId) {

	}

}
