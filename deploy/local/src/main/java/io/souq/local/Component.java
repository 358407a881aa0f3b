package io.souq.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One process of the local platform: a piece of infrastructure (Kafka, the
 * MongoDB-protocol server, GreenMail) or an application (the gateway and the services).
 *
 * @param name the component's name, as used on the command line
 * @param kind infrastructure or application
 * @param basePort the component's main port before the port offset is added
 */
public record Component(String name, Kind kind, int basePort) {

	/** Kafka broker and controller (KRaft, one node). */
	public static final Component KAFKA = new Component("kafka", Kind.INFRASTRUCTURE, 9092);

	/** The embedded MongoDB-protocol server. */
	public static final Component MONGO = new Component("mongo", Kind.INFRASTRUCTURE, 27017);

	/** GreenMail: SMTP, IMAP and its REST API. */
	public static final Component SMTP = new Component("smtp", Kind.INFRASTRUCTURE, 3025);

	/** The API gateway. */
	public static final Component GATEWAY = new Component("gateway", Kind.APPLICATION, 8080);

	/**
	 * Every component, in start order (infrastructure first); stopping goes in reverse.
	 */
	public static final List<Component> ALL = List.of(KAFKA, MONGO, SMTP, GATEWAY, app("customer-service", 8081),
			app("catalog-service", 8082), app("cart-service", 8083), app("order-service", 8084),
			app("payment-service", 8085), app("inventory-service", 8086), app("shipping-service", 8087),
			app("notification-service", 8088));

	/** What a component is. */
	public enum Kind {

		/** Kafka, MongoDB, SMTP: started first, stopped last. */
		INFRASTRUCTURE,

		/** A Spring Boot application built by the reactor. */
		APPLICATION

	}

	private static Component app(String name, int port) {
		return new Component(name, Kind.APPLICATION, port);
	}

	/**
	 * Whether this is a Spring Boot application.
	 * @return {@code true} for the gateway and the services
	 */
	public boolean isApp() {
		return this.kind == Kind.APPLICATION;
	}

	/**
	 * The Maven module directory of an application, relative to the repository root.
	 * @return the module, e.g. {@code order-service}
	 */
	public String module() {
		return this.name;
	}

	/**
	 * The executable jar the reactor builds for an application.
	 * @param repositoryRoot the checkout
	 * @return e.g. {@code order-service/target/souq-order-service-exec.jar}
	 */
	public Path executableJar(Path repositoryRoot) {
		return repositoryRoot.resolve(module()).resolve("target").resolve("souq-" + this.name + "-exec.jar");
	}

	/**
	 * The MongoDB database an application uses: its name without {@code -service}.
	 * @return e.g. {@code order} for {@code order-service}
	 */
	public String database() {
		return this.name.endsWith("-service") ? this.name.substring(0, this.name.length() - "-service".length())
				: this.name;
	}

	/**
	 * The environment variable the gateway reads for this service's URI.
	 * @return e.g. {@code ORDER_SERVICE_URI}
	 */
	public String uriVariable() {
		return this.name.toUpperCase(Locale.ROOT).replace('-', '_') + "_URI";
	}

	/**
	 * Finds a component by name.
	 * @param name the name
	 * @return the component
	 * @throws UsageException if there is no such component
	 */
	public static Component named(String name) {
		for (Component component : ALL) {
			if (component.name.equals(name)) {
				return component;
			}
		}
		throw new UsageException("unknown component '" + name + "' (components: " + names(ALL) + ")");
	}

	/**
	 * Parses a selection such as {@code kafka,mongo,smtp}; {@code infra} and {@code apps}
	 * stand for the groups and {@code all} for everything.
	 * @param selection comma-separated names or groups
	 * @return the selected components in start order
	 * @throws UsageException for an unknown name or an empty selection
	 */
	public static List<Component> select(String selection) {
		Set<Component> selected = new LinkedHashSet<>();
		for (String item : selection.split(",")) {
			String name = item.trim();
			if (name.isEmpty()) {
				continue;
			}
			switch (name) {
				case "all" -> selected.addAll(ALL);
				case "infra", "infrastructure" -> selected.addAll(ofKind(Kind.INFRASTRUCTURE));
				case "apps" -> selected.addAll(ofKind(Kind.APPLICATION));
				default -> selected.add(named(name));
			}
		}
		if (selected.isEmpty()) {
			throw new UsageException("no component selected in '" + selection + "'");
		}
		List<Component> ordered = new ArrayList<>(ALL);
		ordered.retainAll(selected);
		return List.copyOf(ordered);
	}

	/**
	 * The components of one kind, in start order.
	 * @param kind the kind
	 * @return the components
	 */
	public static List<Component> ofKind(Kind kind) {
		return ALL.stream().filter((component) -> component.kind == kind).toList();
	}

	/**
	 * The names of components, comma-separated.
	 * @param components the components
	 * @return e.g. {@code kafka, mongo, smtp}
	 */
	public static String names(List<Component> components) {
		return components.stream().map(Component::name).collect(Collectors.joining(", "));
	}

	/**
	 * The names of all components.
	 * @return every name in start order
	 */
	public static List<String> allNames() {
		return Arrays.stream(ALL.toArray(Component[]::new)).map(Component::name).toList();
	}

}
