package io.souq.gateway;

import java.util.UUID;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request an {@code X-Correlation-Id} (the client's when it is a sane token,
 * otherwise a new one), forwards it to the service and returns it on the response, even
 * for requests the gateway answers itself.
 */
@Component
class CorrelationIdFilter implements WebFilter, Ordered {

	static final String HEADER = "X-Correlation-Id";

	private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String id = correlationId(exchange.getRequest().getHeaders().getFirst(HEADER));
		ServerHttpRequest request = exchange.getRequest().mutate().headers(h -> h.set(HEADER, id)).build();
		exchange.getResponse().beforeCommit(() -> {
			exchange.getResponse().getHeaders().set(HEADER, id);
			return Mono.empty();
		});
		return chain.filter(exchange.mutate().request(request).build());
	}

	static String correlationId(String fromRequest) {
		if (fromRequest != null && ACCEPTABLE.matcher(fromRequest).matches()) {
			return fromRequest;
		}
		return UUID.randomUUID().toString();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
