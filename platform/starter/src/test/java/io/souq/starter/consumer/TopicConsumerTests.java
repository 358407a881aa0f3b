package io.souq.starter.consumer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TopicConsumerTests {

	private final EnvelopeHandler reserve = (envelope) -> {
	};

	private final EnvelopeHandler release = (envelope) -> {
	};

	@Test
	void knowsTheHandlerOfEachDeclaredType() {
		TopicConsumer consumer = TopicConsumer.of("inventory.commands")
			.on("inventory.reserve-stock", this.reserve)
			.on("inventory.release-reservation", this.release);
		assertThat(consumer.handlerOf("inventory.reserve-stock")).isSameAs(this.reserve);
		assertThat(consumer.handlerOf("inventory.release-reservation")).isSameAs(this.release);
		assertThat(consumer.handlerOf("inventory.count-stock")).isNull();
		assertThat(consumer.handlers()).containsOnlyKeys("inventory.reserve-stock", "inventory.release-reservation");
	}

	@Test
	void deduplicatesWithTheProcessedMessageStoreUnlessTold() {
		TopicConsumer consumer = TopicConsumer.of("inventory.commands");
		assertThat(consumer.deduplication()).isEqualTo(Deduplication.PROCESSED_MESSAGES);
		assertThat(consumer.deduplication(Deduplication.HANDLER).deduplication()).isEqualTo(Deduplication.HANDLER);
	}

	@Test
	void eachStepIsANewConsumption() {
		TopicConsumer empty = TopicConsumer.of("inventory.commands");
		TopicConsumer one = empty.on("inventory.reserve-stock", this.reserve);
		assertThat(empty.handlers()).isEmpty();
		assertThat(one.handlers()).hasSize(1);
	}

	@Test
	void rejectsASecondHandlerForAType() {
		TopicConsumer consumer = TopicConsumer.of("inventory.commands").on("inventory.reserve-stock", this.reserve);
		assertThatIllegalArgumentException().isThrownBy(() -> consumer.on("inventory.reserve-stock", this.release));
		assertThatIllegalArgumentException().isThrownBy(() -> TopicConsumer.of(" "));
	}

}
