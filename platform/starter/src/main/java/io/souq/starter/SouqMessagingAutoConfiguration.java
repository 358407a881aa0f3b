package io.souq.starter;

import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.souq.starter.consumer.ConsumerErrorHandler;
import io.souq.starter.consumer.ConsumerProperties;
import io.souq.starter.consumer.DeadLetterEndpoint;
import io.souq.starter.consumer.DeadLetterTopics;
import io.souq.starter.consumer.DeadLetters;
import io.souq.starter.consumer.MongoProcessedMessages;
import io.souq.starter.consumer.ProcessedMessages;
import io.souq.starter.consumer.TopicConsumer;
import io.souq.starter.consumer.TopicConsumers;
import io.souq.starter.messaging.EnvelopeCodec;
import io.souq.starter.outbox.OutboxProperties;
import io.souq.starter.outbox.OutboxRelay;
import io.souq.starter.outbox.OutboxSaveCallback;
import io.souq.starter.outbox.Outboxed;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * The messaging backbone of every Souq service: the outbox relay, idempotent topic
 * consumers, bounded retries with dead-letter topics, and the dead-letter endpoint. See
 * {@code docs/adr/0003-outbox-and-idempotent-consumers.md}.
 */
@AutoConfiguration(
		after = { KafkaAutoConfiguration.class, DataMongoAutoConfiguration.class, SouqServiceAutoConfiguration.class })
@EnableConfigurationProperties({ OutboxProperties.class, ConsumerProperties.class })
public class SouqMessagingAutoConfiguration {

	private static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(10);

	@Bean
	@ConditionalOnMissingBean
	OutboxRelay outboxRelay(@Value("${spring.application.name}") String service, MongoTemplate mongo,
			KafkaTemplate<String, String> kafka, EnvelopeCodec codec, OutboxProperties properties,
			MongoMappingContext mappingContext, ObjectProvider<MeterRegistry> registry) {
		String owner = ServiceInstance.name(service) + "/" + UUID.randomUUID().toString().substring(0, 8);
		return new OutboxRelay(owner, mongo, kafka, codec, properties, relayedCollections(properties, mappingContext),
				registry.getIfAvailable(() -> Metrics.globalRegistry), Clock.systemUTC());
	}

	@Bean
	OutboxSaveCallback outboxSaveCallback(ObjectProvider<OutboxRelay> relay) {
		return new OutboxSaveCallback(relay::getObject);
	}

	@Bean
	@ConditionalOnMissingBean
	DeadLetterTopics deadLetterTopics(
			@Value("${spring.kafka.consumer.group-id:${spring.application.name}}") String group, KafkaAdmin admin,
			ConsumerProperties properties) {
		return new DeadLetterTopics(group, admin.getConfigurationProperties(), properties.deadLetterPartitions());
	}

	/**
	 * The error handler of every listener container the service's factory makes, the
	 * {@code @KafkaListener} ones included.
	 */
	@Bean
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	DefaultErrorHandler souqKafkaErrorHandler(KafkaTemplate<String, String> kafka, DeadLetterTopics deadLetterTopics,
			ConsumerProperties properties, ObjectProvider<MeterRegistry> registry) {
		return ConsumerErrorHandler.create(kafka, deadLetterTopics, properties,
				registry.getIfAvailable(() -> Metrics.globalRegistry));
	}

	@Bean
	@ConditionalOnMissingBean
	ProcessedMessages processedMessages(MongoTemplate mongo, ConsumerProperties properties) {
		return new MongoProcessedMessages(mongo, properties.processedRetention(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	TopicConsumers topicConsumers(ObjectProvider<TopicConsumer> consumers,
			@Qualifier("kafkaListenerContainerFactory") ConcurrentKafkaListenerContainerFactory<?, ?> factory,
			DeadLetterTopics deadLetterTopics, EnvelopeCodec codec, ProcessedMessages processed,
			ObjectProvider<MeterRegistry> registry) {
		return new TopicConsumers(consumers.orderedStream().toList(), factory, deadLetterTopics.group(), codec,
				processed, registry.getIfAvailable(() -> Metrics.globalRegistry));
	}

	@Bean
	@ConditionalOnMissingBean
	DeadLetters deadLetters(DeadLetterTopics deadLetterTopics, KafkaAdmin admin, ConsumerFactory<?, ?> consumerFactory,
			ProducerFactory<?, ?> producerFactory) {
		return new DeadLetters(deadLetterTopics, admin.getConfigurationProperties(),
				consumerFactory.getConfigurationProperties(), producerFactory.getConfigurationProperties(),
				DEAD_LETTER_TIMEOUT);
	}

	@Bean
	@ConditionalOnMissingBean
	DeadLetterEndpoint deadLetterEndpoint(DeadLetters deadLetters) {
		return new DeadLetterEndpoint(deadLetters);
	}

	/**
	 * The collections of the {@link Outboxed} {@code @Document} classes, found in the
	 * mapping context at every round (so classes it meets late count too), and those of
	 * {@code souq.outbox.collections}.
	 */
	static Supplier<Collection<String>> relayedCollections(OutboxProperties properties,
			MongoMappingContext mappingContext) {
		return () -> {
			Set<String> names = new LinkedHashSet<>(properties.collections());
			for (MongoPersistentEntity<?> entity : mappingContext.getPersistentEntities()) {
				Class<?> type = entity.getType();
				if (Outboxed.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
					names.add(entity.getCollection());
				}
			}
			return names;
		};
	}

}
