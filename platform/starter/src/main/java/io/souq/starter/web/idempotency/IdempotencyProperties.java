package io.souq.starter.web.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code Idempotency-Key} handling.
 *
 * @param enabled whether {@code POST /api/**} requests with an {@code Idempotency-Key}
 * header are answered once and replayed afterwards
 * @param ttl how long a key and its stored answer are kept (TTL index, plus a purge by
 * the service for servers that do not expire documents)
 * @param inProgressTimeout how long a key whose request never finished (the service died
 * while handling it) blocks its retries with 409 before a retry may run the request again
 * @param purgeInterval how often the service deletes expired keys itself
 */
@ConfigurationProperties("souq.idempotency")
public record IdempotencyProperties(@DefaultValue("true") boolean enabled, @DefaultValue("24h") Duration ttl,
		@DefaultValue("1m") Duration inProgressTimeout, @DefaultValue("5m") Duration purgeInterval) {

	public IdempotencyProperties {
		requirePositive(ttl, "ttl");
		requirePositive(inProgressTimeout, "in-progress-timeout");
		requirePositive(purgeInterval, "purge-interval");
	}

	/** The defaults. */
	public static IdempotencyProperties defaults() {
		return new IdempotencyProperties(true, Duration.ofHours(24), Duration.ofMinutes(1), Duration.ofMinutes(5));
	}

	private static void requirePositive(Duration duration, String name) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("souq.idempotency." + name + " must be positive");
		}
	}

}
