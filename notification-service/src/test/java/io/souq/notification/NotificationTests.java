package io.souq.notification;

import java.time.Instant;
import java.util.UUID;

import io.souq.events.order.OrderShipped;
import io.souq.events.order.OrderLine;
import io.souq.events.Money;
import io.souq.notification.templates.RenderedMail;
import io.souq.notification.templates.Template;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NotificationTests {

	final UUID event = UUID.randomUUID();

	final Instant now = Instant.parse("2026-11-23T10:31:00Z");

	@Test
	void hasTheSameIdForAnEventAndATemplateOnEveryDelivery() {
		assertThat(Notification.idOf(this.event, Template.ORDER_SHIPPED))
			.isEqualTo(Notification.idOf(UUID.fromString(this.event.toString()), Template.ORDER_SHIPPED))
			.isNotEqualTo(Notification.idOf(this.event, Template.ORDER_DELIVERED))
			.isNotEqualTo(Notification.idOf(UUID.randomUUID(), Template.ORDER_SHIPPED));
		assertThat(UUID.fromString(Notification.idOf(this.event, Template.WELCOME)).version()).isEqualTo(3);
	}

	@Test
	void isDueAtOnceWhenRenderedForAKnownRecipient() {
		Notification pending = Notification.pending(this.event, Template.WELCOME, "c-1", null, "a@example.com",
				new RenderedMail("ar", "subject", "text", "<html></html>"), this.now);

		assertThat(pending.status()).isEqualTo(NotificationStatus.PENDING);
		assertThat(pending.nextAttemptAt()).isEqualTo(this.now);
		assertThat(pending.attempts()).isZero();
		assertThat(pending.locale()).isEqualTo("ar");
		assertThat(pending.channel()).isEqualTo("EMAIL");
		assertThat(pending.toString()).doesNotContain("a@example.com", "subject", "text");
	}

	@Test
	void waitsForItsCustomerWithThePayload() {
		Notification waiting = Notification.waiting(this.event, Template.ORDER_SHIPPED, "c-1", "o-1", "{}", this.now);

		assertThat(waiting.status()).isEqualTo(NotificationStatus.WAITING_FOR_CUSTOMER);
		assertThat(waiting.recipient()).isNull();
		assertThat(waiting.nextAttemptAt()).isNull();
		assertThat(waiting.data()).isEqualTo("{}");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Notification.waiting(this.event, Template.ORDER_SHIPPED, " ", "o-1", "{}", this.now));
	}

	@Test
	void keepsTheWaitingPayloadExact() {
		EventPayloads payloads = new EventPayloads();
		OrderShipped shipped = new OrderShipped("o-1", "c-1",
				java.util.List
					.of(new OrderLine("p-1", "SKU-1", "Tea", 3, Money.of("7.50", "EUR"), Money.of("22.50", "EUR"))),
				Money.of("22.50", "EUR"), Money.of("0.10", "EUR"), Money.of("22.60", "EUR"), "EUR", "Aramex", "SQ-1",
				this.now, this.now.plusSeconds(60));

		Object read = payloads.read(payloads.write(shipped), Template.ORDER_SHIPPED);

		assertThat(read).isEqualTo(shipped);
		assertThat(((OrderShipped) read).shipping().amount()).hasToString("0.10");
	}

}
