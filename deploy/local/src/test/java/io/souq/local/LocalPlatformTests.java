package io.souq.local;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LocalPlatformTests {

	@TempDir
	Path root;

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private LocalPlatform platform;

	@BeforeEach
	void emptyCheckout() throws Exception {
		Files.createDirectories(this.root.resolve("deploy/local/target/lib"));
		this.platform = LocalPlatform.builder(this.root)
			.portOffset(33000)
			.output(new PrintStream(this.output, true, StandardCharsets.UTF_8))
			.build();
	}

	@Test
	void accessorsUseTheOffset() {
		assertThat(this.platform.gatewayUrl()).isEqualTo("http://127.0.0.1:41080");
		assertThat(this.platform.kafkaBootstrap()).isEqualTo("127.0.0.1:42092");
		assertThat(this.platform.mongoUri()).isEqualTo("mongodb://127.0.0.1:60017");
		assertThat(this.platform.mongoUri("order")).isEqualTo("mongodb://127.0.0.1:60017/order");
		assertThat(this.platform.smtpHost()).isEqualTo("127.0.0.1");
		assertThat(this.platform.smtpPort()).isEqualTo(36025);
		assertThat(this.platform.imapPort()).isEqualTo(36143);
		assertThat(this.platform.greenMailApiUrl()).isEqualTo("http://127.0.0.1:41025");
		assertThat(this.platform.port("payment-service")).isEqualTo(41085);
		assertThat(this.platform.url("order-service")).isEqualTo("http://127.0.0.1:41084");
		assertThat(this.platform.home().root()).isEqualTo(this.root.resolve(".souq"));
		assertThat(this.platform.adminEmail()).isEqualTo("admin@souq.local");
		assertThat(this.platform.adminPassword()).isEqualTo("admin");
	}

	@Test
	void theEnvironmentConfiguresHomeOffsetAdminAndOptions() {
		LocalPlatform configured = LocalPlatform.builder(this.root)
			.environment(Map.of("SOUQ_HOME", this.root.resolve("h").toString(), "SOUQ_PORT_OFFSET", "100",
					"SOUQ_ADMIN_EMAIL", "root@example.org", "SOUQ_ADMIN_PASSWORD", "s3cret", "SOUQ_APP_JAVA_OPTS",
					" -Xmx300m  -XX:+UseSerialGC ", "SOUQ_AOT", "false"))
			.build();
		assertThat(configured.home().root()).isEqualTo(this.root.resolve("h"));
		assertThat(configured.port("kafka")).isEqualTo(9192);
		assertThat(configured.adminEmail()).isEqualTo("root@example.org");
		assertThat(configured.aotEnabled()).isFalse();
		assertThat(configured.appEnvironment(Component.GATEWAY)).containsEntry("SOUQ_ADMIN_PASSWORD", "s3cret");
		assertThatExceptionOfType(SouqException.class)
			.isThrownBy(() -> LocalPlatform.builder(this.root).environment(Map.of("SOUQ_START_CONCURRENCY", "0")))
			.withMessageContaining("SOUQ_START_CONCURRENCY must be a positive integer");
	}

	@Test
	void applicationsGetTheirPortDatabaseBrokerSmtpAndAdmin() {
		Map<String, String> environment = this.platform.appEnvironment(Component.named("order-service"));
		assertThat(environment).containsEntry("SERVER_PORT", "41084")
			.containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:42092")
			.containsEntry("MONGODB_URI", "mongodb://127.0.0.1:60017/order")
			.containsEntry("SMTP_HOST", "127.0.0.1")
			.containsEntry("SMTP_PORT", "36025")
			.containsEntry("SOUQ_ADMIN_EMAIL", "admin@souq.local")
			.containsEntry("SOUQ_ADMIN_PASSWORD", "admin");
	}

	@Test
	void theGatewayGetsEveryServiceUri() {
		Map<String, String> environment = this.platform.appEnvironment(Component.GATEWAY);
		assertThat(environment).containsEntry("SERVER_PORT", "41080")
			.containsEntry("CUSTOMER_SERVICE_URI", "http://127.0.0.1:41081")
			.containsEntry("CATALOG_SERVICE_URI", "http://127.0.0.1:41082")
			.containsEntry("CART_SERVICE_URI", "http://127.0.0.1:41083")
			.containsEntry("ORDER_SERVICE_URI", "http://127.0.0.1:41084")
			.containsEntry("PAYMENT_SERVICE_URI", "http://127.0.0.1:41085")
			.containsEntry("INVENTORY_SERVICE_URI", "http://127.0.0.1:41086")
			.containsEntry("SHIPPING_SERVICE_URI", "http://127.0.0.1:41087")
			.containsEntry("NOTIFICATION_SERVICE_URI", "http://127.0.0.1:41088");
	}

	@Test
	void greenMailListensOnLoopbackWithItsApiOffTheGatewayPort() {
		assertThat(this.platform.greenMailProperties()).contains("-Dgreenmail.smtp.hostname=127.0.0.1",
				"-Dgreenmail.smtp.port=36025", "-Dgreenmail.imap.port=36143", "-Dgreenmail.api.hostname=127.0.0.1",
				"-Dgreenmail.api.port=41025", "-Dgreenmail.auth.disabled=true");
	}

	@Test
	void aMissingApplicationJarNamesTheModuleToBuild() {
		assertThatExceptionOfType(SouqException.class)
			.isThrownBy(() -> this.platform.up(Component.select("order-service")))
			.withMessage("order-service: souq-order-service-exec.jar is missing in order-service/target: build the "
					+ "module (./souq build, or ./mvnw -pl order-service -am -DskipTests install)");
		assertThat(this.platform.running()).isEmpty();
	}

	@Test
	void severalProblemsAreListed() {
		assertThatExceptionOfType(SouqException.class)
			.isThrownBy(() -> this.platform.up(Component.select("mongo,gateway,cart-service")))
			.withMessageStartingWith("3 components cannot start: mongo: io.souq.mongo.MongoServerMain is not on")
			.satisfies((ex) -> assertThat(ex.detail()).contains("gateway: souq-gateway-exec.jar is missing")
				.contains("cart-service: souq-cart-service-exec.jar is missing"));
	}

	@Test
	void aMissingLauncherClasspathSaysHowToBuildIt() throws Exception {
		Files.delete(this.root.resolve("deploy/local/target/lib"));
		assertThatExceptionOfType(SouqException.class).isThrownBy(() -> this.platform.up())
			.withMessageContaining(
					"the launcher classpath deploy/local/target/lib is missing: build it with ./souq build");
	}

	@Test
	void nothingRunningMeansEverythingStopped() {
		List<ComponentStatus> status = this.platform.status();
		assertThat(status).hasSize(12).allSatisfy((row) -> {
			assertThat(row.health()).isEqualTo(Health.STOPPED);
			assertThat(row.pid()).isEmpty();
			assertThat(row.rssKib()).isZero();
		});
		assertThat(status.get(0).port()).isEqualTo(42092);
		assertThat(this.platform.down()).isEmpty();
		assertThat(this.platform.stop("kafka")).isFalse();
	}

	@Test
	void onlyTheComponentsOwnCommandLineFromTheSameHomeIsOurs() {
		SouqHome home = new SouqHome(Path.of("/tmp/h"));
		List<String> payment = List.of("java", "-Dsouq.component=payment-service", "-Dsouq.home=/tmp/h", "-Xmx192m",
				"-jar", "/tmp/h/apps/payment-service/souq-payment-service-exec.jar");
		Component paymentService = Component.named("payment-service");
		assertThat(LocalPlatform.isOurs(paymentService, payment, home)).isTrue();
		assertThat(LocalPlatform.isOurs(paymentService, payment, new SouqHome(Path.of("/tmp/other")))).isFalse();
		assertThat(LocalPlatform.isOurs(Component.named("order-service"), payment, home)).isFalse();
		assertThat(LocalPlatform.isOurs(paymentService, payment.subList(0, 4), home)).isFalse();
		List<String> training = List.of("java", "-Dsouq.home=/tmp/h", "-XX:AOTCacheOutput=/tmp/h/apps/x/app.aot",
				"-jar", "/tmp/h/apps/payment-service/souq-payment-service-exec.jar");
		assertThat(LocalPlatform.isOurs(paymentService, training, home)).isFalse();
		List<String> store = List.of("java", "-Dsouq.component=mongo", "-Dsouq.home=/tmp/h", "-cp", "/tmp/h/lib/*",
				LocalPlatform.MONGO_MAIN, "--port", "27017");
		assertThat(LocalPlatform.isOurs(Component.MONGO, store, home)).isTrue();
		assertThat(LocalPlatform.isOurs(Component.KAFKA, store, home)).isFalse();
	}

	@Test
	void stopTimeoutsLetKafkaShutDownLast() {
		assertThat(LocalPlatform.stopTimeout(Component.KAFKA)).isEqualTo(Duration.ofSeconds(60));
		assertThat(LocalPlatform.stopTimeout(Component.GATEWAY)).isEqualTo(Duration.ofSeconds(20));
	}

	@Test
	void findsTheRepositoryRootFromTheProperty() {
		String previous = System.getProperty("souq.repository.root");
		System.setProperty("souq.repository.root", this.root.toString());
		try {
			assertThat(LocalPlatform.findRepositoryRoot()).isEqualTo(this.root);
		}
		finally {
			if (previous == null) {
				System.clearProperty("souq.repository.root");
			}
			else {
				System.setProperty("souq.repository.root", previous);
			}
		}
	}

}
