package io.souq.events;

/**
 * Names of the Kafka headers that mirror the {@link Envelope} attributes (CloudEvents
 * Kafka binding style, {@code ce_} prefix), so that consumers and tools can route on them
 * without parsing the payload.
 */
public final class Headers {

	public static final String ID = "ce_id";

	public static final String TYPE = "ce_type";

	public static final String VERSION = "ce_version";

	public static final String SOURCE = "ce_source";

	public static final String SUBJECT = "ce_subject";

	public static final String TIME = "ce_time";

	public static final String CORRELATION_ID = "ce_correlationid";

	public static final String CAUSATION_ID = "ce_causationid";

	private Headers() {
	}

}
