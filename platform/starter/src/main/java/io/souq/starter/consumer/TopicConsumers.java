package io.souq.starter.consumer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.souq.starter.messaging.EnvelopeCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * Runs a listener container per {@link TopicConsumer} bean, made by the service's
 * listener container factory (so it has the starter's error handling and the service's
 * {@code spring.kafka.listener.*} settings), in the service's consumer group.
 */
public class TopicConsumers implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TopicConsumers.class);

	private final List<TopicConsumer> consumers;

	private final ConcurrentKafkaListenerContainerFactory<?, ?> factory;

	private final String group;

	private final EnvelopeCodec codec;

	private final ProcessedMessages processed;

	private final MeterRegistry registry;

	private final List<ConcurrentMessageListenerContainer<?, ?>> containers = new ArrayList<>();

	private volatile boolean running;

	/**
	 * @throws IllegalStateException when two consumers share a topic (their handlers
	 * would split its partitions between them)
	 */
	public TopicConsumers(List<TopicConsumer> consumers, ConcurrentKafkaListenerContainerFactory<?, ?> factory,
			String group, EnvelopeCodec codec, ProcessedMessages processed, MeterRegistry registry) {
		Set<String> topics = new HashSet<>();
		for (TopicConsumer consumer : consumers) {
			if (!topics.add(consumer.topic())) {
				throw new IllegalStateException("Two TopicConsumer beans consume " + consumer.topic()
						+ ": declare all the types of a topic in one");
			}
		}
		this.consumers = List.copyOf(consumers);
		this.factory = factory;
		this.group = group;
		this.codec = codec;
		this.processed = processed;
		this.registry = registry;
	}

	public List<TopicConsumer> consumers() {
		return this.consumers;
	}

	public String group() {
		return this.group;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		for (TopicConsumer consumer : this.consumers) {
			ConcurrentMessageListenerContainer<?, ?> container = this.factory.createContainer(consumer.topic());
			ContainerProperties properties = container.getContainerProperties();
			properties.setGroupId(this.group);
			properties.setMessageListener(
					new EnvelopeDispatcher(consumer, this.group, this.codec, this.processed, this.registry));
			container.setBeanName("souq-consumer-" + consumer.topic());
			container.start();
			this.containers.add(container);
			log.debug("Consuming {} as {}", consumer, this.group);
		}
		this.running = true;
	}

	@Override
	public void stop() {
		CountDownLatch stopped = new CountDownLatch(1);
		stop(stopped::countDown);
		try {
			stopped.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Stops the containers together rather than one poll after the other. */
	@Override
	public void stop(Runnable callback) {
		List<ConcurrentMessageListenerContainer<?, ?>> stopping;
		synchronized (this) {
			stopping = List.copyOf(this.containers);
			this.containers.clear();
			this.running = false;
		}
		if (stopping.isEmpty()) {
			callback.run();
			return;
		}
		AtomicInteger remaining = new AtomicInteger(stopping.size());
		for (ConcurrentMessageListenerContainer<?, ?> container : stopping) {
			container.stop(() -> {
				if (remaining.decrementAndGet() == 0) {
					callback.run();
				}
			});
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Alongside the {@code @KafkaListener} containers. */
	@Override
	public int getPhase() {
		return AbstractMessageListenerContainer.DEFAULT_PHASE;
	}

}
