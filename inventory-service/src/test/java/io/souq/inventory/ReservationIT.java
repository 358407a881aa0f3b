package io.souq.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import io.souq.events.Topics;
import io.souq.events.inventory.CommitReservation;
import io.souq.events.inventory.ReleaseReservation;
import io.souq.events.inventory.ReservationCommitted;
import io.souq.events.inventory.ReservationReleased;
import io.souq.events.inventory.ReserveStock;
import io.souq.events.inventory.StockLevelChanged;
import io.souq.events.inventory.StockReservationFailed;
import io.souq.events.inventory.StockReserved;
import io.souq.events.order.OrderConfirmed;
import io.souq.inventory.Reservation.Status;
import io.souq.test.EventSamples;
import io.souq.test.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.support.SendResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The order saga's commands on {@code inventory.commands}, built from the sample
 * documents with fresh ids, and the answers on {@code inventory.events}, on the real
 * broker and MongoDB-protocol server.
 */
class ReservationIT extends InventoryContext {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final Instant LATER = Instant.now().plus(Duration.ofHours(1));

	@Autowired
	Stock stock;

	@Autowired
	ReservationRepository reservations;

	@Test
	void reservesEveryLineOrNoneAndAnswersARepeatedCommandWithoutReservingTwice() throws Exception {
		String tea = sku(10);
		String saffron = sku(3);
		String order = UUID.randomUUID().toString();
		ObjectNode reserve = reserve(order, LATER, tea, 2, saffron, 1);
		send(reserve);

		JsonNode reserved = answers(order, 1).get(0);
		assertThat(reserved.get("type").asString()).isEqualTo(StockReserved.TYPE);
		assertThat(reserved.get("correlationId")).isEqualTo(reserve.get("correlationId"));
		assertThat(reserved.get("causationId").asString()).isEqualTo(reserve.get("id").asString());
		assertThat(reserved.at("/data/lines")).isEqualTo(reserve.at("/data/lines"));
		EventSamples.assertSameShape(reserved);
		assertStock(tea, 10, 2);
		assertStock(saffron, 3, 1);

		// a second order that cannot be served fails and holds nothing
		String second = UUID.randomUUID().toString();
		send(reserve(second, LATER, tea, 1, saffron, 5));
		JsonNode failed = answers(second, 1).get(0);
		assertThat(failed.get("type").asString()).isEqualTo(StockReservationFailed.TYPE);
		assertThat(failed.at("/data/reason").asString()).isEqualTo("OUT_OF_STOCK");
		assertThat(failed.at("/data/shortages")).hasSize(1);
		assertThat(failed.at("/data/shortages/0/sku").asString()).isEqualTo(saffron);
		assertThat(failed.at("/data/shortages/0/requested").asInt()).isEqualTo(5);
		assertThat(failed.at("/data/shortages/0/available").asLong()).isEqualTo(2);
		EventSamples.assertSameShape(failed);

		String third = UUID.randomUUID().toString();
		String unknown = "NO-STOCK-" + UUID.randomUUID().toString().substring(0, 8);
		send(reserve(third, LATER, tea, 1, unknown, 1));
		JsonNode unknownSku = answers(third, 1).get(0);
		assertThat(unknownSku.at("/data/reason").asString()).isEqualTo("UNKNOWN_SKU");
		assertThat(unknownSku.at("/data/shortages/0/sku").asString()).isEqualTo(unknown);

		// the same command again, and a new one for the same order: answered, not applied
		send(reserve);
		reserve.put("id", UUID.randomUUID().toString());
		send(reserve);
		List<JsonNode> answers = answers(order, 3);
		assertThat(answers).hasSize(3)
			.allSatisfy((answer) -> assertThat(answer.get("type").asString()).isEqualTo(StockReserved.TYPE))
			.allSatisfy((answer) -> assertThat(answer.get("data")).isEqualTo(reserved.get("data")));
		assertStock(tea, 10, 2);
		assertStock(saffron, 3, 1);
		assertThat(this.reservations.findById(second))
			.hasValueSatisfying((reservation) -> assertThat(reservation.status()).isEqualTo(Status.FAILED));

		// the stock of tea changed once: for the first order, published for the catalog
		List<JsonNode> levels = levels(tea, 3);
		assertThat(levels).extracting((level) -> level.at("/data/reason").asString())
			.containsExactly("STOCK_COUNT", "RESERVED");
		assertThat(levels.get(1).at("/data/available").asLong()).isEqualTo(8);
		EventSamples.assertSameShape(levels.get(1));
	}

