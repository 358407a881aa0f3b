package io.souq.starter.consumer;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.souq.starter.messaging.MalformedMessageException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The error handling of every listener of a service: bounded attempts with exponential
 * back-off, then the dead-letter topic with the error in the standard {@code kafka_dlt-*}
 * headers (exception, message, stack trace, original topic, partition, offset, group).
 * Malformed messages and JSON errors are not retried. The partition keeps flowing: the
 * failed record is committed once it is in the dead-letter topic.
 */
public final class ConsumerErrorHandler {

	private ConsumerErrorHandler() {
	}

	/**
	 * The error handler that publishes dead letters with the template.
	 */
	public static DefaultErrorHandler create(KafkaOperations<?, ?> template, DeadLetterTopics deadLetterTopics,
			ConsumerProperties properties, MeterRegistry registry) {
		return create(new DeadLetterPublishingRecoverer(template, deadLetterTopics), properties, registry);
	}

	static DefaultErrorHandler create(ConsumerRecordRecoverer recoverer, ConsumerProperties properties,
			MeterRegistry registry) {
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.attempts() - 1);
		backOff.setInitialInterval(properties.initialInterval().toMillis());
		backOff.setMultiplier(properties.multiplier());
		backOff.setMaxInterval(properties.maxInterval().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.addNotRetryableExceptions(MalformedMessageException.class, JacksonException.class);
		handler.setLogLevel(KafkaException.Level.WARN);
		handler.setRetryListeners(new DeadLetterCounter(registry));
		ExponentialBackOff outage = new ExponentialBackOff(properties.initialInterval().toMillis(),
				properties.multiplier());
		outage.setMaxInterval(properties.outageMaxInterval().toMillis());
		handler.setBackOffFunction((record, ex) -> isOutage(ex) ? outage : null);
		return handler;
	}

	/** Whether the failure, or one of its causes, is a database that does not answer. */
	static boolean isOutage(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof MongoSocketException
					|| cause instanceof MongoTimeoutException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/** Counts the records that went to a dead-letter topic, by original topic. */
	private record DeadLetterCounter(MeterRegistry registry) implements RetryListener {

		@Override
		public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
		}

		@Override
		public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
			Counter.builder("souq.messaging.dead-letters")
				.description("Messages sent to a dead-letter topic")
				.tag("topic", record.topic())
				.register(this.registry)
				.increment();
		}

	}

}
