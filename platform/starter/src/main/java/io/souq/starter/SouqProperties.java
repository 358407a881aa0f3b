package io.souq.starter;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the shared service defaults.
 *
 * @param mongoServerSelectionTimeout how long a MongoDB operation (and the readiness
 * probe) waits for a reachable server before failing
 * @param kafkaHealthTimeout how long the Kafka health check waits for the cluster to
 * answer
 * @param probeTimeout how long a messaging probe waits for its answer
 */
@ConfigurationProperties("souq")
public record SouqProperties(@DefaultValue("5s") Duration mongoServerSelectionTimeout,
		@DefaultValue("3s") Duration kafkaHealthTimeout, @DefaultValue("10s") Duration probeTimeout) {
}
