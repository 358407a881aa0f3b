package io.souq.order.checkout;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.souq.starter.web.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

/**
 * One service that checkout calls over HTTP, behind a Resilience4j time limit, retry
 * (exponential back-off, on server errors and I/O failures only) and circuit breaker.
 * When it cannot answer, the caller gets a 503 problem, never a 500.
 */
final class Downstream implements AutoCloseable {

	private final String name;

	private final CircuitBreaker circuitBreaker;

	private final Retry retry;

	private final TimeLimiter timeLimiter;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	Downstream(String name, CheckoutProperties.Call settings, CircuitBreakerRegistry breakers, RetryRegistry retries) {
		this.name = name;
		this.circuitBreaker = breakers.circuitBreaker(name,
				CircuitBreakerConfig.custom()
					.slidingWindowSize(20)
					.minimumNumberOfCalls(10)
					.failureRateThreshold(50)
					.waitDurationInOpenState(settings.openFor())
					.ignoreExceptions(HttpClientErrorException.class)
					.build());
		this.retry = retries.retry(name, RetryConfig.custom()
			.maxAttempts(settings.attempts())
			.intervalFunction(IntervalFunction.ofExponentialBackoff(settings.backOff(), 2.0))
			.retryOnException(
					(ex) -> !(ex instanceof HttpClientErrorException) && !(ex instanceof CallNotPermittedException))
			.build());
		this.timeLimiter = TimeLimiter.of(name,
				TimeLimiterConfig.custom().timeoutDuration(settings.timeout()).cancelRunningFuture(true).build());
	}

	/**
	 * Calls the service.
	 * @throws HttpClientErrorException the service's 4xx answer, as it came
	 * @throws ProblemException 503 when the service cannot answer in time
	 */
	<T> T call(Supplier<T> request) {
		Supplier<T> limited = () -> {
			try {
				return this.timeLimiter
					.executeFutureSupplier(() -> CompletableFuture.supplyAsync(request, this.executor));
			}
			catch (RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new RestClientException(this.name + " did not answer in time", ex);
			}
		};
		try {
			return Retry.decorateSupplier(this.retry, CircuitBreaker.decorateSupplier(this.circuitBreaker, limited))
				.get();
		}
		catch (HttpClientErrorException ex) {
			throw ex;
		}
		catch (CallNotPermittedException ex) {
			throw unavailable("is failing right now (circuit open)");
		}
		catch (RuntimeException ex) {
			throw unavailable("did not answer");
		}
	}

	private ProblemException unavailable(String what) {
		return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "dependency-unavailable", "Service unavailable",
				"Checkout needs " + this.name + ", which " + what + "; try again in a moment.");
	}

	CircuitBreaker.State state() {
		return this.circuitBreaker.getState();
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
