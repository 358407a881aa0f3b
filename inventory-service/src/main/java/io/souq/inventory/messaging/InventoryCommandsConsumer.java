package io.souq.inventory.messaging;

import io.souq.events.Envelope;
import io.souq.events.Topics;
import io.souq.events.inventory.CommitReservation;
import io.souq.events.inventory.ReleaseReservation;
import io.souq.events.inventory.ReserveStock;
import io.souq.inventory.Reservations;
import io.souq.starter.consumer.Deduplication;
import io.souq.starter.consumer.EnvelopeHandler;
import io.souq.starter.consumer.TopicConsumer;
import io.souq.starter.messaging.EnvelopeCodec;
import io.souq.starter.messaging.MalformedMessageException;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The order saga's commands. Each is idempotent per order by the reservation's state (a
 * repeated command is answered again, never applied twice), so the handlers deduplicate
 * by themselves; a command without an order or with an invalid line goes to the
 * dead-letter topic at once.
 */
@Configuration(proxyBeanMethods = false)
class InventoryCommandsConsumer {

	@Bean
	TopicConsumer inventoryCommands(Reservations reservations, EnvelopeCodec codec) {
		return TopicConsumer.of(Topics.INVENTORY_COMMANDS)
			.deduplication(Deduplication.HANDLER)
			.on(ReserveStock.TYPE,
					wellFormed((command) -> reservations.reserve(command, codec.data(command, ReserveStock.class))))
			.on(ReleaseReservation.TYPE,
					wellFormed(
							(command) -> reservations.release(command, codec.data(command, ReleaseReservation.class))))
			.on(CommitReservation.TYPE, wellFormed(
					(command) -> reservations.commit(command, codec.data(command, CommitReservation.class))));
	}

	private static EnvelopeHandler wellFormed(EnvelopeHandler handler) {
		return (Envelope<JsonNode> command) -> {
			try {
				handler.handle(command);
			}
			catch (IllegalArgumentException ex) {
				throw new MalformedMessageException(command.type() + " " + command.id() + ": " + ex.getMessage(), ex);
			}
		};
	}

}
