package io.souq.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EnvelopeTests {

	@Test
	void newFlowIsItsOwnCorrelation() {
		Envelope<String> ping = Envelope.of("platform.ping", 1, "order-service", "inventory-service", "x");
		assertThat(ping.correlationId()).isEqualTo(ping.id().toString());
		assertThat(ping.causationId()).isNull();
	}

	@Test
	void replyKeepsCorrelationAndPointsAtItsCause() {
		Envelope<String> ping = Envelope.of("platform.ping", 1, "order-service", "inventory-service", "x");
		Envelope<Integer> pong = ping.reply("platform.pong", 1, "inventory-service", "order-service", 1);
		assertThat(pong.correlationId()).isEqualTo(ping.correlationId());
		assertThat(pong.causationId()).isEqualTo(ping.id().toString());
		assertThat(pong.id()).isNotEqualTo(ping.id());
	}

	@Test
	void refusesMissingAttributes() {
		assertThatIllegalArgumentException().isThrownBy(() -> Envelope.of(" ", 1, "a", "b", null));
		assertThatIllegalArgumentException().isThrownBy(() -> Envelope.of("t", 0, "a", "b", null));
		assertThatIllegalArgumentException().isThrownBy(() -> Envelope.of("t", 1, "a", "", null));
	}

	@Test
	void deadLetterTopicNamesTopicAndGroup() {
		assertThat(Topics.deadLetter("catalog.events", "cart-service")).isEqualTo("catalog.events.cart-service.dlq");
	}

}
