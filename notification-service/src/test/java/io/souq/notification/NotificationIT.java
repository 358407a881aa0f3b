package io.souq.notification;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.souq.events.Topics;
import io.souq.events.customer.CustomerRegistered;
import io.souq.events.inventory.StockBelowReorderPoint;
import io.souq.events.order.OrderCancelled;
import io.souq.events.order.OrderConfirmed;
import io.souq.events.order.OrderDelivered;
import io.souq.events.order.OrderShipped;
import io.souq.events.payment.PaymentRefunded;
import io.souq.notification.Smtp.Mail;
import io.souq.notification.templates.Template;
import io.souq.test.ApiClient;
import io.souq.test.TestTokens;
import io.souq.test.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Events in, emails out through a real SMTP server (GreenMail), on the real broker and
 * MongoDB-protocol server; and the Notifications row of the API contract over real HTTP.
 * Every event is published twice, as a redelivery would.
 */
class NotificationIT extends NotificationContext {

	static final Duration PATIENCE = Duration.ofSeconds(30);

	@Test
	void sendsEachMessageOnceInTheCustomersLanguageEvenWhenEveryEventComesTwice() throws Exception {
		String customer = UUID.randomUUID().toString();
		String email = address("layla");
		register(customer, email, "ليلى", "ar");
		String order = UUID.randomUUID().toString();
		String cancelledOrder = UUID.randomUUID().toString();
		orderEvent(OrderConfirmed.TYPE, order, customer);
		orderEvent(OrderShipped.TYPE, order, customer);
		publishTwice(Topics.PAYMENT_EVENTS, PaymentRefunded.TYPE, order, (data) -> {
			data.put("orderId", order);
			data.put("customerId", customer);
		});
		orderEvent(OrderDelivered.TYPE, order, customer);
		orderEvent(OrderCancelled.TYPE, cancelledOrder, customer);

		List<Mail> mails = awaitMails(email, 6);
		awaitConsumed();
		assertThat(smtp.to(email)).hasSize(6);
		assertThat(this.mongo.count(query(where("customerId").is(customer)), Notification.class)).isEqualTo(6);
		String number = order.substring(0, 8);
		assertThat(mails).extracting(Mail::subject)
			.containsExactlyInAnyOrder("أهلاً بك في سوق", "تم تأكيد طلبك " + number,
					"طلبك " + number + " في الطريق إليك", "تم تسليم طلبك " + number,
					"استرداد مبلغ \u200f٢٥٫٩٠\u00a0€ لطلبك " + number,
					"تم إلغاء طلبك " + cancelledOrder.substring(0, 8));
		assertThat(mails).allSatisfy(mail -> {
			assertThat(mail.to()).containsExactly(email);
			assertThat(mail.from()).isEqualTo("Souq <no-reply@souq.local>");
			assertThat(mail.language()).isEqualTo("ar");
			assertThat(mail.html()).contains("<html lang=\"ar\" dir=\"rtl\">", "مرحباً ليلى،");
			assertThat(mail.text()).startsWith("مرحباً ليلى،").doesNotContain("<html");
		});
		Mail confirmed = subject(mails, "تم تأكيد طلبك " + number);
		assertThat(confirmed.html()).contains("Moroccan mint tea, 250 g", "\u200f٢٥٫٩٠\u00a0€",
				"<bdi>SQ-AR-000184</bdi>", "المملكة العربية السعودية", "موعد التسليم المتوقع");
		assertThat(confirmed.text()).contains("الإجمالي: \u200f٢٥٫٩٠\u00a0€", "رقم التتبع: SQ-AR-000184");
		assertThat(subject(mails, "تم إلغاء طلبك " + cancelledOrder.substring(0, 8)).text())
			.contains("السبب: رفضت الجهة المصدرة لبطاقتك عملية الدفع.")
			.doesNotContain("PAYMENT_DECLINED");
		assertThat(subject(mails, "طلبك " + number + " في الطريق إليك").text()).contains("شركة الشحن: Aramex");
	}

