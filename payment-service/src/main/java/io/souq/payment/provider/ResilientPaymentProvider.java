package io.souq.payment.provider;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.souq.events.Money;
import io.souq.payment.Card;
import io.souq.payment.PaymentProvider;
import io.souq.payment.ProviderUnavailableException;

/**
 * Every call to the payment provider, guarded (Resilience4j): each attempt is cut off
 * after {@code souq.payment.provider.timeout}, an attempt that failed transiently (a
 * {@link ProviderUnavailableException} or a time-out) is tried again with exponential
 * back-off, and a circuit breaker stops calling a provider that keeps failing. A refusal
 * is an answer, never a failure. When no attempt succeeds, the caller gets a
 * {@link ProviderUnavailableException}.
 * <p>
 * Meters: Resilience4j's own ({@code resilience4j.circuitbreaker.*},
 * {@code resilience4j.retry.*}, {@code resilience4j.timelimiter.*}, name {@value #NAME})
 * and {@code souq.payment.provider.requests{operation, outcome}}, one per attempt that
 * reached the provider ({@code outcome}: {@code ok}, {@code error} or {@code timeout}).
 */
public class ResilientPaymentProvider implements PaymentProvider, AutoCloseable {

	/** The name of the circuit breaker, retry and time limiter. */
	public static final String NAME = "payment-provider";

	/** The meter of the attempts that reached the provider. */
	public static final String REQUESTS_METER = "souq.payment.provider.requests";

	private final PaymentProvider delegate;

	private final CircuitBreaker circuitBreaker;

	private final Retry retry;

	private final TimeLimiter timeLimiter;

	private final MeterRegistry meters;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	public ResilientPaymentProvider(PaymentProvider delegate, ProviderProperties properties, MeterRegistry meters) {
		this.delegate = delegate;
		this.meters = meters;
		ProviderProperties.CircuitBreaker breaker = properties.circuitBreaker();
		CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.failureRateThreshold(breaker.failureRateThreshold())
			.slidingWindowSize(breaker.slidingWindowSize())
			.minimumNumberOfCalls(breaker.minimumNumberOfCalls())
			.waitDurationInOpenState(breaker.waitInOpenState())
			.permittedNumberOfCallsInHalfOpenState(breaker.permittedCallsInHalfOpenState())
			.recordExceptions(ProviderUnavailableException.class, TimeoutException.class)
			.build());
		ProviderProperties.Retry retries = properties.retry();
		RetryRegistry retryRegistry = RetryRegistry.of(RetryConfig.custom()
			.maxAttempts(retries.attempts())
			.intervalFunction(
					IntervalFunction.ofExponentialBackoff(retries.initialBackoff().toMillis(), retries.multiplier()))
			.retryExceptions(ProviderUnavailableException.class, TimeoutException.class)
			.build());
		TimeLimiterRegistry limiters = TimeLimiterRegistry
			.of(TimeLimiterConfig.custom().timeoutDuration(properties.timeout()).cancelRunningFuture(true).build());
		this.circuitBreaker = breakers.circuitBreaker(NAME);
		this.retry = retryRegistry.retry(NAME);
		this.timeLimiter = limiters.timeLimiter(NAME);
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
		TaggedRetryMetrics.ofRetryRegistry(retryRegistry).bindTo(meters);
		TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(limiters).bindTo(meters);
	}

	@Override
	public TokenizedCard tokenize(Card card) {
		return call("tokenize", () -> this.delegate.tokenize(card));
	}

	@Override
	public Authorization authorize(String reference, Money amount, String idempotencyKey) {
		return call("authorize", () -> this.delegate.authorize(reference, amount, idempotencyKey));
	}

	@Override
	public void capture(String authorizationId, Money amount) {
		call("capture", () -> {
			this.delegate.capture(authorizationId, amount);
			return null;
		});
	}

	@Override
	public void voidAuthorization(String authorizationId) {
		call("void", () -> {
			this.delegate.voidAuthorization(authorizationId);
			return null;
		});
	}

	@Override
	public void refund(String authorizationId, Money amount) {
		call("refund", () -> {
			this.delegate.refund(authorizationId, amount);
			return null;
		});
	}

	/** The state of the circuit breaker, for operators and tests. */
	public CircuitBreaker.State circuitState() {
		return this.circuitBreaker.getState();
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	private <T> T call(String operation, Callable<T> call) {
		Callable<T> guarded = Retry.decorateCallable(this.retry,
				CircuitBreaker.decorateCallable(this.circuitBreaker, () -> attempt(operation, call)));
		try {
			return guarded.call();
		}
		catch (ProviderUnavailableException ex) {
			throw new ProviderUnavailableException("The payment provider failed to " + operation, ex);
		}
		catch (TimeoutException ex) {
			throw new ProviderUnavailableException("The payment provider did not answer in time to " + operation, ex);
		}
		catch (CallNotPermittedException ex) {
			throw new ProviderUnavailableException("The payment provider is not called for a while (circuit open)", ex);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new ProviderUnavailableException("The payment provider failed to " + operation, ex);
		}
	}

	/** One call to the provider, in its own thread so that it can be cut off. */
	private <T> T attempt(String operation, Callable<T> call) throws Exception {
		try {
			T result = this.timeLimiter.executeFutureSupplier(() -> this.executor.submit(call));
			count(operation, "ok");
			return result;
		}
		catch (TimeoutException ex) {
			count(operation, "timeout");
			throw ex;
		}
		catch (Exception ex) {
			count(operation, "error");
			throw ex;
		}
	}

	private void count(String operation, String outcome) {
		Counter.builder(REQUESTS_METER)
			.description("Calls to the payment provider, one per attempt")
			.tag("operation", operation)
			.tag("outcome", outcome)
			.register(this.meters)
			.increment();
	}

}
