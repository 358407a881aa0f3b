package io.souq.gateway;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Limits request rates per client (the token's subject, or the remote address for
 * anonymous requests; per instance of the gateway) with a token bucket:
 * {@code souq.gateway.rate-limit.requests-per-second} sustained, bursts up to
 * {@code burst}. Past it the client gets 429 with {@code Retry-After}.
 */
@Component
class RateLimitFilter implements WebFilter, Ordered {

	private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

	private final double perSecond;

	private final int burst;

	RateLimitFilter(@Value("${souq.gateway.rate-limit.requests-per-second:100}") double perSecond,
			@Value("${souq.gateway.rate-limit.burst:200}") int burst) {
		this.perSecond = perSecond;
		this.burst = burst;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getRequest().getPath().value().startsWith("/actuator/")) {
			return chain.filter(exchange);
		}
		return exchange.getPrincipal()
			.map(principal -> "user:" + principal.getName())
			.defaultIfEmpty("address:" + address(exchange))
			.flatMap(client -> {
				TokenBucket bucket = this.buckets.computeIfAbsent(client,
						key -> new TokenBucket(this.burst, this.perSecond));
				if (bucket.tryTake(System.nanoTime())) {
					return chain.filter(exchange);
				}
				exchange.getResponse().getHeaders().set("Retry-After", "1");
				return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
						"Too many requests: slow down and retry after a second.");
			});
	}

	private static String address(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : "unknown";
	}

	/** Forgets clients idle long enough for their bucket to be full again. */
	@Scheduled(fixedDelay = 60_000)
	void forgetIdleClients() {
		long now = System.nanoTime();
		long idle = Duration.ofMinutes(5).toNanos();
		this.buckets.values().removeIf(bucket -> bucket.idleFor(now) > idle);
	}

	@Override
	public int getOrder() {
		// after Spring Security (-100), so that the principal is known
		return 0;
	}

	/** A token bucket refilled continuously. */
	static final class TokenBucket {

		private final int capacity;

		private final double perNano;

		private double tokens;

		private long last;

		TokenBucket(int capacity, double perSecond) {
			this.capacity = capacity;
			this.perNano = perSecond / 1_000_000_000d;
			this.tokens = capacity;
			this.last = System.nanoTime();
		}

		synchronized boolean tryTake(long now) {
			this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * this.perNano);
			this.last = now;
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return true;
			}
			return false;
		}

		synchronized long idleFor(long now) {
			return now - this.last;
		}

	}

}
