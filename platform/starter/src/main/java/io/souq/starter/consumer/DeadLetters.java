package io.souq.starter.consumer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.souq.events.Headers;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.kafka.support.KafkaHeaders;

/**
 * What operators do with dead letters: list the dead-letter topics of the service's group
 * with their counts and latest messages (error headers included), and replay a topic's
 * messages to the topic they came from.
 * <p>
 * Reading uses short-lived consumers without a group. A replay remembers how far it got
 * in the offsets of the group {@code <group>.dlq-replay}, so the next replay sends only
 * what arrived since; messages that fail again come back as new dead letters. Kafka keeps
 * replayed messages until its retention removes them.
 */
public class DeadLetters {

	/** Added to a replayed message: {@code <dead-letter topic>:<partition>:<offset>}. */
	public static final String REPLAYED_FROM_HEADER = "souq_replayed_from";

	private static final String DLT_HEADER_PREFIX = "kafka_dlt-";

	private static final int VALUE_PREVIEW = 2000;

	private final DeadLetterTopics topics;

	private final Map<String, Object> adminConfig;

	private final Map<String, Object> consumerConfig;

	private final Map<String, Object> producerConfig;

	private final Duration timeout;

	/**
	 * @param topics the naming of the service's dead-letter topics
	 * @param adminConfig how to reach the cluster
	 * @param consumerConfig the service's consumer settings
	 * @param producerConfig the service's producer settings
	 * @param timeout how long one broker operation may take
	 */
	public DeadLetters(DeadLetterTopics topics, Map<String, Object> adminConfig, Map<String, Object> consumerConfig,
			Map<String, Object> producerConfig, Duration timeout) {
		this.topics = topics;
		this.adminConfig = Map.copyOf(adminConfig);
		this.consumerConfig = Map.copyOf(consumerConfig);
		this.producerConfig = Map.copyOf(producerConfig);
		this.timeout = timeout;
	}

	public String group() {
		return this.topics.group();
	}

	/** The consumer group whose offsets remember how far replays got. */
	public String replayGroup() {
		return group() + ".dlq-replay";
	}

	/** Every dead-letter topic of the service's group, with its latest messages. */
	public List<TopicSummary> list(int latest) {
		List<TopicSummary> summaries = new ArrayList<>();
		for (String topic : deadLetterTopics()) {
			summaries.add(describe(topic, latest).orElseThrow());
		}
		return summaries;
	}

