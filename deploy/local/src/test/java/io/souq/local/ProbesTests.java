package io.souq.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProbesTests {

	@Test
	void theMongoPingIsAWellFormedOpMsg() {
		byte[] message = Probes.mongoPing(7);
		ByteBuffer buffer = ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN);
		assertThat(buffer.getInt()).as("messageLength").isEqualTo(message.length);
		assertThat(buffer.getInt()).as("requestID").isEqualTo(7);
		assertThat(buffer.getInt()).as("responseTo").isZero();
		assertThat(buffer.getInt()).as("opCode").isEqualTo(2013);
		assertThat(buffer.getInt()).as("flagBits").isZero();
		assertThat(buffer.get()).as("section kind").isZero();
		int documentLength = buffer.getInt();
		assertThat(documentLength).isEqualTo(message.length - 21);
		assertThat(message[message.length - 1]).as("document terminator").isZero();
		String text = new String(message, StandardCharsets.ISO_8859_1);
		assertThat(text).contains("ping\0").contains("$db\0").contains("admin\0");
	}

	@Test
	void closedPortsAnswerNothing() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		assertThat(Probes.tcp(port)).isFalse();
		assertThat(Probes.smtp(port)).isFalse();
		assertThat(Probes.mongo(port)).isFalse();
		assertThat(Probes.readiness(port)).isEqualTo(Health.DOWN);
	}

	@Test
	void smtpNeedsThe220Greeting() throws Exception {
		assertThat(greetingServer("220 localhost ESMTP\r\n", Probes::smtp)).isTrue();
		assertThat(greetingServer("554 go away\r\n", Probes::smtp)).isFalse();
	}

	@Test
	void aMongoPortThatDoesNotAnswerIsNotReady() throws Exception {
		assertThat(greetingServer("", Probes::mongo)).isFalse();
	}

	private static boolean greetingServer(String greeting, java.util.function.IntPredicate probe) throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Thread thread = Thread.ofVirtual().start(() -> {
				try (Socket client = server.accept()) {
					OutputStream out = client.getOutputStream();
					out.write(greeting.getBytes(StandardCharsets.US_ASCII));
					out.flush();
					InputStream in = client.getInputStream();
					if (greeting.isEmpty()) {
						client.shutdownOutput();
					}
					in.read();
				}
				catch (IOException ex) {
					// the probe hung up
				}
			});
			boolean result = probe.test(server.getLocalPort());
			thread.join();
			return result;
		}
	}

}
