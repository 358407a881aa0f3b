package io.souq.local;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaConfigTests {

	private static Properties render(int offset) throws IOException {
		Properties properties = new Properties();
		properties
			.load(new StringReader(KafkaConfig.serverProperties(new Ports(offset), Path.of("/home/x/data/kafka"))));
		return properties;
	}

	@Test
	void aSingleCombinedKraftNodeOnLoopback() throws IOException {
		Properties properties = render(0);
		assertThat(properties).containsEntry("process.roles", "broker,controller")
			.containsEntry("node.id", "1")
			.containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
			.containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
			.containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9092")
			.containsEntry("controller.listener.names", "CONTROLLER")
			.containsEntry("log.dirs", "/home/x/data/kafka");
	}

	@Test
	void everyReplicationFactorAndMinIsrIsOne() throws IOException {
		Properties properties = render(0);
		assertThat(properties.stringPropertyNames()
			.stream()
			.filter((key) -> key.endsWith("replication.factor") || key.endsWith("min.isr")
					|| key.equals("min.insync.replicas")))
			.hasSizeGreaterThanOrEqualTo(6)
			.allSatisfy((key) -> assertThat(properties.getProperty(key)).as(key).isEqualTo("1"));
	}

	@Test
	void topicsAreCreatedOnDemandWithSixPartitionsAndNoRebalanceDelay() throws IOException {
		Properties properties = render(0);
		assertThat(properties).containsEntry("num.partitions", "6")
			.containsEntry("auto.create.topics.enable", "true")
			.containsEntry("group.initial.rebalance.delay.ms", "0");
	}

	@Test
	void theOffsetMovesBothListeners() throws IOException {
		Properties properties = render(20000);
		assertThat(properties).containsEntry("controller.quorum.voters", "1@127.0.0.1:29093")
			.containsEntry("listeners", "PLAINTEXT://127.0.0.1:29092,CONTROLLER://127.0.0.1:29093")
			.containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:29092");
	}

	@Test
	void theLog4jConfigurationWritesToStandardOutputOnly() {
		String xml = KafkaConfig.log4j2Xml();
		assertThat(xml).contains("<Console name=\"STDOUT\" target=\"SYSTEM_OUT\">")
			.contains("<Root level=\"INFO\">")
			.doesNotContain("RollingFile")
			.doesNotContain("<File ");
	}

}
