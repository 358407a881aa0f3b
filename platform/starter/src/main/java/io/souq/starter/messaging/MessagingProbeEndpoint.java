package io.souq.starter.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * {@code POST /actuator/messaging {"target": "inventory-service"}} sends a probe through
 * the broker to the target service and answers with who answered and how long the round
 * trip took (504 when nobody answered). {@code GET /actuator/messaging} tells whether
 * this instance's probe listens. Actuator endpoints are not routed by the gateway.
 */
@Endpoint(id = "messaging")
public class MessagingProbeEndpoint {

	private final MessagingProbe probe;

	public MessagingProbeEndpoint(MessagingProbe probe) {
		this.probe = probe;
	}

	@ReadOperation
	public Map<String, Object> state() {
		return Map.of("instance", this.probe.instance(), "listening", this.probe.isListening());
	}

	@WriteOperation
	public WebEndpointResponse<Map<String, Object>> probe(String target) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("target", target);
		try {
			MessagingProbe.ProbeResult result = this.probe.probe(target);
			body.put("answeredBy", result.answeredBy());
			body.put("roundTripMicros", result.roundTrip().toNanos() / 1000);
			return new WebEndpointResponse<>(body, WebEndpointResponse.STATUS_OK);
		}
		catch (ProbeFailedException ex) {
			body.put("error", ex.getMessage());
			return new WebEndpointResponse<>(body, 504);
		}
	}

}
