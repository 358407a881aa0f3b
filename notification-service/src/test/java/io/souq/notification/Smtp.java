package io.souq.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * GreenMail as the real SMTP server of the tests, on a free loopback port that it keeps
 * when it is stopped and started again (an outage of the mail server). One per test JVM.
 */
final class Smtp {

	private static Smtp shared;

	private final ServerSetup setup;

	private GreenMail server;

	private Smtp(int port) {
		this.setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
	}

	static synchronized Smtp server() {
		if (shared == null) {
			shared = new Smtp(freePort());
			shared.start();
			Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "greenmail-stop"));
		}
		return shared;
	}

	int port() {
		return this.setup.getPort();
	}

	/** Starts the server, with an empty mailbox. */
	synchronized void start() {
		if (this.server == null) {
			GreenMail greenMail = new GreenMail(this.setup)
				.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
			greenMail.start();
			this.server = greenMail;
		}
	}

	synchronized void stop() {
		if (this.server != null) {
			this.server.stop();
			this.server = null;
		}
	}

	/** The messages received for an address since the server last started. */
	synchronized List<Mail> to(String address) {
		if (this.server == null) {
			return List.of();
		}
		return Arrays.stream(this.server.getReceivedMessages())
			.filter(message -> recipients(message).contains(address))
			.map(Mail::of)
			.toList();
	}

	private static List<String> recipients(MimeMessage message) {
		try {
			Address[] all = message.getAllRecipients();
			return (all != null) ? Arrays.stream(all).map(a -> ((InternetAddress) a).getAddress()).toList() : List.of();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A received message, decoded. */
	record Mail(String from, List<String> to, String subject, String language, String text, String html) {

		static Mail of(MimeMessage message) {
			try {
				String[] language = message.getHeader("Content-Language");
				return new Mail(((InternetAddress) message.getFrom()[0]).toUnicodeString(), recipients(message),
						message.getSubject(), (language != null) ? language[0] : null, part(message, "text/plain"),
						part(message, "text/html"));
			}
			catch (MessagingException | IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static String part(Part part, String type) throws MessagingException, IOException {
			if (part.isMimeType(type)) {
				return (String) part.getContent();
			}
			if (part.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					String found = part(multipart.getBodyPart(i), type);
					if (found != null) {
						return found;
					}
				}
			}
			return null;
		}

	}

}
