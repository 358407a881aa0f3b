package io.souq.notification.mail;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.souq.notification.BackOff;
import io.souq.notification.Deliveries;
import io.souq.notification.Doorbell;
import io.souq.notification.Notification;
import io.souq.notification.NotificationProperties;
import io.souq.notification.Notifications;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the pending notifications by email, apart from their consumption: a loop on a
 * virtual thread that wakes when a message is ready (or every {@code poll-interval}),
 * claims each due message with a guarded update (so several instances can run it), sends
 * it through the configured SMTP server and records the outcome.
 * <p>
 * When the server cannot be reached the message is tried again after a back-off that
 * doubles up to {@code max-back-off}, for as long as it takes: nothing is lost while SMTP
 * is down, and everything goes out once it is back. The rest of the round waits for the
 * next one, so an outage costs one connection attempt per round, not one per message. A
 * recipient the server refuses for good is given up ({@code FAILED}).
 * <p>
 * Delivery to SMTP is at least once: if the service stops between the server's acceptance
 * and the record of it, the message is sent again once its claim has run out.
 */
@Component
class NotificationSender implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

	private final Deliveries deliveries;

	private final Notifications notifications;

	private final JavaMailSender mail;

	private final NotificationProperties.Sender settings;

	private final BackOff backOff;

	private final InternetAddress from;

	private final Doorbell doorbell;

	private final Clock clock;

	private final MeterRegistry registry;

	private volatile boolean running;

	private volatile Thread loop;

	NotificationSender(Deliveries deliveries, Notifications notifications, JavaMailSender mail,
			NotificationProperties properties, Doorbell doorbell, Clock clock, MeterRegistry registry) {
		this.deliveries = deliveries;
		this.notifications = notifications;
		this.mail = mail;
		this.settings = properties.sender();
		this.backOff = this.settings.backOff();
		this.from = address(properties.from());
		this.doorbell = doorbell;
		this.clock = clock;
		this.registry = registry;
	}

	@Override
	public void start() {
		this.running = true;
		this.loop = Thread.ofVirtual().name("notification-sender").start(this::run);
	}

	@Override
	public void stop() {
		this.running = false;
		this.doorbell.ring();
		Thread thread = this.loop;
		if (thread != null) {
			try {
				thread.join(Duration.ofSeconds(30));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void run() {
		Instant nextWaitingCheck = Instant.MIN;
		String waitingAfter = null;
		while (this.running) {
			boolean more = false;
			try {
				if (!this.clock.instant().isBefore(nextWaitingCheck)) {
					waitingAfter = this.notifications.releaseWaiting(waitingAfter, this.settings.batch());
					nextWaitingCheck = this.clock.instant().plus(this.settings.waitingRecheck());
				}
				more = sendDue();
			}
			catch (RuntimeException ex) {
				// the database, most likely: try again at the next round
				log.warn("Notification sender round failed: {}", ex.getClass().getSimpleName());
			}
			if (!more) {
				try {
					this.doorbell.await(this.settings.pollInterval());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/**
	 * One round: sends what is due, at most a batch.
	 * @return whether more may be due now
	 */
	boolean sendDue() {
		List<String> due = this.deliveries.due(this.clock.instant(), this.settings.batch());
		for (String id : due) {
			if (!this.running) {
				return false;
			}
			Notification claimed = this.deliveries.claim(id, this.clock.instant(), this.settings.claimTimeout());
			if (claimed != null && attempt(claimed) == MailFailure.UNAVAILABLE) {
				return false;
			}
		}
		return due.size() == this.settings.batch();
	}

	/**
	 * Sends one claimed message and records the outcome.
	 * @return the failure, or {@code null} when the server accepted it
	 */
	private MailFailure attempt(Notification notification) {
		try {
			this.mail.send((mime) -> compose(mime, notification));
		}
		catch (MailException ex) {
			MailFailure failure = MailFailure.of(ex);
			failed(notification, failure, ex);
			return failure;
		}
		if (!this.deliveries.sent(notification, this.clock.instant())) {
			log.warn("{} was sent after its claim ran out: it may go out twice", notification);
		}
		counter("souq.notifications.sent", "Messages the mail server accepted", "template",
				notification.template().id())
			.increment();
		return null;
	}

	private void failed(Notification notification, MailFailure failure, MailException ex) {
		counter("souq.notifications.send-failures", "Attempts to send a message that failed", "failure", failure.name())
			.increment();
		if (failure == MailFailure.REJECTED) {
			this.deliveries.giveUp(notification, failure.name());
			counter("souq.notifications.failed", "Messages given up", "template", notification.template().id())
				.increment();
			log.warn("{} given up: the mail server refused its recipient ({})", notification, cause(ex));
			return;
		}
		Duration wait = this.backOff.after(notification.attempts());
		this.deliveries.retryLater(notification, this.clock.instant().plus(wait), failure.name());
		log.warn("{} not sent, attempt {} ({}); next attempt in {}", notification, notification.attempts(), cause(ex),
				wait);
	}

	private void compose(MimeMessage mime, Notification notification) throws MessagingException {
		MimeMessageHelper message = new MimeMessageHelper(mime, true, "UTF-8");
		message.setFrom(this.from);
		message.setTo(notification.recipient());
		message.setSubject(notification.subject());
		message.setText(notification.textBody(), notification.htmlBody());
		if (notification.locale() != null) {
			mime.setHeader("Content-Language", notification.locale());
		}
		mime.setHeader("X-Souq-Notification", notification.id());
		mime.setHeader("X-Souq-Template", notification.template().id());
	}

	private Counter counter(String name, String description, String tag, String value) {
		return Counter.builder(name).description(description).tag(tag, value).register(this.registry);
	}

	/** The innermost failure's type: no addresses or content in the logs. */
	private static String cause(Throwable failure) {
		Throwable cause = failure;
		int depth = 0;
		while (cause.getCause() != null && cause.getCause() != cause && depth++ < 20) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName();
	}

	private static InternetAddress address(String address) {
		try {
			InternetAddress parsed = new InternetAddress(address, true);
			if (parsed.getPersonal() != null) {
				parsed.setPersonal(parsed.getPersonal(), "UTF-8");
			}
			return parsed;
		}
		catch (AddressException | UnsupportedEncodingException ex) {
			throw new IllegalArgumentException("souq.notification.from must be an email address", ex);
		}
	}

}
