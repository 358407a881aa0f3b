package io.souq.starter.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import io.souq.events.Envelope;
import io.souq.events.Topics;
import io.souq.starter.ServiceInstance;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Operator diagnostics: sends a probe to another service through the broker and waits for
 * its answer, proving that both services produce and consume on the real messaging path,
 * and measuring the round trip.
 * <p>
 * Every instance of every service reads the single-partition
 * {@value Topics#PLATFORM_DIAGNOSTICS} topic from its end without a consumer group, so a
 * probe reaches every instance of its target and every answer reaches the instance that
 * waits for it, however a service is scaled.
 */
public class MessagingProbe implements SmartLifecycle {

	static final String REQUESTED = "platform.probe-requested";

	static final String ANSWERED = "platform.probe-answered";

	private static final Logger log = LoggerFactory.getLogger(MessagingProbe.class);

	private final String service;

	private final String instance;

	private final Map<String, Object> adminConfig;

	private final KafkaTemplate<String, String> template;

	private final Map<String, Object> consumerConfig;

	private final EnvelopeCodec codec;

	private final Duration timeout;

	private final Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();

	private volatile boolean running;

	private volatile boolean listening;

	private volatile KafkaConsumer<String, String> consumer;

	private Thread worker;

	public MessagingProbe(String service, Map<String, Object> adminConfig, KafkaTemplate<String, String> template,
			ConsumerFactory<String, String> consumerFactory, EnvelopeCodec codec, Duration timeout) {
		this.service = service;
		this.instance = ServiceInstance.name(service);
		this.adminConfig = adminConfig;
		this.template = template;
		Map<String, Object> config = new HashMap<>(consumerFactory.getConfigurationProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, service + "-probe");
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		this.consumerConfig = config;
		this.codec = codec;
		this.timeout = timeout;
	}

	/** Whether the probe listens, i.e. this instance can send probes and answer them. */
	public boolean isListening() {
		return this.listening;
	}

	public String instance() {
		return this.instance;
	}

	/**
	 * Sends a probe to the target service and waits for the first answer.
	 * @param target the target's {@code spring.application.name}
	 * @return the answering instance and the round-trip time
	 * @throws ProbeFailedException when the probe cannot be sent or nobody answers in
	 * time
	 */
	public ProbeResult probe(String target) {
		if (!this.listening) {
			throw new ProbeFailedException("the messaging probe of " + this.service + " is not listening yet");
		}
		Envelope<ProbeRequest> request = Envelope.of(REQUESTED, 1, this.service, target,
				new ProbeRequest(this.service, this.instance));
		CompletableFuture<String> answer = new CompletableFuture<>();
		String key = request.id().toString();
		this.pending.put(key, answer);
		long started = System.nanoTime();
		try {
			this.template.send(this.codec.toRecord(Topics.PLATFORM_DIAGNOSTICS, request))
				.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			String answeredBy = answer.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			return new ProbeResult(target, answeredBy, Duration.ofNanos(System.nanoTime() - started));
		}
		catch (TimeoutException ex) {
			throw new ProbeFailedException("no answer from " + target + " within " + this.timeout.toMillis() + " ms");
		}
		catch (ExecutionException ex) {
			throw new ProbeFailedException("the probe could not be sent: " + ex.getCause().getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ProbeFailedException("interrupted");
		}
		finally {
			this.pending.remove(key);
		}
	}

	private void handleSafely(ConsumerRecord<String, String> record) {
		try {
			handle(record);
		}
		catch (RuntimeException ex) {
			log.warn("Ignoring diagnostics message at offset {}: {}", record.offset(), ex.toString());
		}
	}

	void handle(ConsumerRecord<String, String> record) {
		Envelope<JsonNode> message;
		try {
			message = this.codec.read(record.value());
		}
		catch (MalformedMessageException ex) {
			log.warn("Ignoring a malformed diagnostics message at offset {}", record.offset());
			return;
		}
		if (REQUESTED.equals(message.type()) && this.service.equals(message.subject())) {
			ProbeRequest request = this.codec.data(message, ProbeRequest.class);
			Envelope<ProbeAnswer> answer = message.reply(ANSWERED, 1, this.service, request.replyTo(),
					new ProbeAnswer(this.instance));
			this.template.send(this.codec.toRecord(Topics.PLATFORM_DIAGNOSTICS, answer));
		}
		else if (ANSWERED.equals(message.type()) && message.causationId() != null) {
			CompletableFuture<String> waiting = this.pending.get(message.causationId());
			if (waiting != null) {
				waiting.complete(this.codec.data(message, ProbeAnswer.class).instance());
			}
		}
	}

	@Override
	public void start() {
		this.running = true;
		this.worker = Thread.ofPlatform().daemon().name("souq-messaging-probe").start(this::run);
	}

	@Override
	public void stop() {
		this.running = false;
		KafkaConsumer<String, String> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		if (this.worker != null) {
			try {
				this.worker.join(Duration.ofSeconds(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void run() {
		TopicPartition partition = new TopicPartition(Topics.PLATFORM_DIAGNOSTICS, 0);
		while (this.running) {
			try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(this.consumerConfig)) {
				this.consumer = kafka;
				KafkaTopics.ensure(this.adminConfig, Topics.PLATFORM_DIAGNOSTICS, 1);
				kafka.assign(List.of(partition));
				kafka.seekToEnd(List.of(partition));
				kafka.position(partition);
				this.listening = true;
				log.debug("Messaging probe of {} listening", this.instance);
				while (this.running) {
					kafka.poll(Duration.ofSeconds(1)).forEach(this::handleSafely);
				}
			}
			catch (WakeupException ex) {
				// stopping
			}
			catch (RuntimeException ex) {
				this.listening = false;
				if (this.running) {
					log.debug("Messaging probe not ready yet: {}", ex.toString());
					LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
				}
			}
			finally {
				this.listening = false;
				this.consumer = null;
			}
		}
	}

	/** Payload of a probe request. */
	record ProbeRequest(String replyTo, String instance) {
	}

	/** Payload of a probe answer. */
	record ProbeAnswer(String instance) {
	}

	/**
	 * The outcome of a probe.
	 *
	 * @param target the probed service
	 * @param answeredBy the instance that answered first
	 * @param roundTrip from send to answer
	 */
	public record ProbeResult(String target, String answeredBy, Duration roundTrip) {
	}

}
