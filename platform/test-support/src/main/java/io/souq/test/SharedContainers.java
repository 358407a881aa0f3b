package io.souq.test;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * One Kafka and one MongoDB container per test JVM, started on first use (Ryuk removes
 * them when the JVM ends).
 */
final class SharedContainers {

	private static KafkaContainer kafka;

	private static MongoDBContainer mongo;

	private SharedContainers() {
	}

	static synchronized KafkaContainer kafka() {
		if (kafka == null) {
			kafka = new KafkaContainer(SouqTestInfrastructure.KAFKA_IMAGE);
			kafka.start();
		}
		return kafka;
	}

	static synchronized MongoDBContainer mongo() {
		if (mongo == null) {
			mongo = new MongoDBContainer(SouqTestInfrastructure.MONGO_IMAGE);
			mongo.start();
		}
		return mongo;
	}

}
