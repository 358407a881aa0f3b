package io.souq.notification;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notifications ({@code souq.notification.*}); the mail server itself is
 * {@code spring.mail.*}.
 *
 * @param operationsAddress where the low-stock alerts go
 * @param operationsLocale the language of the alerts to operations
 * @param from the sender of every message, e.g. {@code Souq <no-reply@souq.local>}
 * @param timeZone the time zone of the dates in the messages
 * @param sender how messages are sent
 */
@ConfigurationProperties("souq.notification")
public record NotificationProperties(@DefaultValue("operations@souq.local") String operationsAddress,
		@DefaultValue("en") String operationsLocale, @DefaultValue("Souq <no-reply@souq.local>") String from,
		@DefaultValue("UTC") String timeZone, @DefaultValue Sender sender) {

	public NotificationProperties {
		requireAddress(operationsAddress, "operations-address");
		requireAddress(from, "from");
		try {
			ZoneId.of(timeZone);
		}
		catch (DateTimeException | NullPointerException ex) {
			throw new IllegalArgumentException("souq.notification.time-zone must be a time zone id such as UTC");
		}
		if (sender == null) {
			throw new IllegalArgumentException("souq.notification.sender must be set");
		}
	}

	public ZoneId zone() {
		return ZoneId.of(this.timeZone);
	}

	private static void requireAddress(String address, String name) {
		try {
			new InternetAddress(address, true);
		}
		catch (AddressException | NullPointerException ex) {
			throw new IllegalArgumentException("souq.notification." + name + " must be an email address");
		}
	}

	/**
	 * How the sender loop works.
	 *
	 * @param pollInterval how long it sleeps when nothing is due (new messages wake it at
	 * once)
	 * @param initialBackOff the wait after a first failed attempt; it doubles with every
	 * failure
	 * @param maxBackOff the longest wait between two attempts: messages are retried at
	 * this pace for as long as the mail server is unreachable
	 * @param claimTimeout how long an attempt holds a message: after it, another sender
	 * (another instance, or this one after a crash) may try it
	 * @param batch messages sent per round, at most
	 * @param waitingRecheck how often it looks for messages waiting for a customer who is
	 * known by now
	 */
	public record Sender(@DefaultValue("1s") Duration pollInterval, @DefaultValue("1s") Duration initialBackOff,
			@DefaultValue("1m") Duration maxBackOff, @DefaultValue("2m") Duration claimTimeout,
			@DefaultValue("50") int batch, @DefaultValue("5s") Duration waitingRecheck) {

		public Sender {
			requirePositive(pollInterval, "poll-interval");
			requirePositive(initialBackOff, "initial-back-off");
			requirePositive(maxBackOff, "max-back-off");
			requirePositive(claimTimeout, "claim-timeout");
			requirePositive(waitingRecheck, "waiting-recheck");
			if (maxBackOff.compareTo(initialBackOff) < 0) {
				throw new IllegalArgumentException(
						"souq.notification.sender.max-back-off must not be shorter than initial-back-off");
			}
			if (batch < 1) {
				throw new IllegalArgumentException("souq.notification.sender.batch must be at least 1");
			}
		}

		/** The back-off between attempts. */
		public BackOff backOff() {
			return new BackOff(this.initialBackOff, this.maxBackOff);
		}

		private static void requirePositive(Duration duration, String name) {
			if (duration == null || duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException("souq.notification.sender." + name + " must be positive");
			}
		}

	}

}
