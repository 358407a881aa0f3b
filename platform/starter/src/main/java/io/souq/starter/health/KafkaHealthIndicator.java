package io.souq.starter.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * UP when the Kafka cluster answers a describe-cluster request within the timeout. Part
 * of the readiness group, so a service takes no traffic before its broker is reachable.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	private final Map<String, Object> config;

	private final Duration timeout;

	private volatile AdminClient client;

	public KafkaHealthIndicator(Map<String, Object> adminConfig, Duration timeout) {
		super("Kafka health check failed");
		this.config = new HashMap<>(adminConfig);
		int millis = (int) timeout.toMillis();
		this.config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
		this.config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
		this.config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "health");
		// while the broker is down, back off instead of reconnecting in a tight loop
		this.config.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 500);
		this.config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5000);
		this.config.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 500);
		this.config.put(AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 5000);
		this.timeout = timeout;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		DescribeClusterResult cluster = client()
			.describeCluster(new DescribeClusterOptions().timeoutMs((int) this.timeout.toMillis()));
		String clusterId = cluster.clusterId().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		int nodes = cluster.nodes().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS).size();
		builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes);
	}

	private AdminClient client() {
		AdminClient current = this.client;
		if (current == null) {
			synchronized (this) {
				current = this.client;
				if (current == null) {
					current = AdminClient.create(this.config);
					this.client = current;
				}
			}
		}
		return current;
	}

	@Override
	public void destroy() {
		AdminClient current = this.client;
		if (current != null) {
			current.close(Duration.ofSeconds(2));
		}
	}

}
