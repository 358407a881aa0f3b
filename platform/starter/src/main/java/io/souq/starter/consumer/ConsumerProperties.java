package io.souq.starter.consumer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of message consumption: retries, dead letters, processed-message records.
 *
 * @param attempts deliveries of a failing message before it goes to the dead-letter topic
 * (a malformed message goes there at the first)
 * @param initialInterval back-off before the second attempt
 * @param multiplier growth of the back-off from one attempt to the next
 * @param maxInterval longest back-off
 * @param outageMaxInterval longest back-off while the database is unreachable: such a
 * failure is retried until the database answers again rather than dead-lettered, so an
 * outage does not fill the dead-letter topics
 * @param deadLetterPartitions partitions of a dead-letter topic the starter creates
 * @param processedRetention how long processed-message records are kept (TTL index)
 */
@ConfigurationProperties("souq.consumer")
public record ConsumerProperties(@DefaultValue("3") int attempts, @DefaultValue("200ms") Duration initialInterval,
		@DefaultValue("2.0") double multiplier, @DefaultValue("2s") Duration maxInterval,
		@DefaultValue("30s") Duration outageMaxInterval, @DefaultValue("1") int deadLetterPartitions,
		@DefaultValue("7d") Duration processedRetention) {

	public ConsumerProperties {
		if (attempts < 1) {
			throw new IllegalArgumentException("souq.consumer.attempts must be at least 1");
		}
		if (multiplier < 1) {
			throw new IllegalArgumentException("souq.consumer.multiplier must be at least 1");
		}
		if (deadLetterPartitions < 1) {
			throw new IllegalArgumentException("souq.consumer.dead-letter-partitions must be at least 1");
		}
		requirePositive(initialInterval, "initial-interval");
		requirePositive(maxInterval, "max-interval");
		requirePositive(outageMaxInterval, "outage-max-interval");
		requirePositive(processedRetention, "processed-retention");
	}

	/** The defaults. */
	public static ConsumerProperties defaults() {
		return new ConsumerProperties(3, Duration.ofMillis(200), 2.0, Duration.ofSeconds(2), Duration.ofSeconds(30), 1,
				Duration.ofDays(7));
	}

	private static void requirePositive(Duration duration, String name) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("souq.consumer." + name + " must be positive");
		}
	}

}
