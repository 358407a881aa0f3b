package io.souq.payment.provider;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How payment-service calls its payment provider ({@code souq.payment.provider.*}).
 *
 * @param timeout the longest wait for one answer of the provider
 * @param retry retries of transient failures
 * @param circuitBreaker when to stop calling a failing provider for a while
 * @param simulator the built-in simulator's settings
 */
@ConfigurationProperties("souq.payment.provider")
public record ProviderProperties(@DefaultValue("5s") Duration timeout, @DefaultValue Retry retry,
		@DefaultValue CircuitBreaker circuitBreaker, @DefaultValue Simulator simulator) {

	public ProviderProperties {
		requirePositive(timeout, "timeout");
	}

	/**
	 * Retries of a call that failed transiently (an error or a time-out), with
	 * exponential back-off.
	 *
	 * @param attempts calls in all, the first included
	 * @param initialBackoff the wait before the second call
	 * @param multiplier the growth of the wait from one call to the next
	 */
	public record Retry(@DefaultValue("3") int attempts, @DefaultValue("200ms") Duration initialBackoff,
			@DefaultValue("2.0") double multiplier) {

		public Retry {
			if (attempts < 1) {
				throw new IllegalArgumentException("souq.payment.provider.retry.attempts must be at least 1");
			}
			if (multiplier < 1) {
				throw new IllegalArgumentException("souq.payment.provider.retry.multiplier must be at least 1");
			}
			requirePositive(initialBackoff, "retry.initial-backoff");
		}

	}

	/**
	 * The circuit breaker: over the last {@code slidingWindowSize} calls (once there were
	 * {@code minimumNumberOfCalls}), a failure rate at or above the threshold opens it
	 * for {@code waitInOpenState}, then {@code permittedCallsInHalfOpenState} trial calls
	 * decide whether it closes.
	 */
	public record CircuitBreaker(@DefaultValue("50") float failureRateThreshold,
			@DefaultValue("20") int slidingWindowSize, @DefaultValue("10") int minimumNumberOfCalls,
			@DefaultValue("30s") Duration waitInOpenState, @DefaultValue("3") int permittedCallsInHalfOpenState) {

		public CircuitBreaker {
			requirePositive(waitInOpenState, "circuit-breaker.wait-in-open-state");
		}

	}

	/**
	 * The built-in provider simulator.
	 *
	 * @param slowAnswer how long the slow test card takes to be approved
	 */
	public record Simulator(@DefaultValue("2s") Duration slowAnswer) {

	}

	private static void requirePositive(Duration duration, String name) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("souq.payment.provider." + name + " must be positive");
		}
	}

}
