package io.souq.mongo.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * Order documents shaped like the ones order-service stores ({@code io.souq.order.Order}
 * with its {@code Outboxed} base class, as Spring Data maps them): a string {@code _id},
 * the customer, the unique checkout key, priced lines, Decimal128 amounts, the address,
 * the saga's status, step and wake-up time, pending acknowledgements, the status history,
 * timestamps, the {@code @Version} and the consumed message ids. Documents are padded to
 * about the requested BSON size with consumed message ids (as an order that took many
 * saga answers has), then with more lines. None has an outbox.
 * <p>
 * Document {@code i} is the same in every run: ids, customers and contents derive from
 * the index, so that a workload can address any document without remembering it.
 */
final class OrderDocuments {

	/** Consumed message ids an order remembers at most (as {@code Outboxed}). */
	static final int APPLIED_IDS_KEPT = 100;

	private static final long ORDER_SALT = 0x6f72646572L;

	private static final long CUSTOMER_SALT = 0x637573746fL;

	private static final long PRODUCT_SALT = 0x70726f64L;

	private static final long MESSAGE_SALT = 0x6d657373L;

	private static final String[] PRODUCTS = { "Medjool dates, premium, 1 kg", "Arabic coffee, cardamom blend, 500 g",
			"Prayer rug, hand-woven wool", "Oud perfume oil, 12 ml", "Stainless steel dallah coffee pot",
			"Saffron threads, grade A, 5 g", "Cotton thobe, white, size L", "Rose water, food grade, 250 ml",
			"Olive oil soap, pack of 6", "Ceramic incense burner (mabkhara)" };

	private static final String[] NAMES = { "Fatima Al-Harbi", "Omar Haddad", "Layla Nasser", "Yusuf Karim",
			"نورة العتيبي", "محمد الشمري", "Sara Mansour", "Khalid Farouk" };

	private static final String[] CITIES = { "Riyadh", "Jeddah", "Dubai", "Doha", "الرياض", "Amman", "Kuwait City",
			"Muscat" };

	private static final String[] COUNTRIES = { "SA", "SA", "AE", "QA", "SA", "JO", "KW", "OM" };

	private static final String[] CARRIERS = { "ARAMEX", "SMSA", "DHL" };

	private static final String UUID_SAMPLE = new UUID(0, 0).toString();

	private static final Duration HISTORY = Duration.ofDays(180);

	private final int size;

	private final int customers;

	private final int docBytes;

	private final Instant firstCreatedAt;

	private final long spacingMillis;

	/**
	 * @param size the documents of the fill
	 * @param docBytes the BSON size to pad each document to
	 * @param now the creation time of the last filled document
	 */
	OrderDocuments(int size, int docBytes, Instant now) {
		this.size = size;
		this.customers = Math.max(1, size / 10);
		this.docBytes = docBytes;
		this.firstCreatedAt = now.minus(HISTORY);
		this.spacingMillis = Math.max(1, HISTORY.toMillis() / Math.max(1, size));
	}

	/** The number of distinct customers of the fill. */
	int customers() {
		return this.customers;
	}

	/**
	 * The {@code _id} of document {@code index}: a random-looking UUID, as orders have.
	 */
	static String orderId(long index) {
		return uuid(index, ORDER_SALT);
	}

	/** The id of customer {@code customer}. */
	static String customerId(long customer) {
		return uuid(customer, CUSTOMER_SALT);
	}

	/**
	 * A filled order: mostly delivered, some cancelled, shipped, confirmed or pending,
	 * created in the last 180 days in index order.
	 * @param index the document's index, from 0
	 * @return the document and its BSON size
	 */
	Sized filled(long index) {
		SplittableRandom random = random(index);
		Instant createdAt = this.firstCreatedAt.plusMillis(index * this.spacingMillis);
		int roll = random.nextInt(100);
		String status = (roll < 70) ? "DELIVERED"
				: (roll < 80) ? "CANCELLED" : (roll < 88) ? "SHIPPED" : (roll < 95) ? "CONFIRMED" : "PENDING";
		return build(index, random, status, createdAt);
	}

	/**
	 * A just placed order (the insert workload), for a random customer of the fill.
	 * @param index the document's index, beyond the fill
	 * @param now its creation time
	 * @return the document and its BSON size
	 */
	Sized placed(long index, Instant now) {
		return build(index, random(index), "PENDING", now);
	}

