package io.souq.notification.mail;

import java.net.ConnectException;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;

import static org.assertj.core.api.Assertions.assertThat;

class MailFailureTests {

	@Test
	void waitsForAServerThatCannotBeReached() {
		MessagingException refused = new MessagingException("Couldn't connect to host, port: 127.0.0.1, 3025",
				new ConnectException("Connection refused"));
		MailSendException failure = new MailSendException("Mail server connection failed", refused,
				Map.of("message", refused));

		assertThat(MailFailure.of(failure)).isEqualTo(MailFailure.UNAVAILABLE);
		assertThat(MailFailure.of(new MailAuthenticationException("535 5.7.8 authentication failed")))
			.isEqualTo(MailFailure.UNAVAILABLE);
	}

	@Test
	void waitsWhenTheServerSaysTryAgainLater() throws AddressException {
		SendFailedException later = new SendFailedException("Invalid Addresses",
				new SendFailedException("452 4.2.2 Mailbox full"), new Address[0], new Address[0],
				new Address[] { new InternetAddress("full@example.com") });

		assertThat(MailFailure.of(new MailSendException(Map.of("message", later)))).isEqualTo(MailFailure.UNAVAILABLE);
	}

	@Test
	void waitsWhenTheServerRefusesTheSenderOrTheContent() {
		SendFailedException sender = new SendFailedException("530 5.7.0 Authentication required");

		assertThat(MailFailure.of(new MailSendException(Map.of("message", sender)))).isEqualTo(MailFailure.UNAVAILABLE);
	}

	@Test
	void givesUpARecipientTheServerRefusesForGood() throws AddressException {
		SendFailedException unknown = new SendFailedException("Invalid Addresses",
				new SendFailedException("550 5.1.1 <nobody@example.com>: Recipient address rejected"), new Address[0],
				new Address[0], new Address[] { new InternetAddress("nobody@example.com") });

		assertThat(MailFailure.of(new MailSendException(Map.of("message", unknown)))).isEqualTo(MailFailure.REJECTED);
	}

	@Test
	void givesUpAnAddressThatIsNoAddress() {
		assertThat(MailFailure.of(new MailParseException(new AddressException("Missing final '@domain'"))))
			.isEqualTo(MailFailure.REJECTED);
	}

}
