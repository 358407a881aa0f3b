package io.souq.test;

import java.util.Map;

import io.souq.mongo.EmbeddedMongoServer;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The Docker-free infrastructure of the tests: a KRaft Kafka broker in the test JVM and
 * the embedded MongoDB-protocol server, each started once per JVM on a free port and
 * stopped when the JVM ends.
 */
public final class EmbeddedInfrastructure {

	private static EmbeddedKafkaKraftBroker kafka;

	private static EmbeddedMongoServer mongo;

	private EmbeddedInfrastructure() {
	}

	/** The bootstrap servers of the shared broker, starting it on first use. */
	public static synchronized String kafkaBootstrapServers() {
		if (kafka == null) {
			EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6);
			broker.brokerProperties(Map.of("auto.create.topics.enable", "true", "group.initial.rebalance.delay.ms", "0",
					"offsets.topic.num.partitions", "6", "log.flush.interval.messages", "1000000"));
			broker.afterPropertiesSet();
			kafka = broker;
			Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-stop"));
		}
		return kafka.getBrokersAsString();
	}

	/**
	 * The connection string of the shared MongoDB-protocol server, starting it on first
	 * use.
	 */
	public static synchronized String mongoConnectionString() {
		if (mongo == null) {
			mongo = EmbeddedMongoServer.startInMemory();
			EmbeddedMongoServer started = mongo;
			Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-mongo-stop"));
		}
		return mongo.connectionString();
	}

}
