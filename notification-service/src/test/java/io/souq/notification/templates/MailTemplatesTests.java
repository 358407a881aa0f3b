package io.souq.notification.templates;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import io.souq.events.customer.CustomerRegistered;
import io.souq.events.inventory.StockBelowReorderPoint;
import io.souq.events.order.OrderCancelled;
import io.souq.events.order.OrderConfirmed;
import io.souq.events.order.OrderDelivered;
import io.souq.events.order.OrderShipped;
import io.souq.events.payment.PaymentRefunded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MailTemplatesTests {

	static final String NBSP = "\u00a0";

	final MailTemplates templates = new MailTemplates(ZoneOffset.UTC);

	final OrderConfirmed confirmed = Samples.data(OrderConfirmed.TYPE, OrderConfirmed.class);

	final OrderCancelled cancelled = Samples.data(OrderCancelled.TYPE, OrderCancelled.class);

	final OrderShipped shipped = Samples.data(OrderShipped.TYPE, OrderShipped.class);

	final OrderDelivered delivered = Samples.data(OrderDelivered.TYPE, OrderDelivered.class);

	final PaymentRefunded refunded = Samples.data(PaymentRefunded.TYPE, PaymentRefunded.class);

	final StockBelowReorderPoint low = Samples.data(StockBelowReorderPoint.TYPE, StockBelowReorderPoint.class);

	final CustomerRegistered registered = Samples.data(CustomerRegistered.TYPE, CustomerRegistered.class);

	@Test
	void confirmsAnOrderInEnglishWithLinesTotalsAddressAndExpectedDelivery() {
		RenderedMail mail = this.templates.render(Template.ORDER_CONFIRMED, this.confirmed, "Layla", "en");

		assertThat(mail.language()).isEqualTo("en");
		assertThat(mail.subject()).isEqualTo("Your order 6513270e is confirmed");
		assertThat(mail.html()).startsWith("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">")
			.contains("<title>Your order 6513270e is confirmed</title>", "Hello Layla,", "Moroccan mint tea, 250 g",
					"€7.50", "€15.00", "Saffron threads, 1 g", "€21.00", "€4.90", "<strong>€25.90</strong>",
					"placed on November 23, 2026", "12 King Fahd Road", "12271 Riyadh", "Saudi Arabia", "Aramex",
					"SQ-AR-000184", "Expected delivery: <strong>November 27, 2026</strong>");
		assertThat(mail.text()).startsWith("Hello Layla,\n")
			.contains("- 2 x Moroccan mint tea, 250 g: €15.00", "- 1 x Saffron threads, 1 g: €6.00", "Subtotal: €21.00",
					"Shipping: €4.90", "Total: €25.90", "Layla Haddad\n12 King Fahd Road\n",
					"Tracking number: SQ-AR-000184", "Expected delivery: November 27, 2026")
			.doesNotContain("<", "{{");
	}

	@Test
	void confirmsAnOrderInArabicRightToLeftWithArabicDigitsAndDates() {
		RenderedMail mail = this.templates.render(Template.ORDER_CONFIRMED, this.confirmed, "ليلى", "ar");

		assertThat(mail.language()).isEqualTo("ar");
		assertThat(mail.subject()).isEqualTo("تم تأكيد طلبك 6513270e");
		assertThat(mail.html()).startsWith("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">")
			.contains("مرحباً ليلى،", "شكراً لطلبك", "Moroccan mint tea, 250 g", "٢٥٫٩٠" + NBSP + "€",
					"٧٫٥٠" + NBSP + "€", "٢١٫٠٠" + NBSP + "€", "المملكة العربية السعودية", "<bdi>SQ-AR-000184</bdi>",
					"موعد التسليم المتوقع: <strong>٢٧ نوفمبر ٢٠٢٦</strong>", "بتاريخ ٢٣ نوفمبر ٢٠٢٦")
			.doesNotContain("€25.90", "November");
		assertThat(mail.text()).contains("الإجمالي: ", "٢٥٫٩٠", "رقم التتبع: SQ-AR-000184").doesNotContain("<", "{{");
	}

	@Test
	void leavesOutWhatAConfirmationDoesNotCarry() {
		OrderConfirmed bare = new OrderConfirmed(this.confirmed.orderId(), this.confirmed.customerId(),
				this.confirmed.lines(), this.confirmed.subtotal(), this.confirmed.shipping(), this.confirmed.total(),
				"EUR", "Aramex", "SQ-1", null, null, this.confirmed.placedAt(), this.confirmed.at());

		RenderedMail mail = this.templates.render(Template.ORDER_CONFIRMED, bare, null, null);

		assertThat(mail.language()).isEqualTo("en");
		assertThat(mail.text()).startsWith("Hello,\n").doesNotContain("Expected delivery", "Riyadh");
		assertThat(mail.html()).doesNotContain("Expected delivery", "<p></p>");
	}

	@Test
	void welcomesANewCustomerInTheirLanguage() {
		RenderedMail arabic = this.templates.render(Template.WELCOME, this.registered, this.registered.name(),
				this.registered.locale());
		RenderedMail english = this.templates.render(Template.WELCOME, this.registered, "Layla", "en-GB");

		assertThat(arabic.subject()).isEqualTo("أهلاً بك في سوق");
		assertThat(arabic.html()).contains("<html lang=\"ar\" dir=\"rtl\">", "مرحباً ليلى،",
				"<bdi>layla@example.com</bdi>");
		assertThat(english.subject()).isEqualTo("Welcome to Souq");
		assertThat(english.text()).startsWith("Hello Layla,").contains("layla@example.com");
	}

	@Test
	void tellsWhyAnOrderWasCancelledInPlainWords() {
		RenderedMail english = this.templates.render(Template.ORDER_CANCELLED, this.cancelled, "Layla", "en");
		RenderedMail arabic = this.templates.render(Template.ORDER_CANCELLED, this.cancelled, "ليلى", "ar");

		assertThat(english.subject()).isEqualTo("Your order 6513270e was cancelled");
		assertThat(english.text())
			.contains("Why: Your card issuer declined the payment.", "You have not been charged for this order")
			.doesNotContain("PAYMENT_DECLINED", "insufficient_funds");
		assertThat(arabic.subject()).isEqualTo("تم إلغاء طلبك 6513270e");
		assertThat(arabic.html())
			.contains("dir=\"rtl\"", "<strong>السبب:</strong> رفضت الجهة المصدرة لبطاقتك عملية الدفع.")
			.doesNotContain("PAYMENT_DECLINED");
	}

	@ParameterizedTest
	@EnumSource(Language.class)
	void hasPlainWordsForEveryCancellationReason(Language language) {
		List<String> codes = List.of("OUT_OF_STOCK", "PAYMENT_DECLINED", "PAYMENT_FAILED", "SHIPPING_UNAVAILABLE",
				"CUSTOMER_CANCELLED", "TIMED_OUT");
		List<String> sentences = codes.stream().map(code -> this.templates.reason(language, code)).toList();

		assertThat(sentences).doesNotHaveDuplicates()
			.allSatisfy(sentence -> assertThat(sentence).isNotBlank().doesNotContain("_"))
			.doesNotContain(this.templates.reason(language, "OTHER"));
		assertThat(this.templates.reason(language, "SOMETHING_NEW")).isEqualTo(this.templates.reason(language, null))
			.isEqualTo(this.templates.reason(language, "OTHER"));
	}

	@Test
	void announcesTheShipmentWithCarrierAndTrackingNumber() {
		RenderedMail english = this.templates.render(Template.ORDER_SHIPPED, this.shipped, "Layla", "en");
		RenderedMail arabic = this.templates.render(Template.ORDER_SHIPPED, this.shipped, "ليلى", "ar");

		assertThat(english.subject()).isEqualTo("Your order 6513270e is on its way");
		assertThat(english.text()).contains("Carrier: Aramex", "Tracking number: SQ-AR-000184",
				"left our warehouse on November 23, 2026");
		assertThat(arabic.subject()).isEqualTo("طلبك 6513270e في الطريق إليك");
		assertThat(arabic.html()).contains("dir=\"rtl\"", "شركة الشحن: <bdi>Aramex</bdi>",
				"رقم التتبع: <strong><bdi>SQ-AR-000184</bdi></strong>");
	}

	@Test
	void confirmsTheDelivery() {
		RenderedMail english = this.templates.render(Template.ORDER_DELIVERED, this.delivered, "Layla", "en");
		RenderedMail arabic = this.templates.render(Template.ORDER_DELIVERED, this.delivered, "ليلى", "ar");

		assertThat(english.subject()).isEqualTo("Your order 6513270e was delivered");
		assertThat(english.text()).contains("was delivered on November 23, 2026 by Aramex.");
		assertThat(arabic.subject()).isEqualTo("تم تسليم طلبك 6513270e");
		assertThat(arabic.text()).contains("بتاريخ ٢٣ نوفمبر ٢٠٢٦ عن طريق Aramex");
	}

	@Test
	void tellsOfARefundWithItsAmount() {
		RenderedMail english = this.templates.render(Template.PAYMENT_REFUNDED, this.refunded, "Layla", "en");
		RenderedMail arabic = this.templates.render(Template.PAYMENT_REFUNDED, this.refunded, "ليلى", "ar");

		assertThat(english.subject()).isEqualTo("Refund of €25.90 for your order 6513270e");
		assertThat(english.html()).contains("We refunded <strong>€25.90</strong>");
		assertThat(arabic.subject()).contains("٢٥٫٩٠", "6513270e");
		assertThat(arabic.html()).contains("<html lang=\"ar\" dir=\"rtl\">", "أعدنا مبلغ <strong>");
	}

	@Test
	void alertsOperationsOfLowStock() {
		RenderedMail english = this.templates.render(Template.LOW_STOCK, this.low, null, "en");
		RenderedMail arabic = this.templates.render(Template.LOW_STOCK, this.low, null, "ar");

		assertThat(english.subject()).isEqualTo("Low stock: TEA-MINT-250 (4 left)");
		assertThat(english.text()).startsWith("Hello,\n")
			.contains(
					"The available stock of TEA-MINT-250 fell to 4 on November 23, 2026, below its reorder point of 5.");
		assertThat(arabic.subject()).isEqualTo("مخزون منخفض: TEA-MINT-250 (المتبقي ٤)");
		assertThat(arabic.html()).contains("dir=\"rtl\"", "حد إعادة الطلب البالغ ٥");
	}

	@ParameterizedTest
	@EnumSource(Template.class)
	void rendersEveryTemplateInBothLanguagesCompletely(Template template) {
		Object data = switch (template) {
			case WELCOME -> this.registered;
			case ORDER_CONFIRMED -> this.confirmed;
			case ORDER_CANCELLED -> this.cancelled;
			case ORDER_SHIPPED -> this.shipped;
			case ORDER_DELIVERED -> this.delivered;
			case PAYMENT_REFUNDED -> this.refunded;
			case LOW_STOCK -> this.low;
		};
		for (Language language : Language.values()) {
			RenderedMail mail = this.templates.render(template, data, "Layla", language.code());
			assertThat(mail.subject()).isNotBlank().doesNotContain("{{", "\n");
			assertThat(mail.html()).contains("<html lang=\"" + language.code() + "\"")
				.contains(language.rightToLeft() ? "dir=\"rtl\"" : "dir=\"ltr\"")
				.endsWith("</html>\n")
				.doesNotContain("{{", "}}");
			assertThat(mail.text()).isNotBlank().doesNotContain("{{", "}}", "<", "&");
		}
	}

	@Test
	void escapesWhatPeopleTypedInTheHtmlButNotInTheText() {
		RenderedMail mail = this.templates.render(Template.WELCOME, this.registered, "<b>Tom & Jerry</b>", "en");

		assertThat(mail.html()).contains("Hello &lt;b&gt;Tom &amp; Jerry&lt;/b&gt;,").doesNotContain("<b>Tom");
		assertThat(mail.text()).startsWith("Hello <b>Tom & Jerry</b>,");
	}

	@Test
	void formatsDatesInTheConfiguredTimeZone() {
		MailTemplates riyadh = new MailTemplates(ZoneId.of("Asia/Riyadh"));
		OrderShipped lateInTheDay = new OrderShipped(this.shipped.orderId(), this.shipped.customerId(),
				this.shipped.lines(), this.shipped.subtotal(), this.shipped.shipping(), this.shipped.total(), "EUR",
				"Aramex", "SQ-1", this.shipped.placedAt(), java.time.Instant.parse("2026-11-23T22:30:00Z"));

		assertThat(riyadh.render(Template.ORDER_SHIPPED, lateInTheDay, null, "en").text())
			.contains("on November 24, 2026");
		assertThat(this.templates.render(Template.ORDER_SHIPPED, lateInTheDay, null, "en").text())
			.contains("on November 23, 2026");
	}

	@Test
	void refusesAPayloadOfAnotherTemplate() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.templates.render(Template.ORDER_SHIPPED, this.confirmed, "Layla", "en"));
	}

	@Test
	void showsTheFirstEightCharactersOfAnOrderId() {
		assertThat(MailTemplates.orderNumber("6513270e-269e-4d37-b2a7-4de452e6b438")).isEqualTo("6513270e");
		assertThat(MailTemplates.orderNumber("A-1")).isEqualTo("A-1");
		assertThat(MailTemplates.orderNumber(null)).isNull();
	}

}
