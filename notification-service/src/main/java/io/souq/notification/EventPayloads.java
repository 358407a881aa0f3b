package io.souq.notification;

import io.souq.notification.templates.Template;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payload of an event kept inside a notification that waits for its customer (JSON
 * text: amounts stay exact decimals), and read back when it is rendered.
 */
final class EventPayloads {

	private final JsonMapper mapper = JsonMapper.builder().build();

	String write(Object data) {
		return this.mapper.writeValueAsString(data);
	}

	/** The payload as the type the template is made from. */
	Object read(String json, Template template) {
		return this.mapper.readValue(json, template.data());
	}

}
