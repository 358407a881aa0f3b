package io.souq.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.souq.events.catalog.ProductCreated;
import io.souq.events.catalog.ProductDiscontinued;
import io.souq.events.catalog.ProductPriceChanged;
import io.souq.events.catalog.ProductUpdated;
import io.souq.events.customer.CustomerRegistered;
import io.souq.events.inventory.StockBelowReorderPoint;
import io.souq.events.inventory.StockLevelChanged;

/**
 * Every message type Souq publishes, by wire name and version. Consumers look the payload
 * record up here and ignore types they do not know.
 */
public final class Contracts {

	public static final List<Contract> ALL = List.of(
			new Contract(CustomerRegistered.TYPE, 1, Topics.CUSTOMER_EVENTS, CustomerRegistered.class),
			new Contract(ProductCreated.TYPE, 1, Topics.CATALOG_EVENTS, ProductCreated.class),
			new Contract(ProductUpdated.TYPE, 1, Topics.CATALOG_EVENTS, ProductUpdated.class),
			new Contract(ProductPriceChanged.TYPE, 1, Topics.CATALOG_EVENTS, ProductPriceChanged.class),
			new Contract(ProductDiscontinued.TYPE, 1, Topics.CATALOG_EVENTS, ProductDiscontinued.class),
			new Contract(StockLevelChanged.TYPE, 1, Topics.INVENTORY_EVENTS, StockLevelChanged.class),
			new Contract(StockBelowReorderPoint.TYPE, 1, Topics.INVENTORY_EVENTS, StockBelowReorderPoint.class));

	private static final Map<String, Contract> BY_TYPE_AND_VERSION = ALL.stream()
		.collect(Collectors.toUnmodifiableMap(c -> key(c.type(), c.version()), Function.identity()));

	private Contracts() {
	}

	/**
	 * The contract of a message, if this version of Souq knows it.
	 */
	public static Optional<Contract> find(String type, int version) {
		return Optional.ofNullable(BY_TYPE_AND_VERSION.get(key(type, version)));
	}

	private static String key(String type, int version) {
		return type + "@" + version;
	}

}
