package io.souq.mongo;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each query shape the services send (STORE.md §1.1-1.3), against its collection with the
 * indexes the service declares (§1.4) and a few hundred documents shaped like the
 * service's, most of them not matching: the index that serves it, and how many index
 * entries and documents it reads at most. Shapes that no index serves today are pinned to
 * what they do (a scan), so a change shows. A read, a claim that misses and a count
 * commit nothing to the file.
 */
class QueryShapeTests {

	private static final String DATABASE = "shop";

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	@TempDir
	Path tempDir;

	private EmbeddedMongoServer server;

	private MongoClient client;

	@BeforeEach
	void start() {
		this.server = EmbeddedMongoServer.startWithDataDir(this.tempDir.resolve("data"));
		this.client = TestBackend.client(this.server);
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.server.close();
	}

	/** What one query did. */
	private record Examined(String plan, long documents, long keys) {
	}

	private <T> Examined examine(String collection, Supplier<T> query) {
		QueryCounters counters = TestBackend.queryCounters(this.server, DATABASE, collection);
		long documents = counters.documentsExamined();
		long keys = counters.keysExamined();
		query.get();
		return new Examined(counters.lastPlan(), counters.documentsExamined() - documents,
				counters.keysExamined() - keys);
	}

	private Document souqStatus() {
		Document status = this.client.getDatabase("admin").runCommand(new Document("serverStatus", 1));
		return status.get("souq", Document.class);
	}

	private long commits() {
		return souqStatus().get("commits", Number.class).longValue();
	}

	private long writes() {
		return souqStatus().get("writes", Number.class).longValue();
	}

	/**
	 * The commit count right after an acknowledged write: the committer has just
	 * committed, and an idle compaction (which commits too) comes no sooner than about a
	 * second later, so what follows at once can be measured against it.
	 */
	private long commitsAfterAWrite() {
		collection("marker").insertOne(new Document());
		return commits();
	}

	private MongoCollection<Document> collection(String name) {
		return this.client.getDatabase(DATABASE).getCollection(name);
	}

	private static Date at(long secondsFromNow) {
		return Date.from(NOW.plusSeconds(secondsFromNow));
	}

	// orders (O1, O3, O4, R1, R2, R4 and the on-demand queries)

	private static final String[] ORDER_STATUSES = { "PLACED", "PAID", "SHIPPED", "CANCELLED" };