	/**
	 * One pending outbox message, as {@code OutboxMessage.toDocument()} writes it.
	 * @param orderId the order it is about
	 * @param sequence makes the message id unique
	 * @param now its creation time
	 * @return the outbox entry
	 */
	static Document outboxMessage(String orderId, long sequence, Instant now) {
		String messageId = uuid(sequence, MESSAGE_SALT);
		String envelope = "{\"id\":\"" + messageId + "\",\"type\":\"order.placed\",\"source\":\"order-service\","
				+ "\"key\":\"" + orderId + "\",\"occurredAt\":\"" + now + "\",\"payload\":{\"orderId\":\"" + orderId
				+ "\"}}";
		return new Document("messageId", messageId).append("topic", "order.events")
			.append("key", orderId)
			.append("type", "order.placed")
			.append("envelope", envelope)
			.append("createdAt", Date.from(now));
	}

	private Sized build(long index, SplittableRandom random, String status, Instant createdAt) {
		String id = orderId(index);
		String customerId = customerId(random.nextInt(this.customers));
		int person = random.nextInt(NAMES.length);
		List<Document> lines = new ArrayList<>();
		int lineCount = 1 + random.nextInt(5);
		BigDecimal subtotal = BigDecimal.ZERO;
		for (int i = 0; i < lineCount; i++) {
			Document line = line(random);
			subtotal = subtotal.add(amount(line, "lineTotal"));
			lines.add(line);
		}
		BigDecimal shipping = (random.nextInt(3) == 0) ? new BigDecimal("35.00") : new BigDecimal("15.00");
		boolean finished = status.equals("DELIVERED") || status.equals("CANCELLED");
		Instant updatedAt = createdAt.plus(Duration.ofMinutes(1 + random.nextInt(5 * 24 * 60)));
		Document pending = new Document();
		Instant wakeAt = null;
		if (status.equals("SHIPPED")) {
			pending.append("CAPTURE_PAYMENT", Date.from(updatedAt)).append("COMMIT_STOCK", Date.from(updatedAt));
		}
		if (!finished) {
			wakeAt = updatedAt.plus(Duration.ofMinutes(15));
		}
		else if (random.nextInt(20) == 0) {
			// a finished order still resending an unacknowledged command
			pending.append("COMMIT_STOCK", Date.from(updatedAt));
			wakeAt = updatedAt.plus(Duration.ofMinutes(1));
		}
		Document order = new Document("_id", id).append("customerId", customerId)
			.append("checkoutKey", customerId + " key:" + uuid(index, ORDER_SALT ^ 0x6b6579L))
			.append("lines", lines)
			.append("currency", "SAR")
			.append("subtotal", new Decimal128(subtotal))
			.append("shipping", new Decimal128(shipping))
			.append("total", new Decimal128(subtotal.add(shipping)))
			.append("shippingOption", shipping.intValue() > 20 ? "EXPRESS" : "STANDARD")
			.append("address", address(random, person))
			.append("weightGrams", 200 + random.nextInt(5_000))
			.append("paymentMethodToken", "pm_" + Long.toHexString(random.nextLong()))
			.append("status", status);
		if (status.equals("CANCELLED")) {
			order.append("failureReason", "PAYMENT_DECLINED").append("failureDetail", "insufficient_funds");
		}
		order.append("step", step(status, random)).append("stepSince", Date.from(updatedAt));
		if (wakeAt != null) {
			order.append("wakeAt", Date.from(wakeAt));
		}
		order.append("pending", pending);
		if (!status.equals("PENDING")) {
			order.append("payment",
					new Document("status", status.equals("CANCELLED") ? "DECLINED" : "CAPTURED")
						.append("paymentId", uuid(index, PRODUCT_SALT ^ 0x706179L))
						.append("last4", String.format("%04d", random.nextInt(10_000))));
		}
		if (status.equals("CONFIRMED") || status.equals("SHIPPED") || status.equals("DELIVERED")) {
			order.append("shipment",
					new Document("carrier", CARRIERS[random.nextInt(CARRIERS.length)])
						.append("trackingNumber", "TRK" + (100_000_000L + random.nextInt(900_000_000)))
						.append("status", status.equals("DELIVERED") ? "DELIVERED" : "CREATED"));
		}
		order.append("history", history(status, createdAt, updatedAt))
			.append("createdAt", Date.from(createdAt))
			.append("updatedAt", Date.from(updatedAt))
			.append("version", 0L);
		return pad(order, lines, random, index);
	}