	@Test
	void sendsAnOrderEmailWhoseCustomerRegistersOnlyAfterIt() throws Exception {
		String customer = UUID.randomUUID().toString();
		String email = address("sam");
		String order = UUID.randomUUID().toString();
		UUID confirmation = orderEvent(OrderConfirmed.TYPE, order, customer);
		String id = Notification.idOf(confirmation, Template.ORDER_CONFIRMED);
		await().atMost(PATIENCE)
			.untilAsserted(
					() -> assertThat(this.mongo.findById(id, Notification.class)).extracting(Notification::status)
						.isEqualTo(NotificationStatus.WAITING_FOR_CUSTOMER));

		register(customer, email, "Sam", "en-GB");

		List<Mail> mails = awaitMails(email, 2);
		Mail confirmed = subject(mails, "Your order " + order.substring(0, 8) + " is confirmed");
		assertThat(confirmed.language()).isEqualTo("en");
		assertThat(confirmed.html()).contains("<html lang=\"en\" dir=\"ltr\">", "Hello Sam,", "€25.90",
				"Expected delivery: <strong>27 November 2026</strong>");
		assertThat(confirmed.text()).contains("Total: €25.90", "Tracking number: SQ-AR-000184");
		assertThat(subject(mails, "Welcome to Souq").text()).startsWith("Hello Sam,");
		assertThat(this.mongo.findById(id, Notification.class)).satisfies(notification -> {
			assertThat(notification.status()).isEqualTo(NotificationStatus.SENT);
			assertThat(notification.recipient()).isEqualTo(email);
			assertThat(notification.orderId()).isEqualTo(order);
		});
	}

