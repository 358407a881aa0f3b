package io.souq.events;

/**
 * Topic names. Facts go to {@code <owner>.events}, requests to one owner to
 * {@code <owner>.commands}.
 */
public final class Topics {

	/** Operator diagnostics: messaging round-trip probes between services. */
	public static final String PLATFORM_DIAGNOSTICS = "platform.diagnostics";

	private Topics() {
	}

	/**
	 * The dead-letter topic of one consumer group on one topic.
	 */
	public static String deadLetter(String topic, String group) {
		return topic + "." + group + ".dlq";
	}

}
