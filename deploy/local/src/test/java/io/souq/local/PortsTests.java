package io.souq.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PortsTests {

	@Test
	void defaultPorts() {
		Ports ports = Ports.parse(null);
		assertThat(ports.offset()).isZero();
		assertThat(ports.kafka()).isEqualTo(9092);
		assertThat(ports.kafkaController()).isEqualTo(9093);
		assertThat(ports.mongo()).isEqualTo(27017);
		assertThat(ports.smtp()).isEqualTo(3025);
		assertThat(ports.imap()).isEqualTo(3143);
		assertThat(ports.greenMailApi()).isEqualTo(8025);
		assertThat(ports.of(Component.GATEWAY)).isEqualTo(8080);
		assertThat(ports.of(Component.named("notification-service"))).isEqualTo(8088);
		assertThat(ports.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
		assertThat(ports.mongoUri("order")).isEqualTo("mongodb://127.0.0.1:27017/order");
		assertThat(ports.httpUrl(Component.GATEWAY)).isEqualTo("http://127.0.0.1:8080");
	}

	@Test
	void theOffsetIsAddedToEveryPort() {
		Ports ports = Ports.parse(" 1000 ");
		assertThat(ports.kafka()).isEqualTo(10092);
		assertThat(ports.kafkaController()).isEqualTo(10093);
		assertThat(ports.mongo()).isEqualTo(28017);
		assertThat(ports.smtp()).isEqualTo(4025);
		assertThat(ports.imap()).isEqualTo(4143);
		assertThat(ports.greenMailApi()).isEqualTo(9025);
		assertThat(ports.of(Component.named("payment-service"))).isEqualTo(9085);
		assertThat(ports.listening(Component.KAFKA)).containsExactly(10092, 10093);
		assertThat(ports.listening(Component.SMTP)).containsExactly(4025, 4143, 9025);
		assertThat(ports.listening(Component.MONGO)).containsExactly(28017);
		assertThat(ports.mongoUri("cart")).isEqualTo("mongodb://127.0.0.1:28017/cart");
	}

	@Test
	void blankMeansZero() {
		assertThat(Ports.parse("").offset()).isZero();
		assertThat(Ports.parse("  ").offset()).isZero();
	}

	@Test
	void offsetsThatPushAPortOutOfRangeAreRejected() {
		assertThat(new Ports(38518).mongo()).isEqualTo(65535);
		assertThatExceptionOfType(SouqException.class).isThrownBy(() -> new Ports(38519))
			.withMessageContaining("mongo on port 65536");
		assertThatExceptionOfType(SouqException.class).isThrownBy(() -> new Ports(-2100))
			.withMessageContaining("smtp on port 925");
		assertThat(new Ports(-2001).smtp()).isEqualTo(1024);
	}

	@Test
	void nonNumericOffsetsAreRejected() {
		assertThatExceptionOfType(SouqException.class).isThrownBy(() -> Ports.parse("ten"))
			.withMessage("SOUQ_PORT_OFFSET must be an integer, not 'ten'");
	}

}