	@Test
	void alertsOperationsOnceWhenStockFallsBelowTheReorderPoint() throws Exception {
		String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		publishTwice(Topics.INVENTORY_EVENTS, StockBelowReorderPoint.TYPE, sku, (data) -> data.put("sku", sku));

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(alerts(sku)).extracting(Mail::subject)
				.containsExactly("Low stock: " + sku + " (4 left)"));
		awaitConsumed();
		assertThat(alerts(sku)).singleElement().satisfies(mail -> {
			assertThat(mail.to()).containsExactly(OPERATIONS);
			assertThat(mail.text()).contains("fell to 4", "reorder point of 5");
			assertThat(mail.html()).contains("<strong>" + sku + "</strong>");
		});
	}

	@Test
	void sendsAnEventThatCannotMakeAMessageToTheDeadLetterTopicAndGoesOn() throws Exception {
		String customer = UUID.randomUUID().toString();
		String email = address("huda");
		register(customer, email, "Huda", "en");
		String order = UUID.randomUUID().toString();
		publishTwice(Topics.ORDER_EVENTS, OrderShipped.TYPE, order, (data) -> {
			data.put("orderId", order);
			data.remove("customerId");
		});
		orderEvent(OrderDelivered.TYPE, order, customer);

		List<ConsumerRecord<String, String>> dead = TopicRecords.awaitMatching(bootstrap(),
				Topics.deadLetter(Topics.ORDER_EVENTS, "notification-service"), (record) -> order.equals(record.key()),
				PATIENCE);
		assertThat(dead).isNotEmpty().allSatisfy((record) -> assertThat(record.value()).contains(OrderShipped.TYPE));
		List<Mail> mails = awaitMails(email, 2);
		assertThat(mails).extracting(Mail::subject)
			.containsExactlyInAnyOrder("Welcome to Souq", "Your order " + order.substring(0, 8) + " was delivered");
	}

	@Test
	void keepsAnEmailWhileSmtpIsDownAndSendsItOnceSmtpIsBack() throws Exception {
		String customer = UUID.randomUUID().toString();
		String email = address("noor");
		register(customer, email, "Noor", "en");
		awaitMails(email, 1);
		String order = UUID.randomUUID().toString();

		smtp.stop();
		Notification waiting;
		try {
			UUID shipped = orderEvent(OrderShipped.TYPE, order, customer);
			String id = Notification.idOf(shipped, Template.ORDER_SHIPPED);
			await().atMost(PATIENCE)
				.until(() -> this.mongo.findById(id, Notification.class), (notification) -> notification != null
						&& notification.attempts() >= 2 && notification.lastError() != null);
			waiting = this.mongo.findById(id, Notification.class);
		}
		finally {
			smtp.start();
		}
		assertThat(waiting.status()).isEqualTo(NotificationStatus.PENDING);
		assertThat(waiting.lastError()).isEqualTo("UNAVAILABLE");

		List<Mail> mails = awaitMails(email, 1);
		assertThat(mails).extracting(Mail::subject)
			.containsExactly("Your order " + order.substring(0, 8) + " is on its way");
		assertThat(this.mongo.findById(waiting.id(), Notification.class).status()).isEqualTo(NotificationStatus.SENT);
	}

	@Test
	void listsTheCallersSentMessagesNewestFirstAndNobodyElses() throws Exception {
		String customer = UUID.randomUUID().toString();
		String email = address("omar");
		register(customer, email, "Omar", "en");
		String order = UUID.randomUUID().toString();
		orderEvent(OrderConfirmed.TYPE, order, customer);
		orderEvent(OrderShipped.TYPE, order, customer);
		String token = TestTokens.issuer().customer(customer);
		await().atMost(PATIENCE)
			.untilAsserted(
					() -> assertThat(JsonPath.<Integer>read(get("/api/notifications", token).body(), "$.totalElements"))
						.isEqualTo(3));

		HttpResponse<String> first = get("/api/notifications?page=0&size=2", token);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<Integer>read(first.body(), "$.page")).isZero();
		assertThat(JsonPath.<Integer>read(first.body(), "$.size")).isEqualTo(2);
		assertThat(JsonPath.<Integer>read(first.body(), "$.totalPages")).isEqualTo(2);
		assertThat(JsonPath.<List<String>>read(first.body(), "$.content[*].channel")).containsOnly("EMAIL");
		assertThat(JsonPath.<List<String>>read(first.body(), "$.content[*].locale")).containsOnly("en");
		HttpResponse<String> all = get("/api/notifications?size=100", token);
		assertThat(JsonPath.<List<String>>read(all.body(), "$.content[*].template"))
			.containsExactlyInAnyOrder("welcome", "order-confirmed", "order-shipped");
		List<Instant> sentAt = JsonPath.<List<String>>read(all.body(), "$.content[*].sentAt")
			.stream()
			.map(Instant::parse)
			.toList();
		assertThat(sentAt).isSortedAccordingTo((a, b) -> b.compareTo(a));
		assertThat(JsonPath.<List<String>>read(all.body(), "$.content[?(@.template == 'order-shipped')].subject"))
			.containsExactly("Your order " + order.substring(0, 8) + " is on its way");
		assertThat(JsonPath.<List<String>>read(all.body(), "$.content[?(@.template == 'order-shipped')].orderId"))
			.containsExactly(order);
		assertThat(JsonPath.<List<String>>read(all.body(), "$.content[*].id")).doesNotHaveDuplicates().hasSize(3);
		assertThat(all.body()).doesNotContain("textBody", "htmlBody", email);

		HttpResponse<String> someoneElse = get("/api/notifications",
				TestTokens.issuer().customer(UUID.randomUUID().toString()));
		assertThat(someoneElse.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<Integer>read(someoneElse.body(), "$.totalElements")).isZero();
		assertThat(get("/api/notifications", null).statusCode()).isEqualTo(401);
		assertThat(get("/api/notifications", TestTokens.issuer().forged(customer, "CUSTOMER")).statusCode())
			.isEqualTo(401);
		HttpResponse<String> bad = get("/api/notifications?page=-1&size=abc", token);
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<List<String>>read(bad.body(), "$.errors[*].field")).containsExactlyInAnyOrder("page",
				"size");
	}

	private void register(String customer, String email, String name, String locale) throws Exception {
		publishTwice(Topics.CUSTOMER_EVENTS, CustomerRegistered.TYPE, customer, (data) -> {
			data.put("customerId", customer);
			data.put("email", email);
			data.put("name", name);
			data.put("locale", locale);
		});
	}

	private UUID orderEvent(String type, String order, String customer) throws Exception {
		return publishTwice(Topics.ORDER_EVENTS, type, order, (data) -> {
			data.put("orderId", order);
			data.put("customerId", customer);
		});
	}

	private List<Mail> awaitMails(String email, int count) {
		await().atMost(PATIENCE).until(() -> smtp.to(email).size() >= count);
		return smtp.to(email);
	}

	private List<Mail> alerts(String sku) {
		return smtp.to(OPERATIONS).stream().filter(mail -> mail.subject().contains(sku)).toList();
	}

	private static Mail subject(List<Mail> mails, String subject) {
		return mails.stream()
			.filter(mail -> mail.subject().equals(subject))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no message '" + subject + "' in " + mails));
	}

	private static String address(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	private HttpResponse<String> get(String path, String token) {
		return ApiClient.on(this.port).get(path, token);
	}

}
