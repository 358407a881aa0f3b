package io.souq.starter.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox relay.
 *
 * @param enabled whether this instance relays (every instance may: leases keep them
 * apart)
 * @param collections collections to relay besides those of the {@link Outboxed}
 * {@code @Document} classes, which are found by themselves
 * @param pollInterval how often the relay looks for pending messages when nobody nudges
 * it (a save of an {@link Outboxed} aggregate does)
 * @param lease how long a relay owns a document it is publishing; another instance takes
 * over a document whose lease has run out (a relay that died mid-publication)
 * @param sendTimeout how long the relay waits for the broker to acknowledge the messages
 * of one document; shorter than the lease
 * @param batchSize documents claimed per collection and round before the relay looks at
 * the next collection
 * @param backlogInterval how often the {@code souq.outbox.backlog} gauge is recounted
 * @param createIndexes whether the relay creates the sparse index on
 * {@code outbox.messageId} that lets MongoDB find pending documents without a collection
 * scan
 */
@ConfigurationProperties("souq.outbox")
public record OutboxProperties(@DefaultValue("true") boolean enabled, @DefaultValue List<String> collections,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("10s") Duration lease,
		@DefaultValue("5s") Duration sendTimeout, @DefaultValue("100") int batchSize,
		@DefaultValue("5s") Duration backlogInterval, @DefaultValue("true") boolean createIndexes) {

	public OutboxProperties {
		collections = (collections != null) ? List.copyOf(collections) : List.of();
		requirePositive(pollInterval, "poll-interval");
		requirePositive(lease, "lease");
		requirePositive(sendTimeout, "send-timeout");
		requirePositive(backlogInterval, "backlog-interval");
		if (sendTimeout.compareTo(lease) >= 0) {
			throw new IllegalArgumentException("souq.outbox.send-timeout must be shorter than souq.outbox.lease");
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("souq.outbox.batch-size must be at least 1");
		}
	}

	/** The defaults. */
	public static OutboxProperties defaults() {
		return new OutboxProperties(true, List.of(), Duration.ofSeconds(1), Duration.ofSeconds(10),
				Duration.ofSeconds(5), 100, Duration.ofSeconds(5), true);
	}

	private static void requirePositive(Duration duration, String name) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("souq.outbox." + name + " must be positive");
		}
	}

}
