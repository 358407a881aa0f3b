package io.souq.starter.consumer;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.support.KafkaUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DeadLetterTopicsTests {

	private final List<String> created = new ArrayList<>();

	private final DeadLetterTopics topics = new DeadLetterTopics("order-service", this.created::add);

	private final ConsumerRecord<String, String> record = new ConsumerRecord<>("inventory.events", 4, 17, "o-1", "{}");

	@AfterEach
	void clearListenerGroup() {
		KafkaUtils.clearConsumerGroupId();
	}

	@Test
	void sendsADeadLetterToTheTopicOfItsTopicAndGroupLettingKafkaChooseThePartition() {
		TopicPartition destination = this.topics.apply(this.record, new IllegalStateException());
		assertThat(destination.topic()).isEqualTo("inventory.events.order-service.dlq");
		assertThat(destination.partition()).isEqualTo(-1);
	}

	@Test
	void namesTheTopicAfterTheGroupOfTheListenerThatFailed() {
		KafkaUtils.setConsumerGroupId("order-saga");
		assertThat(this.topics.apply(this.record, new IllegalStateException()).topic())
			.isEqualTo("inventory.events.order-saga.dlq");
	}

	@Test
	void createsEachTopicOnce() {
		this.topics.apply(this.record, new IllegalStateException());
		this.topics.apply(this.record, new IllegalStateException());
		assertThat(this.created).containsExactly("inventory.events.order-service.dlq");
	}

	@Test
	void stillRoutesWhenTheTopicCannotBeCreated() {
		DeadLetterTopics failing = new DeadLetterTopics("order-service", (topic) -> {
			throw new IllegalStateException("not authorized");
		});
		assertThat(failing.apply(this.record, new IllegalStateException()).topic())
			.isEqualTo("inventory.events.order-service.dlq");
	}

	@Test
	void tellsItsDeadLetterTopicsAndTheirOriginalTopics() {
		assertThat(this.topics.isDeadLetterTopic("inventory.events.order-service.dlq")).isTrue();
		assertThat(this.topics.isDeadLetterTopic("inventory.events.payment-service.dlq")).isFalse();
		assertThat(this.topics.isDeadLetterTopic(".order-service.dlq")).isFalse();
		assertThat(this.topics.isDeadLetterTopic("inventory.events")).isFalse();
		assertThat(this.topics.originalTopic("inventory.events.order-service.dlq")).isEqualTo("inventory.events");
		assertThatIllegalArgumentException().isThrownBy(() -> this.topics.originalTopic("inventory.events"));
	}

}
