package io.souq.local;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Readiness and health probes of the components.
 */
final class Probes {

	private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(1000);

	private static final Duration READ_TIMEOUT = Duration.ofMillis(2000);

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(CONNECT_TIMEOUT)
		.build();

	private Probes() {
	}

	/**
	 * Whether a TCP port on the loopback address accepts connections.
	 * @param port the port
	 * @return {@code true} if a connection was accepted
	 */
	static boolean tcp(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(Ports.HOST, port), (int) CONNECT_TIMEOUT.toMillis());
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Whether an SMTP server answers with its {@code 220} greeting.
	 * @param port the SMTP port
	 * @return {@code true} if it greeted
	 */
	static boolean smtp(int port) {
		try (Socket socket = connect(port)) {
			InputStream in = socket.getInputStream();
			byte[] greeting = new byte[3];
			int read = in.readNBytes(greeting, 0, 3);
			boolean ready = read == 3 && new String(greeting, StandardCharsets.US_ASCII).equals("220");
			if (ready) {
				OutputStream out = socket.getOutputStream();
				out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
				out.flush();
			}
			return ready;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Whether a MongoDB-protocol server answers a {@code ping} command (an {@code OP_MSG}
	 * round trip).
	 * @param port the server's port
	 * @return {@code true} if it answered the request
	 */
	static boolean mongo(int port) {
		try (Socket socket = connect(port)) {
			int requestId = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
			OutputStream out = socket.getOutputStream();
			out.write(mongoPing(requestId));
			out.flush();
			DataInputStream in = new DataInputStream(socket.getInputStream());
			byte[] header = new byte[16];
			in.readFully(header);
			ByteBuffer buffer = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
			int length = buffer.getInt();
			buffer.getInt();
			int responseTo = buffer.getInt();
			int opCode = buffer.getInt();
			return length >= 16 && responseTo == requestId && opCode == 2013;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * An {@code OP_MSG} carrying {@code {ping: 1, $db: "admin"}}.
	 * @param requestId the request id
	 * @return the message's bytes
	 */
	static byte[] mongoPing(int requestId) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(0x10);
		writeCString(body, "ping");
		writeInt(body, 1);
		body.write(0x02);
		writeCString(body, "$db");
		byte[] admin = "admin".getBytes(StandardCharsets.UTF_8);
		writeInt(body, admin.length + 1);
		body.writeBytes(admin);
		body.write(0);
		body.write(0);
		byte[] elements = body.toByteArray();
		ByteArrayOutputStream message = new ByteArrayOutputStream();
		int documentLength = 4 + elements.length;
		writeInt(message, 16 + 4 + 1 + documentLength);
		writeInt(message, requestId);
		writeInt(message, 0);
		writeInt(message, 2013);
		writeInt(message, 0);
		message.write(0);
		writeInt(message, documentLength);
		message.writeBytes(elements);
		return message.toByteArray();
	}

	private static void writeInt(ByteArrayOutputStream out, int value) {
		out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
	}

	private static void writeCString(ByteArrayOutputStream out, String value) {
		out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
		out.write(0);
	}

	/**
	 * Asks a Spring Boot application's readiness endpoint.
	 * @param port the application's port
	 * @return {@link Health#UP} if it answered 200 with status UP, otherwise
	 * {@link Health#DOWN}
	 */
	static Health readiness(int port) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://" + Ports.HOST + ":" + port + "/actuator/health/readiness"))
			.timeout(READ_TIMEOUT)
			.header("Accept", "application/json")
			.GET()
			.build();
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			return readinessOf(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			return Health.DOWN;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.DOWN;
		}
	}

	/**
	 * Interprets a readiness response.
	 * @param statusCode the HTTP status
	 * @param body the body
	 * @return UP only for 200 with a top-level status of UP
	 */
	static Health readinessOf(int statusCode, String body) {
		if (statusCode != 200) {
			return Health.DOWN;
		}
		return HealthJson.status(body).filter("UP"::equals).isPresent() ? Health.UP : Health.DOWN;
	}

	/**
	 * Whether the Kafka cluster answers {@code describeCluster}.
	 * @param bootstrap the bootstrap address
	 * @return {@code true} if it answered with a cluster id
	 */
	static boolean kafka(String bootstrap) {
		Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				3000, AdminClientConfig.CLIENT_ID_CONFIG, "souq-readiness");
		Admin admin = Admin.create(config);
		try {
			String clusterId = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
				.clusterId()
				.get(4, TimeUnit.SECONDS);
			return clusterId != null && !clusterId.isEmpty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (Exception ex) {
			return false;
		}
		finally {
			admin.close(Duration.ofSeconds(1));
		}
	}

	private static Socket connect(int port) throws IOException {
		Socket socket = new Socket();
		try {
			socket.connect(new InetSocketAddress(Ports.HOST, port), (int) CONNECT_TIMEOUT.toMillis());
			socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
			return socket;
		}
		catch (IOException ex) {
			socket.close();
			throw ex;
		}
	}

}
