package io.souq.notification.templates;

import io.souq.test.EventSamples;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payloads of the sample events (the documents every producer and consumer test
 * reads), as the records the templates are made from.
 */
final class Samples {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private Samples() {
	}

	static <T> T data(String type, Class<T> payload) {
		return mapper.treeToValue(mapper.readTree(EventSamples.json(type, 1)).get("data"), payload);
	}

}
