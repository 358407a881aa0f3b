package io.souq.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ports of one platform: every default port plus one offset, so that a second
 * platform (a test run) can live beside a developer's.
 *
 * @param offset the number added to every port ({@code SOUQ_PORT_OFFSET}, default 0)
 */
public record Ports(int offset) {

	/** Kafka's controller listener, before the offset. */
	public static final int KAFKA_CONTROLLER = 9093;

	/** GreenMail's IMAP port, before the offset. */
	public static final int IMAP = 3143;

	/** GreenMail's REST API port, before the offset (moved off 8080, the gateway's). */
	public static final int GREENMAIL_API = 8025;

	/** The host every component binds to and is reached at. */
	public static final String HOST = "127.0.0.1";

	/**
	 * Creates the ports and checks that all of them are valid.
	 * @param offset the offset
	 * @throws SouqException if a port would fall outside 1024–65535
	 */
	public Ports {
		for (Map.Entry<String, Integer> entry : basePorts().entrySet()) {
			int port = entry.getValue() + offset;
			if (port < 1024 || port > 65535) {
				throw new SouqException("SOUQ_PORT_OFFSET " + offset + " puts " + entry.getKey() + " on port " + port
						+ ", outside 1024-65535");
			}
		}
	}

	/**
	 * Parses an offset as given in {@code SOUQ_PORT_OFFSET}.
	 * @param value the variable's value; {@code null} or blank means 0
	 * @return the ports
	 * @throws SouqException if the value is not an integer or gives invalid ports
	 */
	public static Ports parse(String value) {
		if (value == null || value.isBlank()) {
			return new Ports(0);
		}
		try {
			return new Ports(Integer.parseInt(value.trim()));
		}
		catch (NumberFormatException ex) {
			throw new SouqException("SOUQ_PORT_OFFSET must be an integer, not '" + value + "'");
		}
	}

	/**
	 * A component's main port.
	 * @param component the component
	 * @return its port with the offset
	 */
	public int of(Component component) {
		return component.basePort() + this.offset;
	}

	/**
	 * Kafka's client listener.
	 * @return the port
	 */
	public int kafka() {
		return of(Component.KAFKA);
	}

	/**
	 * Kafka's controller listener.
	 * @return the port
	 */
	public int kafkaController() {
		return KAFKA_CONTROLLER + this.offset;
	}

	/**
	 * The MongoDB-protocol server's port.
	 * @return the port
	 */
	public int mongo() {
		return of(Component.MONGO);
	}

	/**
	 * GreenMail's SMTP port.
	 * @return the port
	 */
	public int smtp() {
		return of(Component.SMTP);
	}

	/**
	 * GreenMail's IMAP port.
	 * @return the port
	 */
	public int imap() {
		return IMAP + this.offset;
	}

	/**
	 * GreenMail's REST API port.
	 * @return the port
	 */
	public int greenMailApi() {
		return GREENMAIL_API + this.offset;
	}

	/**
	 * Every port a component listens on.
	 * @param component the component
	 * @return its ports, main port first
	 */
	public int[] listening(Component component) {
		if (component.equals(Component.KAFKA)) {
			return new int[] { kafka(), kafkaController() };
		}
		if (component.equals(Component.SMTP)) {
			return new int[] { smtp(), imap(), greenMailApi() };
		}
		return new int[] { of(component) };
	}

	/**
	 * The Kafka bootstrap address.
	 * @return e.g. {@code 127.0.0.1:9092}
	 */
	public String kafkaBootstrap() {
		return HOST + ":" + kafka();
	}

	/**
	 * The MongoDB URI of one database.
	 * @param database the database, e.g. {@code order}
	 * @return e.g. {@code mongodb://127.0.0.1:27017/order}
	 */
	public String mongoUri(String database) {
		return "mongodb://" + HOST + ":" + mongo() + "/" + database;
	}

	/**
	 * The base URL of an HTTP component.
	 * @param component an application
	 * @return e.g. {@code http://127.0.0.1:8080}
	 */
	public String httpUrl(Component component) {
		return "http://" + HOST + ":" + of(component);
	}

	private static Map<String, Integer> basePorts() {
		Map<String, Integer> ports = new LinkedHashMap<>();
		for (Component component : Component.ALL) {
			ports.put(component.name(), component.basePort());
		}
		ports.put("kafka controller", KAFKA_CONTROLLER);
		ports.put("imap", IMAP);
		ports.put("greenmail api", GREENMAIL_API);
		return ports;
	}

}
