package io.souq.starter.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.MongoTimeoutException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.souq.starter.messaging.MalformedMessageException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.core.exc.StreamReadException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class ConsumerErrorHandlerTests {

	private final List<ConsumerRecord<?, ?>> deadLetters = new ArrayList<>();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final DefaultErrorHandler handler = ConsumerErrorHandler
		.create((record, ex) -> this.deadLetters.add(record), new ConsumerProperties(3, Duration.ofMillis(1), 2.0,
				Duration.ofMillis(2), Duration.ofMillis(2), 1, Duration.ofDays(7)), this.registry);

	private final Consumer<?, ?> consumer = mock(Consumer.class);

	private final MessageListenerContainer container = mock(MessageListenerContainer.class);

	@Test
	void sendsAMalformedMessageToTheDeadLetterTopicAtOnce() {
		ConsumerRecord<String, String> poison = record(1);
		Exception failure = new ListenerExecutionFailedException("listener failed",
				new MalformedMessageException("not a valid envelope", null));
		assertThat(this.handler.handleOne(failure, poison, this.consumer, this.container)).isTrue();
		assertThat(this.deadLetters).containsExactly(poison);
		assertThat(this.registry.get("souq.messaging.dead-letters").tag("topic", "payment.commands").counter().count())
			.isEqualTo(1);
	}

	@Test
	void doesNotRetryAJsonError() {
		ConsumerRecord<String, String> poison = record(2);
		Exception failure = new ListenerExecutionFailedException("listener failed",
				new StreamReadException(null, "unexpected character"));
		assertThat(this.handler.handleOne(failure, poison, this.consumer, this.container)).isTrue();
		assertThat(this.deadLetters).containsExactly(poison);
	}

	@Test
	void retriesATransientFailureUpToTheBoundThenSendsItToTheDeadLetterTopic() {
		ConsumerRecord<String, String> failing = record(3);
		Exception failure = new ListenerExecutionFailedException("listener failed",
				new IllegalStateException("database busy"));
		assertThat(this.handler.handleOne(failure, failing, this.consumer, this.container)).isFalse();
		assertThat(this.handler.handleOne(failure, failing, this.consumer, this.container)).isFalse();
		assertThat(this.deadLetters).isEmpty();
		assertThat(this.handler.handleOne(failure, failing, this.consumer, this.container)).isTrue();
		assertThat(this.deadLetters).containsExactly(failing);
	}

	@Test
	void waitsForAnUnreachableDatabaseInsteadOfDeadLetteringTheMessage() {
		ConsumerRecord<String, String> waiting = record(4);
		Exception failure = new ListenerExecutionFailedException("listener failed",
				new DataAccessResourceFailureException("timed out", new MongoTimeoutException("no server")));
		for (int attempt = 1; attempt <= 10; attempt++) {
			assertThat(this.handler.handleOne(failure, waiting, this.consumer, this.container)).isFalse();
		}
		assertThat(this.deadLetters).isEmpty();
		assertThat(ConsumerErrorHandler.isOutage(new IllegalStateException(new MongoTimeoutException("no server"))))
			.isTrue();
		assertThat(ConsumerErrorHandler.isOutage(new IllegalStateException("database busy"))).isFalse();
	}

	private static ConsumerRecord<String, String> record(long offset) {
		return new ConsumerRecord<>("payment.commands", 0, offset, "o-1", "x");
	}

}