	@Test
	void releasingGivesTheUnitsBackAndCommittingShipsThem() throws Exception {
		String tea = sku(10);
		String order = UUID.randomUUID().toString();
		send(reserve(order, LATER, tea, 4));
		answers(order, 1);
		assertStock(tea, 10, 4);

		send(release(order, "PAYMENT_DECLINED"));
		JsonNode released = answerOfType(order, ReservationReleased.TYPE, 1).get(0);
		assertThat(released.at("/data/lines/0/sku").asString()).isEqualTo(tea);
		assertThat(released.at("/data/lines/0/quantity").asInt()).isEqualTo(4);
		assertThat(released.at("/data/reason").asString()).isEqualTo("PAYMENT_DECLINED");
		EventSamples.assertSameShape(released);
		assertStock(tea, 10, 0);

		// a repeated release is answered again and gives nothing back twice
		send(release(order, "PAYMENT_DECLINED"));
		assertThat(answerOfType(order, ReservationReleased.TYPE, 2))
			.allSatisfy((answer) -> assertThat(answer.get("data")).isEqualTo(released.get("data")));
		assertStock(tea, 10, 0);

		// an order that holds nothing here is acknowledged all the same
		String unknown = UUID.randomUUID().toString();
		send(release(unknown, "TIMED_OUT"));
		JsonNode nothing = answers(unknown, 1).get(0);
		assertThat(nothing.get("type").asString()).isEqualTo(ReservationReleased.TYPE);
		assertThat(nothing.at("/data/lines")).isEmpty();

		String shipped = UUID.randomUUID().toString();
		send(reserve(shipped, LATER, tea, 3));
		answers(shipped, 1);
		assertStock(tea, 10, 3);
		send(commit(shipped));
		JsonNode committed = answerOfType(shipped, ReservationCommitted.TYPE, 1).get(0);
		assertThat(committed.at("/data/lines/0/quantity").asInt()).isEqualTo(3);
		EventSamples.assertSameShape(committed);
		assertStock(tea, 7, 0);

		send(commit(shipped));
		assertThat(answerOfType(shipped, ReservationCommitted.TYPE, 2))
			.allSatisfy((answer) -> assertThat(answer.get("data")).isEqualTo(committed.get("data")));
		assertStock(tea, 7, 0);
		assertThat(levels(tea, 6)).extracting((level) -> level.at("/data/reason").asString())
			.containsExactly("STOCK_COUNT", "RESERVED", "RELEASED", "RESERVED", "COMMITTED");
	}

	@Test
	void theSweepReleasesAnExpiredReservationButNotAConfirmedOne() throws Exception {
		String tea = sku(10);
		Instant expiry = Instant.now().plusSeconds(2);
		String confirmed = UUID.randomUUID().toString();
		String expired = UUID.randomUUID().toString();
		send(reserve(confirmed, expiry, tea, 2));
		send(reserve(expired, expiry, tea, 3));
		answers(confirmed, 1);
		answers(expired, 1);
		send(orderConfirmed(confirmed));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.reservations.findById(confirmed).map(Reservation::confirmed).orElse(false));

		JsonNode released = answerOfType(expired, ReservationReleased.TYPE, 1).get(0);
		assertThat(released.at("/data/reason").asString()).isEqualTo("EXPIRED");
		assertThat(released.at("/data/lines/0/quantity").asInt()).isEqualTo(3);
		assertThat(released.get("causationId").isNull()).isTrue();
		EventSamples.assertSameShape(released);
		// the sweep that released it looked at both: they expired at the same time
		assertThat(this.reservations.findById(confirmed))
			.hasValueSatisfying((reservation) -> assertThat(reservation.status()).isEqualTo(Status.RESERVED));
		assertStock(tea, 10, 2);

