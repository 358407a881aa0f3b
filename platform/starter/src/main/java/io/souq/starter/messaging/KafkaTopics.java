package io.souq.starter.messaging;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates topics the starter needs at run time (diagnostics, dead letters), with the
 * broker's default replication factor.
 */
public final class KafkaTopics {

	private KafkaTopics() {
	}

	/**
	 * Creates the topic unless it exists.
	 * @return {@code true} if this call created it
	 * @throws IllegalStateException when the broker cannot be reached or refuses
	 */
	public static boolean ensure(Map<String, Object> adminConfig, String topic, int partitions) {
		try (AdminClient admin = AdminClient.create(adminConfig)) {
			admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())))
				.all()
				.get(10, TimeUnit.SECONDS);
			return true;
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof TopicExistsException) {
				return false;
			}
			throw new IllegalStateException("cannot create " + topic, ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("broker not reachable", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
