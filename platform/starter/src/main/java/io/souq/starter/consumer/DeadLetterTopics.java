package io.souq.starter.consumer;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import io.souq.events.Topics;
import io.souq.starter.messaging.KafkaTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.support.KafkaUtils;

/**
 * Where a message that cannot be processed goes: {@code <topic>.<group>.dlq}
 * ({@link Topics#deadLetter}), created on first use, the partition left to Kafka (a
 * dead-letter topic need not have as many partitions as its topic). The group is the
 * listener's own, else the service's.
 */
public class DeadLetterTopics implements BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterTopics.class);

	private static final String SUFFIX = ".dlq";

	private final String group;

	private final Consumer<String> creator;

	private final Set<String> created = ConcurrentHashMap.newKeySet();

	/**
	 * @param group the service's consumer group
	 * @param adminConfig how to reach the cluster to create topics
	 * @param partitions partitions of a topic created here
	 */
	public DeadLetterTopics(String group, Map<String, Object> adminConfig, int partitions) {
		this(group, (topic) -> {
			if (KafkaTopics.ensure(adminConfig, topic, partitions)) {
				log.info("Created the dead-letter topic {}", topic);
			}
		});
	}

	DeadLetterTopics(String group, Consumer<String> creator) {
		this.group = group;
		this.creator = creator;
	}

	@Override
	public TopicPartition apply(ConsumerRecord<?, ?> record, Exception exception) {
		String listenerGroup = KafkaUtils.getConsumerGroupId();
		String topic = Topics.deadLetter(record.topic(), (listenerGroup != null) ? listenerGroup : this.group);
		ensureExists(topic);
		return new TopicPartition(topic, -1);
	}

	/** The service's consumer group. */
	public String group() {
		return this.group;
	}

	/** Whether the topic is a dead-letter topic of the service's group. */
	public boolean isDeadLetterTopic(String topic) {
		String suffix = "." + this.group + SUFFIX;
		return topic != null && topic.endsWith(suffix) && topic.length() > suffix.length();
	}

	/** The topic whose dead letters the topic holds, by its name. */
	public String originalTopic(String deadLetterTopic) {
		if (!isDeadLetterTopic(deadLetterTopic)) {
			throw new IllegalArgumentException(deadLetterTopic + " is not a dead-letter topic of " + this.group);
		}
		return deadLetterTopic.substring(0, deadLetterTopic.length() - ("." + this.group + SUFFIX).length());
	}

	private void ensureExists(String topic) {
		if (this.created.contains(topic)) {
			return;
		}
		try {
			this.creator.accept(topic);
			this.created.add(topic);
		}
		catch (RuntimeException ex) {
			// the broker may still create it, or it exists and we may not describe it
			log.warn("Cannot create the dead-letter topic {}: {}", topic, ex.toString());
		}
	}

}
