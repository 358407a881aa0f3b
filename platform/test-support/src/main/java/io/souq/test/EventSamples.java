package io.souq.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample JSON document of every event type
 * ({@code souq/samples/<type>.v<version>.json}), read by the producer's tests (what it
 * writes matches the sample) and by the consumers' tests (they can handle the sample).
 */
public final class EventSamples {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Fields whose keys are data, not names (a product's free attributes). */
	private static final Set<String> FREE_MAPS = Set.of("attributes");

	private EventSamples() {
	}

	/**
	 * Asserts that a published message has the shape of the sample of its type and
	 * version: the same envelope attributes and the same payload fields.
	 * @param published the message as it went over the broker
	 */
	public static void assertSameShape(String published) {
		assertSameShape(JSON.readTree(published));
	}

	/**
	 * Asserts that a published message has the shape of the sample of its type and
	 * version: the same envelope attributes and the same payload fields, nested ones
	 * included ({@code data.lines[].sku}), except the keys of free maps such as a
	 * product's {@code attributes}. A field the sample fills may be absent under a value
	 * that is {@code null} or an empty list in the message.
	 * @param published the message as it went over the broker
	 */
	public static void assertSameShape(JsonNode published) {
		String type = published.path("type").asString();
		JsonNode sample = JSON.readTree(json(type, published.path("version").asInt()));
		Set<String> expected = paths(sample);
		Set<String> actual = paths(published);
		Set<String> missing = new TreeSet<>(expected);
		missing.removeAll(actual);
		missing.removeIf((path) -> underNothing(published, path));
		Set<String> unknown = new TreeSet<>(actual);
		unknown.removeAll(expected);
		assertThat(missing).as("fields of the %s sample missing from the message", type).isEmpty();
		assertThat(unknown).as("fields of the message that the %s sample lacks", type).isEmpty();
	}

	/** Every field of a document as a path, e.g. {@code data.lines[].sku}. */
	static Set<String> paths(JsonNode document) {
		Set<String> paths = new TreeSet<>();
		collect(document, "", paths);
		return paths;
	}

	private static void collect(JsonNode node, String prefix, Set<String> paths) {
		if (node.isObject()) {
			for (String name : node.propertyNames()) {
				paths.add(prefix + name);
				if (!FREE_MAPS.contains(name)) {
					collect(node.get(name), prefix + name + ".", paths);
				}
			}
		}
		else if (node.isArray()) {
			for (JsonNode element : node) {
				collect(element, prefix.substring(0, prefix.length() - 1) + "[].", paths);
			}
		}
	}

	/** Whether some field on the path is {@code null} or an empty list in the message. */
	private static boolean underNothing(JsonNode message, String path) {
		JsonNode node = message;
		for (String part : path.split("\\.")) {
			boolean list = part.endsWith("[]");
			node = node.path(list ? part.substring(0, part.length() - 2) : part);
			if (node.isNull() || (node.isArray() && node.isEmpty())) {
				return true;
			}
			if (list && node.isArray()) {
				node = node.get(0);
			}
		}
		return false;
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
