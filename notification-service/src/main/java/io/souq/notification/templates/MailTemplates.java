package io.souq.notification.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import com.samskivert.mustache.Mustache;
import io.souq.events.Money;
import io.souq.events.customer.CustomerRegistered;
import io.souq.events.inventory.StockBelowReorderPoint;
import io.souq.events.order.OrderCancelled;
import io.souq.events.order.OrderConfirmed;
import io.souq.events.order.OrderDelivered;
import io.souq.events.order.OrderLine;
import io.souq.events.order.OrderShipped;
import io.souq.events.order.ShippingAddress;
import io.souq.events.payment.PaymentRefunded;

/**
 * Renders a {@link Template} for one reader: the subject, a plain-text and an HTML body
 * in the reader's {@link Language}, with money, numbers and dates formatted for their
 * locale. No Spring: the templates are Mustache files on the class path,
 * {@code mail/<language>/<template>.txt} and {@code .html}, and the subjects and other
 * sentences are in {@code mail/<language>/messages.properties} (UTF-8). The HTML of a
 * right-to-left language is {@code <html lang="ar" dir="rtl">}.
 * <p>
 * Every value the templates show is prepared here (formatted, translated), so the
 * templates only place it; a template naming a value that does not exist fails rather
 * than printing nothing.
 */
public final class MailTemplates {

	private static final String ROOT = "mail/";

	/** Order numbers shown to people: the first characters of the order id. */
	static final int ORDER_NUMBER_LENGTH = 8;

	private final ZoneId zone;

	private final Mustache.Compiler html;

	private final Mustache.Compiler text;

	private final Map<String, com.samskivert.mustache.Template> compiled = new ConcurrentHashMap<>();

	private final Map<Language, Properties> messages = new EnumMap<>(Language.class);

