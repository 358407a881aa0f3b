package io.souq.notification;

import java.time.Duration;
import java.util.Objects;

/**
 * The wait before the next attempt to send a message: the initial wait after the first
 * failed attempt, doubling with every failure, never longer than the maximum (1 s, 2 s, 4
 * s ... 32 s, then 1 min by default). There is no last attempt: a message waits for the
 * mail server for as long as it takes.
 *
 * @param initial the wait after the first failed attempt
 * @param max the longest wait
 */
public record BackOff(Duration initial, Duration max) {

	public BackOff {
		Objects.requireNonNull(initial, "initial");
		Objects.requireNonNull(max, "max");
		if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
			throw new IllegalArgumentException("the back-off must be positive and its maximum not below the initial");
		}
	}

	/**
	 * The wait after a number of failed attempts.
	 * @param failedAttempts attempts made so far, all failed (at least 1)
	 */
	public Duration after(int failedAttempts) {
		Duration wait = this.initial;
		for (int attempt = 1; attempt < failedAttempts; attempt++) {
			wait = wait.multipliedBy(2);
			if (wait.compareTo(this.max) >= 0) {
				return this.max;
			}
		}
		return wait;
	}

}
