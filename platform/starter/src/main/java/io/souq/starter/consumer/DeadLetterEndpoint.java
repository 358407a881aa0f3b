package io.souq.starter.consumer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.kafka.common.KafkaException;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * Dead letters for operators (actuator endpoints are not routed by the gateway):
 * <ul>
 * <li>{@code GET /actuator/deadletters}: the dead-letter topics of this service's group,
 * each with its message count, how many no replay has sent yet, and its latest 5 messages
 * with their error headers;</li>
 * <li>{@code GET /actuator/deadletters/{topic}}: one topic with its latest 50
 * messages;</li>
 * <li>{@code POST /actuator/deadletters/{topic}}: sends the messages no replay has sent
 * yet back to the topic they came from.</li>
 * </ul>
 * 404 for a topic that is not a dead-letter topic of the group, 503 when the broker does
 * not answer.
 */
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {

	private final DeadLetters deadLetters;

	public DeadLetterEndpoint(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	@ReadOperation
	public WebEndpointResponse<Object> deadLetters() {
		return answer(() -> {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("group", this.deadLetters.group());
			body.put("topics", this.deadLetters.list(5));
			return Optional.of(body);
		});
	}

	@ReadOperation
	public WebEndpointResponse<Object> topic(@Selector String topic) {
		return answer(() -> this.deadLetters.describe(topic, 50));
	}

	@WriteOperation
	public WebEndpointResponse<Object> replay(@Selector String topic) {
		return answer(() -> this.deadLetters.replay(topic));
	}

	private static WebEndpointResponse<Object> answer(Supplier<Optional<?>> operation) {
		try {
			Optional<?> body = operation.get();
			return body.<WebEndpointResponse<Object>>map((found) -> new WebEndpointResponse<>(found))
				.orElseGet(() -> new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND));
		}
		catch (IllegalStateException | KafkaException ex) {
			return new WebEndpointResponse<>(Map.of("error", String.valueOf(ex.getMessage())),
					WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE);
		}
	}

}