	/**
	 * Adds consumed message ids (and lines, when those are not enough) until the document
	 * reaches the requested size, then the {@code _class} key Spring Data writes.
	 */
	private Sized pad(Document order, List<Document> lines, SplittableRandom random, long index) {
		String classKey = "_class";
		String className = "io.souq.order.Order";
		int fixed = BsonSize.field(classKey, className) + BsonSize.field("appliedMessageIds", List.of());
		int size = BsonSize.of(order) + fixed;
		int fullIds = 0;
		for (int i = 0; i < APPLIED_IDS_KEPT; i++) {
			fullIds += BsonSize.arrayElement(i, UUID_SAMPLE);
		}
		while (size + fullIds < this.docBytes) {
			Document line = line(random);
			size += BsonSize.arrayElement(lines.size(), line);
			lines.add(line);
		}
		List<String> applied = new ArrayList<>();
		for (int i = 0; i < APPLIED_IDS_KEPT && size < this.docBytes; i++) {
			size += BsonSize.arrayElement(i, UUID_SAMPLE);
			applied.add(uuid(index * APPLIED_IDS_KEPT + i, MESSAGE_SALT ^ 0x617070L));
		}
		order.append("appliedMessageIds", applied).append(classKey, className);
		return new Sized(order, size);
	}

	private static Document line(SplittableRandom random) {
		int product = random.nextInt(PRODUCTS.length * 1_000);
		BigDecimal unitPrice = BigDecimal.valueOf(500 + random.nextInt(50_000), 2);
		int quantity = 1 + random.nextInt(4);
		return new Document("productId", uuid(product, PRODUCT_SALT)).append("sku", String.format("SKU-%06d", product))
			.append("name", PRODUCTS[product % PRODUCTS.length])
			.append("quantity", quantity)
			.append("unitPrice", money(unitPrice))
			.append("lineTotal", money(unitPrice.multiply(BigDecimal.valueOf(quantity))));
	}

	private static Document money(BigDecimal amount) {
		return new Document("amount", new Decimal128(amount.setScale(2, RoundingMode.HALF_UP))).append("currency",
				"SAR");
	}

	private static BigDecimal amount(Document line, String field) {
		return ((Decimal128) line.get(field, Document.class).get("amount")).bigDecimalValue();
	}

	private static Document address(SplittableRandom random, int person) {
		int city = random.nextInt(CITIES.length);
		return new Document("name", NAMES[person]).append("line1", (1 + random.nextInt(400)) + " King Fahd Road")
			.append("line2", "Apartment " + (1 + random.nextInt(90)))
			.append("city", CITIES[city])
			.append("postalCode", String.valueOf(10_000 + random.nextInt(89_999)))
			.append("country", COUNTRIES[city])
			.append("phone", "+9665" + (10_000_000 + random.nextInt(89_999_999)));
	}

	private static String step(String status, SplittableRandom random) {
		return switch (status) {
			case "PENDING" -> List.of("RESERVE_STOCK", "AUTHORIZE_PAYMENT", "CREATE_SHIPMENT").get(random.nextInt(3));
			case "CONFIRMED" -> "AWAIT_DISPATCH";
			case "SHIPPED" -> "AWAIT_DELIVERY";
			default -> "DONE";
		};
	}

	private static List<Document> history(String status, Instant createdAt, Instant updatedAt) {
		List<String> path = switch (status) {
			case "CANCELLED" -> List.of("PENDING", "CANCELLED");
			case "CONFIRMED" -> List.of("PENDING", "CONFIRMED");
			case "SHIPPED" -> List.of("PENDING", "CONFIRMED", "SHIPPED");
			case "DELIVERED" -> List.of("PENDING", "CONFIRMED", "SHIPPED", "DELIVERED");
			default -> List.of("PENDING");
		};
		List<Document> history = new ArrayList<>();
		long step = (path.size() > 1) ? Duration.between(createdAt, updatedAt).toMillis() / (path.size() - 1) : 0;
		for (int i = 0; i < path.size(); i++) {
			history.add(new Document("status", path.get(i)).append("at", Date.from(createdAt.plusMillis(step * i))));
		}
		return history;
	}

	private static SplittableRandom random(long index) {
		return new SplittableRandom(mix(index * 0x9E3779B97F4A7C15L + 17));
	}

	static String uuid(long index, long salt) {
		long high = mix(index ^ mix(salt));
		long low = mix(high + 0x9E3779B97F4A7C15L);
		return new UUID((high & ~0xF000L) | 0x4000L, (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
	}

	private static long mix(long value) {
		long z = value;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/** The number of documents of the fill. */
	int size() {
		return this.size;
	}

	/**
	 * A document and its BSON size.
	 *
	 * @param document the document
	 * @param bsonSize its encoded size in bytes
	 */
	record Sized(Document document, int bsonSize) {
	}

}
