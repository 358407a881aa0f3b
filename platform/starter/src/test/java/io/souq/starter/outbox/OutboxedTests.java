package io.souq.starter.outbox;

import java.util.UUID;
import java.util.stream.IntStream;

import io.souq.events.Envelope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OutboxedTests {

	@Test
	void keepsMessagesInTheOrderTheyWereCaused() {
		Parcel parcel = new Parcel("p-1");
		parcel.ship("DHL");
		parcel.deliver();
		assertThat(parcel.outbox()).extracting(OutboxMessage::type)
			.containsExactly("parcel.shipped", "parcel.delivered");
		assertThat(parcel.outbox()).extracting(OutboxMessage::topic).containsOnly("parcel.events");
		assertThat(parcel.outbox()).extracting(OutboxMessage::key).containsOnly("p-1");
	}

	@Test
	void storesEachMessageUnderItsEnvelopeId() {
		Parcel parcel = new Parcel("p-1");
		Envelope<String> shipped = parcel.ship("DHL");
		OutboxMessage message = parcel.outbox().get(0);
		assertThat(message.messageId()).isEqualTo(shipped.id().toString());
		assertThat(message.envelope()).contains("\"type\":\"parcel.shipped\"").contains("\"data\":\"DHL\"");
	}

	@Test
	void appliesAMessageOnce() {
		Parcel parcel = new Parcel("p-1");
		Envelope<String> command = Envelope.of("parcel.ship", 1, "order-service", "p-1", "UPS");
		assertThat(parcel.apply(command)).isTrue();
		assertThat(parcel.apply(command)).isFalse();
		assertThat(parcel.hasApplied(command.id())).isTrue();
		assertThat(parcel.outbox()).hasSize(1);
	}

	@Test
	void remembersOnlyTheLatestAppliedMessages() {
		Parcel parcel = new Parcel("p-1");
		Envelope<String> first = Envelope.of("parcel.ship", 1, "order-service", "p-1", "UPS");
		parcel.apply(first);
		IntStream.range(0, Outboxed.APPLIED_MESSAGE_IDS_KEPT)
			.forEach((i) -> parcel.apply(Envelope.of("parcel.ship", 1, "order-service", "p-1", "UPS")));
		assertThat(parcel.hasApplied(first.id())).isFalse();
		assertThat(parcel.hasApplied(UUID.randomUUID())).isFalse();
	}

	@Test
	void outboxCannotBeChangedFromOutside() {
		Parcel parcel = new Parcel("p-1");
		parcel.ship("DHL");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> parcel.outbox().clear());
	}

	static class Parcel extends Outboxed {

		private final String id;

		private String carrier;

		Parcel(String id) {
			this.id = id;
		}

		Envelope<String> ship(String carrier) {
			this.carrier = carrier;
			Envelope<String> shipped = Envelope.of("parcel.shipped", 1, "shipping-service", this.id, carrier);
			message("parcel.events", shipped);
			return shipped;
		}

		void deliver() {
			message("parcel.events", Envelope.of("parcel.delivered", 1, "shipping-service", this.id, this.carrier));
		}

		boolean apply(Envelope<String> command) {
			if (!markApplied(command)) {
				return false;
			}
			ship(command.data());
			return true;
		}

	}

}