		// a confirmed reservation is still committed at dispatch
		send(commit(confirmed));
		answerOfType(confirmed, ReservationCommitted.TYPE, 1);
		assertStock(tea, 8, 0);
	}

	@Test
	void twentyOrdersForTheLastFiveUnitsReserveExactlyFive() throws Exception {
		String tea = sku(5);
		List<String> orders = new ArrayList<>();
		List<CompletableFuture<SendResult<String, String>>> sent = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String order = UUID.randomUUID().toString();
			orders.add(order);
			sent.add(this.kafka.send(new ProducerRecord<>(Topics.INVENTORY_COMMANDS, order,
					JSON.writeValueAsString(reserve(order, LATER, tea, 1)))));
		}
		for (CompletableFuture<SendResult<String, String>> sending : sent) {
			sending.get();
		}

		List<JsonNode> answers = answers(orders::contains, 20);
		assertThat(answers).hasSize(20);
		List<JsonNode> reserved = answers.stream()
			.filter((answer) -> StockReserved.TYPE.equals(answer.get("type").asString()))
			.toList();
		List<JsonNode> failed = answers.stream()
			.filter((answer) -> StockReservationFailed.TYPE.equals(answer.get("type").asString()))
			.toList();
		assertThat(reserved).hasSize(5);
		assertThat(failed).hasSize(15).allSatisfy((answer) -> {
			assertThat(answer.at("/data/reason").asString()).isEqualTo("OUT_OF_STOCK");
			assertThat(answer.at("/data/shortages/0/available").asLong()).isZero();
		});
		EventSamples.assertSameShape(reserved.get(0));
		EventSamples.assertSameShape(failed.get(0));

		StockItem item = this.stock.get(tea);
		assertThat(item.onHand()).isEqualTo(5);
		assertThat(item.reserved()).isEqualTo(5);
		assertThat(item.available()).isZero();
		assertThat(item.reservedFor()).containsExactlyInAnyOrderElementsOf(
				reserved.stream().map((answer) -> answer.at("/data/orderId").asString()).toList());
		assertThat(orders).allSatisfy((order) -> assertThat(this.reservations.findById(order)).hasValueSatisfying(
				(reservation) -> assertThat(reservation.status()).isIn(Status.RESERVED, Status.FAILED)));

		// every level published on the way was a possible one
		List<JsonNode> levels = levels(tea, 7);
		assertThat(levels).allSatisfy((level) -> {
			assertThat(level.at("/data/available").asLong()).isGreaterThanOrEqualTo(0);
			assertThat(level.at("/data/reserved").asLong()).isLessThanOrEqualTo(level.at("/data/onHand").asLong());
		});
		assertThat(levels).filteredOn((level) -> "RESERVED".equals(level.at("/data/reason").asString())).hasSize(5);
	}

	/** A SKU with a stock record and this many units on hand. */
	private String sku(long onHand) {
		String sku = "RSV-" + UUID.randomUUID().toString().substring(0, 8);
		this.stock.track(sku);
		this.stock.count(sku, onHand, null);
		return sku;
	}

	private void assertStock(String sku, long onHand, long reserved) {
		StockItem item = this.stock.get(sku);
		assertThat(item.onHand()).as("on hand of %s", sku).isEqualTo(onHand);
		assertThat(item.reserved()).as("reserved of %s", sku).isEqualTo(reserved);
		assertThat(item.available()).as("available of %s", sku).isEqualTo(onHand - reserved);
	}

	/**
	 * {@code inventory.reserve-stock} from the sample, with fresh ids: SKU, quantity, ...
	 */
	private static ObjectNode reserve(String orderId, Instant expiresAt, Object... skusAndQuantities) {
		ObjectNode command = command(ReserveStock.TYPE, orderId);
		ObjectNode data = (ObjectNode) command.get("data");
		ArrayNode lines = data.putArray("lines");
		for (int i = 0; i < skusAndQuantities.length; i += 2) {
			lines.addObject().put("sku", (String) skusAndQuantities[i]).put("quantity", (int) skusAndQuantities[i + 1]);
		}
		data.put("expiresAt", expiresAt.toString());
		return command;
	}

	private static ObjectNode release(String orderId, String reason) {
		ObjectNode command = command(ReleaseReservation.TYPE, orderId);
		((ObjectNode) command.get("data")).put("reason", reason);
		return command;
	}

	private static ObjectNode commit(String orderId) {
		return command(CommitReservation.TYPE, orderId);
	}

	private static ObjectNode orderConfirmed(String orderId) {
		return command(OrderConfirmed.TYPE, orderId);
	}

	/** The sample of a type with a new id, correlation id and time, for the order. */
	private static ObjectNode command(String type, String orderId) {
		ObjectNode message = (ObjectNode) JSON.readTree(EventSamples.json(type, 1));
		message.put("id", UUID.randomUUID().toString());
		message.put("subject", orderId);
		message.put("correlationId", UUID.randomUUID().toString());
		message.put("time", Instant.now().toString());
		((ObjectNode) message.get("data")).put("orderId", orderId);
		return message;
	}

	private void send(ObjectNode message) throws Exception {
		String topic = message.get("type").asString().startsWith("order.") ? Topics.ORDER_EVENTS
				: Topics.INVENTORY_COMMANDS;
		this.kafka
			.send(new ProducerRecord<>(topic, message.get("subject").asString(), JSON.writeValueAsString(message)))
			.get();
	}

	/** Waits for at least this many answers to the order, and returns them all. */
	private List<JsonNode> answers(String orderId, int count) {
		return answers(orderId::equals, count);
	}

	private List<JsonNode> answerOfType(String orderId, String type, int count) {
		return published((record) -> orderId.equals(record.key()) && record.value().contains("\"" + type + "\""),
				count);
	}

	private List<JsonNode> answers(Predicate<String> orders, int count) {
		return published((record) -> orders.test(record.key()), count);
	}

	/**
	 * The stock levels of a SKU published so far, oldest first, once at least this many
	 * (with {@code CREATED}) are; without {@code CREATED}.
	 */
	private List<JsonNode> levels(String sku, int count) {
		return published((record) -> sku.equals(record.key()) && record.value().contains(StockLevelChanged.TYPE), count)
			.stream()
			.filter((level) -> !"CREATED".equals(level.at("/data/reason").asString()))
			.toList();
	}

	private List<JsonNode> published(Predicate<ConsumerRecord<String, String>> matching, int count) {
		AtomicReference<List<JsonNode>> seen = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			List<JsonNode> records = TopicRecords
				.awaitMatching(bootstrap(), Topics.INVENTORY_EVENTS, matching, Duration.ofSeconds(30))
				.stream()
				.map((record) -> JSON.readTree(record.value()))
				.toList();
			seen.set(records);
			assertThat(records).hasSizeGreaterThanOrEqualTo(count);
		});
		return seen.get();
	}

}
