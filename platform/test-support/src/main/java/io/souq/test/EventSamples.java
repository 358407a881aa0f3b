package io.souq.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The sample JSON document of every event type
 * ({@code souq/samples/<type>.v<version>.json}), read by the producer's tests (what it
 * writes matches the sample) and by the consumers' tests (they can handle the sample).
 */
public final class EventSamples {

	private EventSamples() {
	}

	/**
	 * The sample envelope of a type and version, as JSON text.
	 * @throws IllegalArgumentException when there is no sample for it
	 */
	public static String json(String type, int version) {
		String resource = "souq/samples/" + type + ".v" + version + ".json";
		try (InputStream in = EventSamples.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("no sample document " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
