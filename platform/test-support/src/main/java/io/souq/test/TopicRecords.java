package io.souq.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import static org.awaitility.Awaitility.await;

/**
 * Reads a topic from its beginning, as an outside consumer would, until records that
 * match arrive: what a producer's test uses to see what really went over the broker.
 */
public final class TopicRecords {

	private TopicRecords() {
	}

	/**
	 * Waits until at least one record of the topic matches, and returns every match.
	 */
	public static List<ConsumerRecord<String, String>> awaitMatching(String bootstrapServers, String topic,
			Predicate<ConsumerRecord<String, String>> matching, Duration timeout) {
		List<ConsumerRecord<String, String>> matches = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"test-reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
						ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
						ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
			consumer.subscribe(List.of(topic));
			await().atMost(timeout).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(record -> {
					if (matching.test(record)) {
						matches.add(record);
					}
				});
				return !matches.isEmpty();
			});
		}
		return matches;
	}

}
