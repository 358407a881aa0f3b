package io.souq.gateway;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * RFC 9457 problem documents for the answers the gateway gives itself (401, 403, 413,
 * 429).
 */
final class Problems {

	private Problems() {
	}

	static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String detail) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (status == HttpStatus.UNAUTHORIZED) {
			response.getHeaders().set("WWW-Authenticate", "Bearer");
		}
		String path = exchange.getRequest().getPath().value().replaceAll("[^A-Za-z0-9/._~-]", "");
		String body = "{\"type\":\"https://souq.io/problems/" + type + "\",\"title\":\"" + status.getReasonPhrase()
				+ "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\",\"instance\":\"" + path + "\"}";
		DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
		return response.writeWith(Mono.just(buffer));
	}

}