	/**
	 * @param zone the time zone of the dates in the messages
	 */
	public MailTemplates(ZoneId zone) {
		this.zone = Objects.requireNonNull(zone, "zone");
		this.html = Mustache.compiler().nullValue("").withLoader(MailTemplates::resource);
		this.text = this.html.escapeHTML(false);
		for (Language language : Language.values()) {
			Properties properties = new Properties();
			try (Reader reader = resource(language.code() + "/messages.properties")) {
				properties.load(reader);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.messages.put(language, properties);
		}
	}

	/**
	 * Renders a template with the payload of its event for a reader.
	 * @param template the template
	 * @param data the event's payload, of the template's {@link Template#data() type}
	 * @param name the reader's name ({@code null} when there is none, e.g. operations)
	 * @param locale the reader's locale ({@code null} when unknown: English)
	 * @throws IllegalArgumentException when the payload is not the template's
	 */
	public RenderedMail render(Template template, Object data, String name, String locale) {
		Objects.requireNonNull(template, "template");
		if (!template.data().isInstance(data)) {
			throw new IllegalArgumentException(template.id() + " is made from a " + template.data().getSimpleName());
		}
		Language language = Language.of(locale);
		MailFormat format = new MailFormat(language.formats(locale), this.zone);
		Map<String, Object> model = new HashMap<>();
		model.put("lang", language.code());
		model.put("dir", language.rightToLeft() ? "rtl" : "ltr");
		model.put("name", name);
		model.put("greeting",
				(name != null && !name.isBlank()) ? fill(message(language, "greeting"), Map.of("name", name.strip()))
						: message(language, "greeting.anonymous"));
		switch (data) {
			case CustomerRegistered registered -> model.put("email", registered.email());
			case OrderConfirmed confirmed -> {
				order(model, format, confirmed.orderId(), confirmed.lines(), confirmed.subtotal(), confirmed.shipping(),
						confirmed.total(), confirmed.placedAt());
				shipment(model, confirmed.carrier(), confirmed.trackingNumber());
				address(model, format, confirmed.shippingAddress());
				Integer days = confirmed.estimatedDays();
				Instant from = (confirmed.at() != null) ? confirmed.at() : confirmed.placedAt();
				model.put("expectedDelivery", (days != null && days >= 0 && from != null)
						? format.date(from.plus(days, ChronoUnit.DAYS)) : null);
			}
			case OrderCancelled cancelled -> {
				order(model, format, cancelled.orderId(), cancelled.lines(), cancelled.subtotal(), cancelled.shipping(),
						cancelled.total(), cancelled.placedAt());
				model.put("reason", reason(language, cancelled.reason()));
				model.put("cancelledOn", format.date(cancelled.at()));
			}
			case OrderShipped shipped -> {
				order(model, format, shipped.orderId(), shipped.lines(), shipped.subtotal(), shipped.shipping(),
						shipped.total(), shipped.placedAt());
				shipment(model, shipped.carrier(), shipped.trackingNumber());
				model.put("shippedOn", format.date(shipped.at()));
			}
			case OrderDelivered delivered -> {
				order(model, format, delivered.orderId(), delivered.lines(), delivered.subtotal(), delivered.shipping(),
						delivered.total(), delivered.placedAt());
				shipment(model, delivered.carrier(), delivered.trackingNumber());
				model.put("deliveredOn", format.date(delivered.at()));
			}
			case PaymentRefunded refunded -> {
				model.put("orderNumber", orderNumber(refunded.orderId()));
				model.put("amount", format.money(refunded.amount()));
				model.put("refundedOn", format.date(refunded.at()));
			}
			case StockBelowReorderPoint low -> {
				model.put("sku", low.sku());
				model.put("available", format.number(low.available()));
				model.put("reorderPoint", format.number(low.reorderPoint()));
				model.put("at", format.date(low.at()));
			}
			default -> throw new IllegalArgumentException("no template for " + data.getClass().getSimpleName());
		}
		String subject = fill(message(language, "subject." + template.id()), model).strip();
		model.put("subject", subject);
		String path = language.code() + "/" + template.id();
		return new RenderedMail(language.code(), subject, template(this.text, path + ".txt").execute(model),
				template(this.html, path + ".html").execute(model));
	}

	/** The order number shown to people: the first eight characters of the order id. */
	public static String orderNumber(String orderId) {
		if (orderId == null) {
			return null;
		}
		return (orderId.length() > ORDER_NUMBER_LENGTH) ? orderId.substring(0, ORDER_NUMBER_LENGTH) : orderId;
	}

	/** Why an order was cancelled, in plain words. */
	String reason(Language language, String code) {
		String sentence = (code != null) ? this.messages.get(language).getProperty("reason." + code) : null;
		return (sentence != null) ? sentence : message(language, "reason.OTHER");
	}

	private void order(Map<String, Object> model, MailFormat format, String orderId, List<OrderLine> lines,
			Money subtotal, Money shipping, Money total, Instant placedAt) {
		model.put("orderNumber", orderNumber(orderId));
		List<LineView> views = new ArrayList<>();
		if (lines != null) {
			for (OrderLine line : lines) {
				views.add(new LineView(line.name(), line.sku(), format.number(line.quantity()),
						format.money(line.unitPrice()), format.money(line.lineTotal())));
			}
		}
		model.put("lines", views);
		model.put("subtotal", format.money(subtotal));
		model.put("shipping", format.money(shipping));
		model.put("total", format.money(total));
		model.put("placedOn", format.date(placedAt));
	}

	private static void shipment(Map<String, Object> model, String carrier, String trackingNumber) {
		model.put("carrier", carrier);
		model.put("trackingNumber", trackingNumber);
	}

	private static void address(Map<String, Object> model, MailFormat format, ShippingAddress address) {
		List<String> lines = new ArrayList<>();
		if (address != null) {
			add(lines, address.name());
			add(lines, address.line1());
			add(lines, address.line2());
			add(lines, join(address.postalCode(), address.city()));
			add(lines, format.country(address.country()));
		}
		model.put("address", lines);
		model.put("hasAddress", !lines.isEmpty());
	}

	private static String join(String first, String second) {
		if (first == null || first.isBlank()) {
			return second;
		}
		return (second == null || second.isBlank()) ? first : first.strip() + " " + second.strip();
	}

	private static void add(List<String> lines, String line) {
		if (line != null && !line.isBlank()) {
			lines.add(line.strip());
		}
	}

	private String message(Language language, String key) {
		String message = this.messages.get(language).getProperty(key);
		if (message == null) {
			throw new IllegalStateException(
					"no message " + key + " in mail/" + language.code() + "/messages.properties");
		}
		return message;
	}

	/** A message with {@code {{placeholders}}}, filled without escaping. */
	private String fill(String message, Map<String, Object> values) {
		return this.compiled.computeIfAbsent("message:" + message, key -> this.text.compile(message)).execute(values);
	}

	private com.samskivert.mustache.Template template(Mustache.Compiler compiler, String path) {
		String key = ((compiler == this.html) ? "html:" : "text:") + path;
		return this.compiled.computeIfAbsent(key, k -> {
			try (Reader reader = resource(path)) {
				return compiler.compile(reader);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private static Reader resource(String path) {
		InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream(ROOT + path);
		if (in == null) {
			throw new IllegalStateException("no template " + ROOT + path);
		}
		return new InputStreamReader(in, StandardCharsets.UTF_8);
	}

	/** One line of an order as the templates show it. */
	record LineView(String name, String sku, String quantity, String unitPrice, String lineTotal) {
	}

}
