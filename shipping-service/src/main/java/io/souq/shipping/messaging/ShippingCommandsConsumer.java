package io.souq.shipping.messaging;

import java.util.List;

import io.souq.events.Envelope;
import io.souq.events.Topics;
import io.souq.events.order.ShippingAddress;
import io.souq.events.shipping.CancelShipment;
import io.souq.events.shipping.CreateShipment;
import io.souq.shipping.Address;
import io.souq.shipping.Countries;
import io.souq.shipping.Parcel;
import io.souq.shipping.ShipmentRequest;
import io.souq.shipping.Shipments;
import io.souq.shipping.ShippingOption;
import io.souq.starter.consumer.Deduplication;
import io.souq.starter.consumer.TopicConsumer;
import io.souq.starter.messaging.EnvelopeCodec;
import io.souq.starter.messaging.MalformedMessageException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The order saga's shipping commands. Each handler derives its idempotency from the
 * shipment document (keyed by order id) and records the command id in the same write as
 * its answer, so the starter's processed-messages store is not needed. A command that can
 * never be carried out (no order id or customer, an unknown option, no weight) goes to
 * the dead-letter topic at once instead of blocking the partition.
 */
@Configuration(proxyBeanMethods = false)
class ShippingCommandsConsumer {

	@Bean
	TopicConsumer shippingCommands(Shipments shipments, EnvelopeCodec codec) {
		return TopicConsumer.of(Topics.SHIPPING_COMMANDS)
			.deduplication(Deduplication.HANDLER)
			.on(CreateShipment.TYPE,
					(command) -> shipments.create(command, request(command, codec.data(command, CreateShipment.class))))
			.on(CancelShipment.TYPE, (command) -> {
				CancelShipment cancel = codec.data(command, CancelShipment.class);
				shipments.cancel(command, orderId(command, cancel.orderId()), text(cancel.reason()));
			});
	}

	/**
	 * What the command asks to ship; an incomplete address is the shipment's business (it
	 * is refused with {@code ADDRESS_REJECTED}), a command without a customer, option or
	 * weight is malformed.
	 */
	static ShipmentRequest request(Envelope<?> command, CreateShipment create) {
		String orderId = orderId(command, create.orderId());
		String customerId = text(create.customerId());
		if (customerId == null) {
			throw malformed(command, "has no customerId");
		}
		ShippingOption option;
		try {
			option = ShippingOption.parse(create.option());
		}
		catch (IllegalArgumentException ex) {
			throw malformed(command, "has an unknown option " + create.option());
		}
		if (create.weightGrams() < 1) {
			throw malformed(command, "has no weight");
		}
		List<Parcel.Item> items = (create.items() != null)
				? create.items().stream().map((line) -> new Parcel.Item(line.sku(), line.quantity())).toList()
				: List.of();
		return new ShipmentRequest(orderId, customerId, address(create.address()), option,
				new Parcel(create.weightGrams(), items));
	}

	private static Address address(ShippingAddress address) {
		if (address == null) {
			return null;
		}
		return new Address(text(address.name()), text(address.line1()), text(address.line2()), text(address.city()),
				text(address.postalCode()), Countries.normalize(address.country()), text(address.phone()));
	}

	/** The order id of the payload, or the envelope's subject (the order id too). */
	static String orderId(Envelope<?> command, String orderId) {
		String id = text(orderId);
		return (id != null) ? id : command.subject();
	}

	private static String text(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static MalformedMessageException malformed(Envelope<?> command, String problem) {
		return new MalformedMessageException(command.type() + " " + command.id() + " " + problem, null);
	}

}
