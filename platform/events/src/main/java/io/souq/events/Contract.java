package io.souq.events;

/**
 * One message type on the wire: its name, schema version, the topic it travels on and the
 * record that carries its payload.
 *
 * @param type wire name, e.g. {@code product.created}
 * @param version schema version
 * @param topic the topic
 * @param payload the payload record
 */
public record Contract(String type, int version, String topic, Class<? extends Record> payload) {

}