	private MongoCollection<Document> orders(int count) {
		MongoCollection<Document> orders = collection("orders");
		orders.createIndex(Indexes.ascending("customerId"));
		orders.createIndex(Indexes.ascending("checkoutKey"), new IndexOptions().unique(true));
		orders.createIndex(Indexes.ascending("status"));
		orders.createIndex(Indexes.ascending("wakeAt"));
		orders.createIndex(Indexes.ascending("createdAt"));
		orders.createIndex(Indexes.ascending("outbox.messageId"),
				new IndexOptions().sparse(true).name("souq_outbox_pending"));
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			documents.add(order(i));
		}
		orders.insertMany(documents);
		return orders;
	}

	/**
	 * Order i: customer c-(i % 10), every 20th waiting for a wake-up, none with pending
	 * messages.
	 */
	private static Document order(int i) {
		Document order = new Document("_id", "o-" + i).append("version", 3L)
			.append("customerId", "c-" + (i % 10))
			.append("checkoutKey", "k-" + i)
			.append("status", ORDER_STATUSES[i % ORDER_STATUSES.length])
			.append("step", (i % 3 == 0) ? "DONE" : "PAYING")
			.append("createdAt", at(-i * 60L))
			.append("lines", List.of(new Document("sku", "sku-" + (i % 7)).append("quantity", 1)))
			.append("outbox", List.of())
			.append("applied", List.of("m-" + i));
		if (i % 20 == 0) {
			order.append("wakeAt", at((i % 40 == 0) ? -30 : 3600));
		}
		return order;
	}

	@Test
	void orderByCheckoutKeyIsServedByItsUniqueIndex() {
		MongoCollection<Document> orders = orders(300);
		assertThat(examine("orders", () -> orders.find(Filters.eq("checkoutKey", "k-123")).first()))
			.isEqualTo(new Examined("checkoutKey_1", 1, 1));
		assertThat(examine("orders", () -> orders.find(Filters.eq("checkoutKey", "k-none")).first()))
			.isEqualTo(new Examined("checkoutKey_1", 0, 0));
	}

	@Test
	void orderByIdAndItsVersionedReplaceReadOneDocument() {
		MongoCollection<Document> orders = orders(300);
		assertThat(examine("orders", () -> orders.find(Filters.eq("_id", "o-42")).first()))
			.isEqualTo(new Examined("_id_", 1, 1));
		Document changed = order(42).append("version", 4L).append("status", "PAID");
		Examined replace = examine("orders",
				() -> orders.replaceOne(Filters.and(Filters.eq("_id", "o-42"), Filters.eq("version", 3L)), changed));
		assertThat(replace).isEqualTo(new Examined("_id_", 1, 1));
		assertThat(examine("orders",
				() -> orders.replaceOne(Filters.and(Filters.eq("_id", "o-42"), Filters.eq("version", 3L)), changed)
					.getMatchedCount()))
			.isEqualTo(new Examined("_id_", 1, 1));
		assertThat(orders.find(Filters.eq("_id", "o-42")).first()).containsEntry("version", 4L);
	}

	@Test
	void outboxClaimWithNothingPendingReadsNothingAndWithOnePendingReadsOne() {
		MongoCollection<Document> orders = orders(300);
		assertThat(examine("orders", () -> claim(orders))).isEqualTo(new Examined("souq_outbox_pending", 0, 0));

		orders.updateOne(Filters.eq("_id", "o-250"),
				Updates.push("outbox", new Document("messageId", "m-x").append("topic", "orders")));
		Document[] claimed = new Document[1];
		assertThat(examine("orders", () -> claimed[0] = claim(orders)))
			.isEqualTo(new Examined("souq_outbox_pending", 1, 1));
		assertThat(claimed[0]).containsEntry("_id", "o-250");
		// leased now: the next claim reads it and passes it by
		assertThat(examine("orders", () -> claim(orders))).isEqualTo(new Examined("souq_outbox_pending", 1, 1));
	}

	@Test
	void outboxClaimThatMissesCommitsNothing() {
		MongoCollection<Document> orders = orders(300);
		long before = commitsAfterAWrite();
		long writes = writes();
		for (int i = 0; i < 5; i++) {
			assertThat(claim(orders)).isNull();
		}
		assertThat(orders.updateOne(Filters.eq("_id", "o-none"), Updates.set("status", "PAID")).getMatchedCount())
			.isZero();
		assertThat(orders.countDocuments(Filters.eq("_id", "o-1"))).isOne();
		assertThat(orders.find(Filters.eq("customerId", "c-1")).into(new ArrayList<>())).hasSize(30);
		assertThat(commits()).isEqualTo(before);
		assertThat(writes()).isEqualTo(writes);

		orders.updateOne(Filters.eq("_id", "o-7"), Updates.push("outbox", new Document("messageId", "m-y")));
		assertThat(commits()).isGreaterThan(before);
		assertThat(writes()).isEqualTo(writes + 1);
	}

	/** The relay's claim (OutboxRelay.claim: filter, update and options as sent). */
	private static Document claim(MongoCollection<Document> collection) {
		Document filter = new Document("outbox.messageId", new Document("$exists", true)).append("$or",
				List.of(new Document("outboxLease.until", new Document("$exists", false)),
						new Document("outboxLease.until", new Document("$lt", at(0)))));
		Document update = new Document("$set",
				new Document("outboxLease", new Document("owner", "relay-1").append("until", at(30))));
		return collection.findOneAndUpdate(filter, update,
				new FindOneAndUpdateOptions().projection(new Document("outbox", 1))
					.returnDocument(ReturnDocument.AFTER));
	}

	@Test
	void outboxSettleFindsTheDocumentByIdAndLeaseOwner() {
		MongoCollection<Document> orders = orders(300);
		orders.updateOne(Filters.eq("_id", "o-9"), Updates.push("outbox", new Document("messageId", "m-9")));
		assertThat(claim(orders)).containsEntry("_id", "o-9");
		Bson settle = Updates.combine(
				new Document("$pull",
						new Document("outbox", new Document("messageId", new Document("$in", List.of("m-9"))))),
				Updates.unset("outboxLease"));
		Examined examined = examine("orders", () -> orders
			.updateOne(Filters.and(Filters.eq("_id", "o-9"), Filters.eq("outboxLease.owner", "relay-1")), settle));
		assertThat(examined).isEqualTo(new Examined("_id_", 1, 1));
		assertThat(examine("orders", () -> claim(orders))).isEqualTo(new Examined("souq_outbox_pending", 0, 0));
	}

	@Test
	void pendingCountReadsOnlyPendingDocumentsAndCommitsNothing() {
		MongoCollection<Document> orders = orders(300);
		for (int i = 0; i < 4; i++) {
			orders.updateOne(Filters.eq("_id", "o-" + (i * 50)), Updates.pushEach("outbox",
					List.of(new Document("messageId", "a-" + i), new Document("messageId", "b-" + i))));
		}
		long before = commitsAfterAWrite();
		List<Document> pipeline = List.of(
				new Document("$match", new Document("outbox.messageId", new Document("$exists", true))),
				new Document("$project", new Document("n", new Document("$size", "$outbox"))),
				new Document("$group", new Document("_id", null).append("n", new Document("$sum", "$n"))));
		Document[] total = new Document[1];
		assertThat(examine("orders", () -> total[0] = orders.aggregate(pipeline).first()))
			.isEqualTo(new Examined("souq_outbox_pending", 4, 8));
		assertThat(total[0].get("n", Number.class).intValue()).isEqualTo(8);
		assertThat(commits()).isEqualTo(before);
	}

	@Test
	void sagaSweeperReadsOnlyTheDueOrdersInWakeOrder() {
		MongoCollection<Document> orders = orders(600);
		List<Object> due = new ArrayList<>();
		Examined examined = examine("orders",
				() -> orders.find(Filters.lte("wakeAt", at(0)))
					.sort(Sorts.ascending("wakeAt"))
					.limit(100)
					.projection(Projections.include("_id"))
					.map((document) -> document.get("_id"))
					.into(due));
		// every 40th order is due: 15 of 600, read through wakeAt_1 without a sort
		assertThat(due).hasSize(15);
		assertThat(examined.plan()).isEqualTo("wakeAt_1");
		assertThat(examined.documents()).isEqualTo(15);
		assertThat(examined.keys()).isLessThanOrEqualTo(16);

		List<com.mongodb.client.model.UpdateOneModel<Document>> wakeUps = new ArrayList<>();
		for (int i = 1; i < 600; i += 2) {
			wakeUps.add(new com.mongodb.client.model.UpdateOneModel<>(Filters.eq("_id", "o-" + i),
					Updates.set("wakeAt", at(-i))));
		}
		orders.bulkWrite(wakeUps);
		Examined limited = examine("orders",
				() -> orders.find(Filters.lte("wakeAt", at(0)))
					.sort(Sorts.ascending("wakeAt"))
					.limit(100)
					.into(new ArrayList<>()));
		assertThat(limited.plan()).isEqualTo("wakeAt_1");
		assertThat(limited.documents()).isEqualTo(100);
		assertThat(limited.keys()).isLessThanOrEqualTo(101);
	}

	@Test
	void customerOrdersNewestFirstReadOnlyThatCustomersOrders() {
		MongoCollection<Document> orders = orders(300);
		List<Document> page = new ArrayList<>();
		Examined examined = examine("orders",
				() -> orders.find(Filters.eq("customerId", "c-3"))
					.sort(Sorts.descending("createdAt"))
					.limit(20)
					.into(page));
		// the declared index is {customerId: 1}: it finds the 30 orders, which are then
		// sorted
		assertThat(examined).isEqualTo(new Examined("customerId_1", 30, 30));
		assertThat(page).hasSize(20).first().extracting((order) -> order.get("_id")).isEqualTo("o-3");
		assertThat(examine("orders", () -> orders.countDocuments(Filters.eq("customerId", "c-3"))))
			.isEqualTo(new Examined("customerId_1", 30, 30));
	}

	@Test
	void customerOrdersNewestFirstAreServedInOrderByACompoundIndex() {
		MongoCollection<Document> orders = orders(300);
		orders.createIndex(Indexes.compoundIndex(Indexes.ascending("customerId"), Indexes.descending("createdAt")));
		List<Document> page = new ArrayList<>();
		Examined examined = examine("orders",
				() -> orders.find(Filters.eq("customerId", "c-3"))
					.sort(Sorts.descending("createdAt"))
					.limit(20)
					.into(page));
		assertThat(examined).isEqualTo(new Examined("customerId_1_createdAt_-1", 20, 20));
		assertThat(page).extracting((order) -> order.get("_id")).startsWith("o-3", "o-13", "o-23");
	}

	@Test
	void orderSearchByStatusAndCreationRangeReadsOnlyThatStatus() {
		MongoCollection<Document> orders = orders(400);
		Bson search = Filters.and(Filters.eq("status", "PAID"), Filters.gte("createdAt", at(-100 * 60)),
				Filters.lt("createdAt", at(0)));
		List<Document> page = new ArrayList<>();
		Examined examined = examine("orders",
				() -> orders.find(search)
					.sort(Sorts.orderBy(Sorts.descending("createdAt"), Sorts.ascending("_id")))
					.limit(20)
					.into(page));
		// status_1 fixes one of four statuses; the createdAt range is checked on each
		assertThat(examined).isEqualTo(new Examined("status_1", 100, 100));
		assertThat(page).hasSize(20);
		assertThat(examine("orders", () -> orders.countDocuments(search)))
			.isEqualTo(new Examined("status_1", 100, 100));
	}

	@Test
	void openSagasAreFoundByAScan() {
		MongoCollection<Document> orders = orders(300);
		// no index on step, and $nin narrows nothing: a scan (an index on step with $in
		// would serve it)
		assertThat(examine("orders", () -> orders.find(Filters.nin("step", "DONE")).into(new ArrayList<>())))
			.isEqualTo(new Examined(QueryCounters.SCAN, 300, 0));
		assertThat(examine("orders", () -> orders.countDocuments(Filters.eq("step", "DONE"))))
			.isEqualTo(new Examined(QueryCounters.SCAN, 300, 0));
	}

	// reservations, stock (I2, I4, I5)

	@Test
	void reservationSweepWalksEachBranchOfItsOrOnTheStatusIndex() {
		MongoCollection<Document> reservations = collection("reservations");
		reservations.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.ascending("expiresAt")));
		reservations.createIndex(Indexes.ascending("outbox.messageId"),
				new IndexOptions().sparse(true).name("souq_outbox_pending"));
		String[] statuses = { "PENDING", "RESERVED", "RELEASING", "COMMITTED", "RELEASED" };
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			documents.add(new Document("_id", "o-" + i).append("status", statuses[i % 5])
				.append("confirmed", i % 2 == 0)
				.append("expiresAt", at((i % 10 == 1) ? -600 : 600))
				.append("updatedAt", at((i % 10 == 2) ? -600 : -5)));
		}
		reservations.insertMany(documents);
		Bson sweep = Filters.or(
				Filters.and(Filters.in("status", "PENDING", "RESERVED"), Filters.eq("confirmed", false),
						Filters.lt("expiresAt", at(-60))),
				Filters.and(Filters.eq("status", "RELEASING"), Filters.lt("updatedAt", at(-60))));
		List<Document> due = new ArrayList<>();
		// each branch of the $or walks {status, expiresAt} on its own statuses (3 of the
		// 5 statuses, 180 documents at most): a scan would read all 300
		Examined examined = examine("reservations", () -> reservations.find(sweep).limit(100).into(due));
		assertThat(examined.plan()).isEqualTo("$or(status_1_expiresAt_1,status_1_expiresAt_1)");
		assertThat(examined.documents()).isLessThanOrEqualTo(180);
		assertThat(due).extracting((reservation) -> reservation.get("_id"))
			.containsExactlyInAnyOrder("o-1", "o-11", "o-21", "o-31", "o-41", "o-51", "o-61", "o-71", "o-81", "o-91",
					"o-101", "o-111", "o-121", "o-131", "o-141", "o-151", "o-161", "o-171", "o-181", "o-191", "o-201",
					"o-211", "o-221", "o-231", "o-241", "o-251", "o-261", "o-271", "o-281", "o-291", "o-2", "o-12",
					"o-22", "o-32", "o-42", "o-52", "o-62", "o-72", "o-82", "o-92", "o-102", "o-112", "o-122", "o-132",
					"o-142", "o-152", "o-162", "o-172", "o-182", "o-192", "o-202", "o-212", "o-222", "o-232", "o-242",
					"o-252", "o-262", "o-272", "o-282", "o-292");
	}

	@Test
	void stockByIdListAndGuardedWriteReadOnlyTheListedDocuments() {
		MongoCollection<Document> stock = collection("stock");
		stock.createIndex(Indexes.ascending("outbox.messageId"),
				new IndexOptions().sparse(true).name("souq_outbox_pending"));
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			documents.add(new Document("_id", "sku-" + i).append("version", 1L).append("onHand", 10).append("held", 0));
		}
		stock.insertMany(documents);
		assertThat(examine("stock",
				() -> stock.find(Filters.in("_id", "sku-4", "sku-40", "sku-400", "sku-140")).into(new ArrayList<>())))
			.isEqualTo(new Examined("_id_", 3, 3));
		Bson guarded = Filters.and(Filters.and(Filters.eq("_id", "sku-40"), Filters.eq("version", 1L)), new Document(
				"$expr", new Document("$gte", List.of(new Document("$subtract", List.of("$onHand", "$held")), 2))));
		assertThat(examine("stock",
				() -> stock.updateOne(guarded, Updates.combine(Updates.inc("held", 2), Updates.inc("version", 1L)))))
			.isEqualTo(new Examined("_id_", 1, 1));
		assertThat(stock.find(Filters.eq("_id", "sku-40")).first()).containsEntry("held", 2)
			.containsEntry("version", 2L);
	}

	// shipments, notifications, cart (S1, N1-N6, C1)

	@Test
	void existsByIdCountsOneDocumentAndCommitsNothing() {
		MongoCollection<Document> shipments = collection("shipments");
		shipments.createIndex(Indexes.ascending("trackingNumber"), new IndexOptions().unique(true).sparse(true));
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			Document shipment = new Document("_id", "o-" + i).append("status", "CREATED");
			if (i % 2 == 0) {
				shipment.append("trackingNumber", "T-" + i);
			}
			documents.add(shipment);
		}
		shipments.insertMany(documents);
		long before = commitsAfterAWrite();
		assertThat(examine("shipments", () -> shipments.countDocuments(Filters.eq("_id", "o-77"))))
			.isEqualTo(new Examined("_id_", 1, 1));
		assertThat(examine("shipments", () -> shipments.countDocuments(Filters.eq("_id", "o-none"))))
			.isEqualTo(new Examined("_id_", 0, 0));
		assertThat(examine("shipments", () -> shipments.find(Filters.eq("trackingNumber", "T-88")).first()))
			.isEqualTo(new Examined("trackingNumber_1", 1, 1));
		assertThat(commits()).isEqualTo(before);
	}

	private MongoCollection<Document> notifications() {
		MongoCollection<Document> notifications = collection("notifications");
		notifications.createIndex(Indexes.compoundIndex(Indexes.ascending("eventId"), Indexes.ascending("template")),
				new IndexOptions().unique(true));
		notifications
			.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.ascending("nextAttemptAt")));
		notifications.createIndex(Indexes.compoundIndex(Indexes.ascending("customerId"), Indexes.ascending("status"),
				Indexes.descending("sentAt")));
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			Document notification = new Document("_id", String.format("n-%04d", i)).append("eventId", "e-" + (i / 2))
				.append("template", (i % 2 == 0) ? "ORDER_PLACED" : "ORDER_PAID")
				.append("customerId", "c-" + (i % 8));
			if (i % 10 == 0) {
				// 40 pending: 20 due, 20 in the future
				notification.append("status", "PENDING").append("nextAttemptAt", at((i % 20 == 0) ? -i : 60 + i));
			}
			else if (i % 10 == 1) {
				notification.append("status", "WAITING_FOR_CUSTOMER");
			}
			else {
				notification.append("status", "SENT").append("sentAt", at(-i));
			}
			documents.add(notification);
		}
		notifications.insertMany(documents);
		return notifications;
	}

	@Test
	void dueNotificationsAreReadInAttemptOrderUpToTheLimit() {
		MongoCollection<Document> notifications = notifications();
		Bson due = Filters.and(Filters.eq("status", "PENDING"), Filters.lte("nextAttemptAt", at(0)));
		List<Document> found = new ArrayList<>();
		Examined examined = examine("notifications",
				() -> notifications.find(due).sort(Sorts.ascending("nextAttemptAt")).limit(50).into(found));
		assertThat(examined).isEqualTo(new Examined("status_1_nextAttemptAt_1", 20, 20));
		assertThat(found).hasSize(20).first().extracting((n) -> n.get("_id")).isEqualTo("n-0380");
		Examined limited = examine("notifications",
				() -> notifications.find(due).sort(Sorts.ascending("nextAttemptAt")).limit(5).into(new ArrayList<>()));
		assertThat(limited.plan()).isEqualTo("status_1_nextAttemptAt_1");
		assertThat(limited.documents()).isEqualTo(5);
		assertThat(limited.keys()).isLessThanOrEqualTo(6);
	}

	@Test
	void notificationClaimAndOutcomeReadOneDocument() {
		MongoCollection<Document> notifications = notifications();
		Bson claim = Filters.and(Filters.eq("_id", "n-0020"), Filters.eq("status", "PENDING"),
				Filters.lte("nextAttemptAt", at(0)));
		Document[] claimed = new Document[1];
		assertThat(examine("notifications",
				() -> claimed[0] = notifications.findOneAndUpdate(claim,
						Updates.combine(Updates.set("claim", "x-1"), Updates.set("nextAttemptAt", at(30)),
								Updates.inc("attempts", 1)),
						new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))))
			.isEqualTo(new Examined("_id_", 1, 1));
		assertThat(claimed[0]).containsEntry("claim", "x-1");
		assertThat(examine("notifications",
				() -> notifications.updateOne(Filters.and(Filters.eq("_id", "n-0020"), Filters.eq("claim", "x-1")),
						Updates.combine(Updates.set("status", "SENT"), Updates.unset("claim"),
								Updates.unset("nextAttemptAt")))))
			.isEqualTo(new Examined("_id_", 1, 1));
	}

	@Test
	void waitingNotificationsAreReadThroughTheStatusIndex() {
		MongoCollection<Document> notifications = notifications();
		Bson waiting = Filters.and(Filters.eq("status", "WAITING_FOR_CUSTOMER"), Filters.gt("_id", "n-0100"));
		List<Document> found = new ArrayList<>();
		// {status, nextAttemptAt} fixes the status; the _id condition and order are not
		// the
		// index's, so all 40 waiting ones are read (30 after n-0100) and sorted, not just
		// 10
		Examined examined = examine("notifications",
				() -> notifications.find(waiting).sort(Sorts.ascending("_id")).limit(10).into(found));
		assertThat(examined).isEqualTo(new Examined("status_1_nextAttemptAt_1", 40, 40));
		assertThat(found).hasSize(10).first().extracting((n) -> n.get("_id")).isEqualTo("n-0101");
	}

	@Test
	void customersNotificationsByStatusAreReadThroughTheCustomerIndex() {
		MongoCollection<Document> notifications = notifications();
		assertThat(examine("notifications",
				() -> notifications
					.find(Filters.and(Filters.eq("customerId", "c-1"), Filters.eq("status", "WAITING_FOR_CUSTOMER")))
					.into(new ArrayList<>())))
			.isEqualTo(new Examined("customerId_1_status_1_sentAt_-1", 10, 10));
		List<Document> page = new ArrayList<>();
		Bson sent = Filters.and(Filters.eq("customerId", "c-2"), Filters.eq("status", "SENT"));
		// sorted by sentAt desc then _id desc: the index walks sentAt desc but equal
		// sentAt in
		// _id asc, so it does not give this order; the customer's 40 SENT are read and
		// sorted
		Examined examined = examine("notifications",
				() -> notifications.find(sent)
					.sort(Sorts.orderBy(Sorts.descending("sentAt"), Sorts.descending("_id")))
					.limit(20)
					.into(page));
		assertThat(examined).isEqualTo(new Examined("customerId_1_status_1_sentAt_-1", 40, 40));
		assertThat(page).hasSize(20).first().extracting((n) -> n.get("_id")).isEqualTo("n-0002");
		assertThat(examine("notifications", () -> notifications.countDocuments(sent)))
			.isEqualTo(new Examined("customerId_1_status_1_sentAt_-1", 40, 40));
	}

	@Test
	void processedMessageAndReadModelLookupsReadOneDocument() {
		MongoCollection<Document> processed = collection("processed_messages");
		processed.createIndex(Indexes.ascending("processedAt"), new IndexOptions().expireAfter(7L, TimeUnit.DAYS));
		MongoCollection<Document> customers = collection("customers");
		customers.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
		List<Document> messages = new ArrayList<>();
		List<Document> people = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			messages.add(new Document("_id", "cart:" + i).append("processedAt", at(-i)));
			people.add(new Document("_id", "c-" + i).append("email", "c" + i + "@example.com").append("locale", "ar"));
		}
		processed.insertMany(messages);
		customers.insertMany(people);
		assertThat(examine("processed_messages", () -> processed.find(Filters.eq("_id", "cart:17")).first()))
			.isEqualTo(new Examined("_id_", 1, 1));
		assertThat(examine("customers", () -> customers.find(Filters.eq("email", "c17@example.com")).first()))
			.isEqualTo(new Examined("email_1", 1, 1));
		assertThat(examine("customers",
				() -> customers.updateOne(Filters.eq("_id", "c-17"), Updates.set("locale", "en"),
						new com.mongodb.client.model.UpdateOptions().upsert(true))))
			.isEqualTo(new Examined("_id_", 1, 1));
	}

	// products, payment methods, idempotency keys (K1, K2, K3, catalog queries)

	private MongoCollection<Document> products() {
		MongoCollection<Document> products = collection("products");
		products.createIndex(Indexes.ascending("sku"), new IndexOptions().unique(true));
		products.createIndex(Indexes.ascending("category"));
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			Document product = new Document("_id", "p-" + i).append("sku", "SKU-" + i)
				.append("name", "Product " + i)
				.append("category", "cat-" + (i % 6))
				.append("available", 5);
			if (i % 3 != 0) {
				product.append("availableAt", at(-i));
			}
			documents.add(product);
		}
		products.insertMany(documents);
		return products;
	}

	@Test
	void stockLevelChangeFindsTheProductBySku() {
		MongoCollection<Document> products = products();
		Bson newer = Filters.and(Filters.eq("sku", "SKU-100"),
				Filters.or(Filters.eq("availableAt", null), Filters.lte("availableAt", at(0))));
		Bson level = Updates.combine(Updates.set("available", 3), Updates.set("availableAt", at(0)));
		assertThat(examine("products", () -> products.updateOne(newer, level))).isEqualTo(new Examined("sku_1", 1, 1));
		Bson older = Filters.and(Filters.eq("sku", "SKU-100"),
				Filters.or(Filters.eq("availableAt", null), Filters.lte("availableAt", at(-10))));
		assertThat(examine("products", () -> products.updateOne(older, Updates.set("available", 9)).getModifiedCount()))
			.isEqualTo(new Examined("sku_1", 1, 1));
		assertThat(products.find(Filters.eq("sku", "SKU-100")).first()).containsEntry("available", 3);
	}

	@Test
	void catalogSearchIsAScanAndSkuExistenceReadsOneDocument() {
		MongoCollection<Document> products = products();
		// a regex over names, or'ed with a category: no index serves it today
		Bson search = Filters.or(Filters.regex("name", "uct 1[0-9]$"), Filters.eq("category", "cat-5"));
		assertThat(examine("products", () -> products.find(search).into(new ArrayList<>())))
			.isEqualTo(new Examined(QueryCounters.SCAN, 300, 0));
		assertThat(examine("products", () -> products.countDocuments(Filters.eq("sku", "SKU-7"))))
			.isEqualTo(new Examined("sku_1", 1, 1));
		assertThat(examine("products", () -> products.find(Filters.eq("category", "cat-2")).into(new ArrayList<>())))
			.isEqualTo(new Examined("category_1", 50, 50));
	}

	@Test
	void paymentMethodsOfACustomerAreReadThroughTheirIndex() {
		MongoCollection<Document> methods = collection("payment_methods");
		methods.createIndex(Indexes.ascending("customerId"));
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			documents
				.add(new Document("_id", "pm-" + i).append("customerId", "c-" + (i % 100)).append("last4", "4242"));
		}
		methods.insertMany(documents);
		assertThat(examine("payment_methods",
				() -> methods.find(Filters.eq("customerId", "c-42")).into(new ArrayList<>())))
			.isEqualTo(new Examined("customerId_1", 3, 3));
		assertThat(examine("payment_methods", () -> methods.find(Filters.eq("_id", "pm-42")).first()))
			.isEqualTo(new Examined("_id_", 1, 1));
	}

	@Test
	void idempotencyPurgeDeletesOnlyTheExpiredKeysThroughTheTtlIndex() {
		MongoCollection<Document> keys = collection("idempotency_keys");
		keys.createIndex(Indexes.ascending("expiresAt"),
				new IndexOptions().name("ttl").expireAfter(0L, TimeUnit.SECONDS));
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			documents.add(new Document("_id", "scope:" + i).append("attempt", "a-" + i)
				.append("expiresAt", at((i % 10 == 0) ? -60 : 3600)));
		}
		keys.insertMany(documents);
		assertThat(examine("idempotency_keys",
				() -> keys.replaceOne(Filters.and(Filters.eq("_id", "scope:5"), Filters.eq("attempt", "a-5")),
						new Document("attempt", "a-5").append("expiresAt", at(3600)).append("response", 201))))
			.isEqualTo(new Examined("_id_", 1, 1));
		long[] deleted = new long[1];
		assertThat(examine("idempotency_keys",
				() -> deleted[0] = keys.deleteMany(Filters.lte("expiresAt", at(0))).getDeletedCount()))
			.isEqualTo(new Examined("ttl", 30, 30));
		assertThat(deleted[0]).isEqualTo(30);
		assertThat(TestBackend.indexDifferences(this.server, this.client, DATABASE)).isEmpty();
	}

}