	/**
	 * One dead-letter topic with its latest messages, newest first.
	 * @return empty when the topic is not a dead-letter topic of the group or does not
	 * exist
	 */
	public Optional<TopicSummary> describe(String topic, int latest) {
		if (!this.topics.isDeadLetterTopic(topic)) {
			return Optional.empty();
		}
		try (KafkaConsumer<byte[], byte[]> consumer = consumer(null)) {
			List<TopicPartition> partitions = partitions(consumer, topic);
			if (partitions.isEmpty()) {
				return Optional.empty();
			}
			Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, this.timeout);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions, this.timeout);
			Map<TopicPartition, Long> replayed = replayedOffsets();
			long messages = 0;
			long pending = 0;
			Map<TopicPartition, Long> from = new HashMap<>();
			for (TopicPartition partition : partitions) {
				long first = begin.get(partition);
				long last = end.get(partition);
				messages += last - first;
				pending += last - Math.min(last, Math.max(first, replayed.getOrDefault(partition, first)));
				from.put(partition, Math.max(first, last - latest));
			}
			List<DeadLetter> letters = new ArrayList<>();
			for (ConsumerRecord<byte[], byte[]> record : read(consumer, from, end)) {
				TopicPartition partition = new TopicPartition(record.topic(), record.partition());
				letters.add(deadLetter(record, record.offset() < replayed.getOrDefault(partition, 0L)));
			}
			letters.sort(Comparator.comparing(DeadLetter::timestamp).thenComparing(DeadLetter::offset).reversed());
			return Optional.of(new TopicSummary(topic, this.topics.originalTopic(topic), messages, pending,
					letters.subList(0, Math.min(latest, letters.size()))));
		}
	}

	/**
	 * Sends the messages of the dead-letter topic that no replay has sent yet back to the
	 * topic they came from, with their key, value and headers (without the
	 * {@code kafka_dlt-*} ones, plus {@value #REPLAYED_FROM_HEADER}).
	 * @return empty when the topic is not a dead-letter topic of the group or does not
	 * exist
	 */
	public Optional<ReplayResult> replay(String topic) {
		if (!this.topics.isDeadLetterTopic(topic)) {
			return Optional.empty();
		}
		try (KafkaConsumer<byte[], byte[]> consumer = consumer(replayGroup());
				KafkaProducer<byte[], byte[]> producer = producer()) {
			List<TopicPartition> partitions = partitions(consumer, topic);
			if (partitions.isEmpty()) {
				return Optional.empty();
			}
			Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, this.timeout);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions, this.timeout);
			Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions), this.timeout);
			Map<TopicPartition, Long> from = new HashMap<>();
			for (TopicPartition partition : partitions) {
				OffsetAndMetadata done = committed.get(partition);
				long start = Math.max(begin.get(partition), (done != null) ? done.offset() : 0);
				from.put(partition, Math.min(start, end.get(partition)));
			}
			List<Future<RecordMetadata>> sent = new ArrayList<>();
			Map<String, Integer> byTopic = new TreeMap<>();
			for (ConsumerRecord<byte[], byte[]> record : read(consumer, from, end)) {
				String original = originalTopic(record);
				sent.add(producer.send(replayRecord(record, original)));
				byTopic.merge(original, 1, Integer::sum);
			}
			producer.flush();
			for (Future<RecordMetadata> result : sent) {
				result.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			Map<TopicPartition, OffsetAndMetadata> progress = new HashMap<>();
			end.forEach((partition, offset) -> progress.put(partition, new OffsetAndMetadata(offset)));
			consumer.commitSync(progress, this.timeout);
			return Optional.of(new ReplayResult(topic, sent.size(), byTopic));
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("replay of " + topic + " failed: " + ex.getCause(), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("replay of " + topic + " timed out", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/** The record sent back to the original topic. */
	static ProducerRecord<byte[], byte[]> replayRecord(ConsumerRecord<byte[], byte[]> record, String originalTopic) {
		RecordHeaders headers = new RecordHeaders();
		for (Header header : record.headers()) {
			if (!header.key().startsWith(DLT_HEADER_PREFIX) && !header.key().equals(REPLAYED_FROM_HEADER)) {
				headers.add(header);
			}
		}
		headers.add(REPLAYED_FROM_HEADER,
				(record.topic() + ":" + record.partition() + ":" + record.offset()).getBytes(StandardCharsets.UTF_8));
		return new ProducerRecord<>(originalTopic, null, record.key(), record.value(), headers);
	}

	/** Where a dead letter came from: its header, else the dead-letter topic's name. */
	String originalTopic(ConsumerRecord<byte[], byte[]> record) {
		String header = text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
		return (header != null) ? header : this.topics.originalTopic(record.topic());
	}

	private DeadLetter deadLetter(ConsumerRecord<byte[], byte[]> record, boolean replayed) {
		String value = (record.value() != null) ? new String(record.value(), StandardCharsets.UTF_8) : null;
		if (value != null && value.length() > VALUE_PREVIEW) {
			value = value.substring(0, VALUE_PREVIEW) + "…";
		}
		return new DeadLetter(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
				(record.key() != null) ? new String(record.key(), StandardCharsets.UTF_8) : null,
				text(record, Headers.ID), text(record, Headers.TYPE), originalTopic(record),
				number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION), number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET),
				text(record, KafkaHeaders.DLT_EXCEPTION_FQCN), text(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN),
				text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE), replayed, value);
	}

	/**
	 * The records of the assigned partitions from the given offsets to the end offsets.
	 */
	private List<ConsumerRecord<byte[], byte[]>> read(KafkaConsumer<byte[], byte[]> consumer,
			Map<TopicPartition, Long> from, Map<TopicPartition, Long> end) {
		from.forEach(consumer::seek);
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		long deadline = System.nanoTime() + this.timeout.toNanos();
		while (end.entrySet().stream().anyMatch((last) -> consumer.position(last.getKey()) < last.getValue())) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("could not read " + end.keySet() + " to the end in time");
			}
			for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
				if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
					records.add(record);
				}
			}
		}
		return records;
	}

	private List<String> deadLetterTopics() {
		try (AdminClient admin = AdminClient.create(this.adminConfig)) {
			return admin.listTopics()
				.names()
				.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS)
				.stream()
				.filter(this.topics::isDeadLetterTopic)
				.sorted()
				.toList();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("cannot list topics: " + ex.getCause(), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("broker not reachable", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private Map<TopicPartition, Long> replayedOffsets() {
		try (AdminClient admin = AdminClient.create(this.adminConfig)) {
			Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(replayGroup())
				.partitionsToOffsetAndMetadata()
				.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			Map<TopicPartition, Long> replayed = new HashMap<>();
			offsets.forEach((partition, offset) -> {
				if (offset != null) {
					replayed.put(partition, offset.offset());
				}
			});
			return replayed;
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("cannot read the offsets of " + replayGroup() + ": " + ex.getCause(),
					ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("broker not reachable", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/** The topic's partitions, assigned to the consumer. */
	private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
		List<PartitionInfo> infos = consumer.partitionsFor(topic, this.timeout);
		if (infos == null || infos.isEmpty()) {
			return List.of();
		}
		List<TopicPartition> partitions = infos.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.toList();
		consumer.assign(partitions);
		return partitions;
	}

	private KafkaConsumer<byte[], byte[]> consumer(String group) {
		Map<String, Object> config = new HashMap<>(this.consumerConfig);
		config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		if (group != null) {
			config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		}
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, group() + "-deadletters");
		return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	private KafkaProducer<byte[], byte[]> producer() {
		Map<String, Object> config = new HashMap<>(this.producerConfig);
		config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		config.put(ProducerConfig.CLIENT_ID_CONFIG, group() + "-dlq-replay");
		return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
	}

	private static String text(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	/** A number header written by the dead-letter recoverer (big-endian int or long). */
	private static Long number(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		if (header == null || header.value() == null) {
			return null;
		}
		byte[] value = header.value();
		return switch (value.length) {
			case Integer.BYTES -> (long) ByteBuffer.wrap(value).getInt();
			case Long.BYTES -> ByteBuffer.wrap(value).getLong();
			default -> null;
		};
	}

	/**
	 * A dead-letter topic.
	 *
	 * @param topic its name
	 * @param originalTopic the topic its messages came from
	 * @param messages messages it holds
	 * @param pending messages no replay has sent yet
	 * @param latest its latest messages, newest first
	 */
	public record TopicSummary(String topic, String originalTopic, long messages, long pending,
			List<DeadLetter> latest) {
	}

	/**
	 * A dead letter.
	 *
	 * @param partition partition in the dead-letter topic
	 * @param offset offset in the dead-letter topic
	 * @param timestamp when it became a dead letter
	 * @param key the Kafka key
	 * @param id the envelope id header
	 * @param type the envelope type header
	 * @param originalTopic where it came from
	 * @param originalPartition its partition there
	 * @param originalOffset its offset there
	 * @param exception the class of the error
	 * @param exceptionCause the class of the error's cause
	 * @param exceptionMessage the error's message
	 * @param replayed whether a replay has sent it back already
	 * @param value the value, cut after 2,000 characters
	 */
	public record DeadLetter(int partition, long offset, Instant timestamp, String key, String id, String type,
			String originalTopic, Long originalPartition, Long originalOffset, String exception, String exceptionCause,
			String exceptionMessage, boolean replayed, String value) {
	}

	/**
	 * The outcome of a replay.
	 *
	 * @param topic the dead-letter topic
	 * @param replayed messages sent back
	 * @param byTopic messages sent back per original topic
	 */
	public record ReplayResult(String topic, int replayed, Map<String, Integer> byTopic) {
	}

}
