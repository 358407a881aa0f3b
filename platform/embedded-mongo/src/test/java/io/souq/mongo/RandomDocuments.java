package io.souq.mongo;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * Seeded random documents, filters, sorts and updates over one small value domain, so
 * that values collide often: mixed number types (int, long, double, Decimal128), dates,
 * strings, booleans, ObjectIds, null and missing fields, arrays of scalars and of
 * subdocuments, nested paths. The same seed always yields the same sequence.
 */
final class RandomDocuments {

	/** The indexes the random documents are queried through. */
	static final List<String> INDEXES = List.of("a_1", "b_-1", "c_1_b_-1", "nested.x_1", "tags_1",
			"souq_outbox_pending", "code_1", "d_-1_c_1", "ver_1");

	static final long BASE_MILLIS = 1_767_225_600_000L;

	/** Fields a filter or sort may name. */
	private static final String[] FIELDS = { "a", "b", "c", "d", "tags", "outbox.messageId", "outbox.n", "nested.x",
			"nested.y", "code", "flag", "ver", "_id", "outbox" };

	/**
	 * Fields a sort may name. Not {@code tags}: mongo-java-server's sort comparator is
	 * not a total order over arrays (empty ones especially), so the order of
	 * equal-looking documents, and whether the sort fails, depends on the order it reads
	 * them in.
	 */
	private static final String[] SORT_FIELDS = { "a", "b", "c", "d", "nested.x", "ver", "code" };

	private static final String[] STRINGS = { "x", "y", "z", "w" };

	private static final String[] TAGS = { "red", "green", "blue", "black" };

	private final Random random;

	private int nextId;

	private int nextCode;

	RandomDocuments(long seed) {
		this.random = new Random(seed);
	}

	Random random() {
		return this.random;
	}

	static void createIndexes(MongoCollection<Document> collection) {
		collection.createIndex(Indexes.ascending("a"));
		collection.createIndex(Indexes.descending("b"));
		collection.createIndex(Indexes.compoundIndex(Indexes.ascending("c"), Indexes.descending("b")));
		collection.createIndex(Indexes.ascending("nested.x"));
		collection.createIndex(Indexes.ascending("tags"));
		collection.createIndex(Indexes.ascending("outbox.messageId"),
				new IndexOptions().sparse(true).name("souq_outbox_pending"));
		collection.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true).sparse(true));
		collection.createIndex(Indexes.compoundIndex(Indexes.descending("d"), Indexes.ascending("c")));
		collection.createIndex(Indexes.ascending("ver"));
	}

	// documents

	Object newId() {
		int n = this.nextId++;
		return switch (this.random.nextInt(3)) {
			case 0 -> n;
			case 1 -> "s-" + n;
			default -> objectId(n);
		};
	}

	private static ObjectId objectId(int n) {
		return new ObjectId(ByteBuffer.allocate(12).putInt(0x65000000).putLong(n).array());
	}

	Document newDocument() {
		return body().append("_id", newId());
	}

	List<Document> newDocuments(int count) {
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			documents.add(newDocument());
		}
		return documents;
	}

	/** A document without {@code _id} (a replacement). */
	Document body() {
		Document document = new Document();
		int shape = this.random.nextInt(10);
		if (shape < 7) {
			document.append("a", scalar());
		}
		else if (shape < 8) {
			document.append("a", scalars(1 + this.random.nextInt(3)));
		}
		shape = this.random.nextInt(10);
		if (shape < 7) {
			document.append("b", this.random.nextBoolean() ? this.random.nextInt(6) : (long) this.random.nextInt(6));
		}
		else if (shape < 8) {
			document.append("b", null);
		}
		shape = this.random.nextInt(10);
		if (shape < 8) {
			document.append("c", pick(STRINGS));
		}
		else if (shape < 9) {
			document.append("c", null);
		}
		shape = this.random.nextInt(20);
		if (shape < 15) {
			document.append("d", date());
		}
		else if (shape < 16) {
			document.append("d", "2026");
		}
		shape = this.random.nextInt(10);
		if (shape < 6) {
			document.append("tags", tags());
		}
		else if (shape < 7) {
			document.append("tags", pick(TAGS));
		}
		shape = this.random.nextInt(10);
		if (shape < 4) {
			List<Document> outbox = new ArrayList<>();
			int entries = 1 + this.random.nextInt(2);
			for (int i = 0; i < entries; i++) {
				outbox.add(outboxEntry());
			}
			document.append("outbox", outbox);
		}
		else if (shape < 5) {
			document.append("outbox", new ArrayList<>());
		}
		shape = this.random.nextInt(10);
		if (shape < 6) {
			Document nested = new Document();
			if (this.random.nextInt(6) > 0) {
				nested.append("x", number());
			}
			nested.append("y", pick(STRINGS));
			document.append("nested", nested);
		}
		else if (shape < 7) {
			document.append("nested", null);
		}
		if (this.random.nextBoolean()) {
			document.append("code", newCode());
		}
		if (this.random.nextBoolean()) {
			document.append("flag", this.random.nextBoolean());
		}
		document.append("ver", this.random.nextBoolean() ? 0 : 0L);
		return document;
	}

	String newCode() {
		return "k-" + this.nextCode++;
	}

	private Document outboxEntry() {
		Document entry = new Document();
		if (this.random.nextInt(8) > 0) {
			entry.append("messageId", "m-" + this.random.nextInt(20));
		}
		entry.append("n", this.random.nextInt(4));
		return entry;
	}

	private List<String> tags() {
		List<String> tags = new ArrayList<>();
		int count = this.random.nextInt(4);
		for (int i = 0; i < count; i++) {
			tags.add(pick(TAGS));
		}
		return tags;
	}

	private List<Object> scalars(int count) {
		List<Object> values = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			values.add(scalar());
		}
		return values;
	}

	/** A number of any of the four types, often equal in value to one of another type. */
	Object number() {
		int value = this.random.nextInt(8);
		return switch (this.random.nextInt(5)) {
			case 0 -> value;
			case 1 -> (long) value;
			case 2 -> (double) value;
			case 3 -> value + 0.5;
			default -> new Decimal128(
					new BigDecimal(value).add(this.random.nextBoolean() ? BigDecimal.ZERO : new BigDecimal("0.5")));
		};
	}

	Date date() {
		return new Date(BASE_MILLIS + this.random.nextInt(10) * 1_000L);
	}

	/** Any scalar of the domain, null included. */
	Object scalar() {
		return switch (this.random.nextInt(10)) {
			case 0, 1, 2 -> number();
			case 3, 4 -> pick(STRINGS);
			case 5 -> null;
			case 6 -> this.random.nextBoolean();
			case 7 -> date();
			case 8 -> objectId(this.random.nextInt(5));
			default -> pick(TAGS);
		};
	}

	private <T> T pick(T[] values) {
		return values[this.random.nextInt(values.length)];
	}

	// filters

	/** A value for a condition on a field: mostly of the field's own kind. */
	private Object valueFor(String field) {
		if (this.random.nextInt(5) == 0) {
			return scalar();
		}
		return switch (field) {
			case "a" -> scalar();
			case "b", "ver", "outbox.n", "nested.x" -> number();
			case "c", "nested.y" -> pick(STRINGS);
			case "d" -> date();
			case "tags" -> pick(TAGS);
			case "outbox.messageId" -> "m-" + this.random.nextInt(22);
			case "code" -> "k-" + this.random.nextInt(Math.max(1, this.nextCode + 3));
			case "flag" -> this.random.nextBoolean();
			case "_id" -> idLike();
			default -> scalar();
		};
	}

	private Object idLike() {
		int n = this.random.nextInt(Math.max(1, this.nextId + 2));
		return switch (this.random.nextInt(3)) {
			case 0 -> this.random.nextBoolean() ? n : (long) n;
			case 1 -> "s-" + n;
			default -> objectId(n);
		};
	}

	private List<Object> valuesFor(String field) {
		List<Object> values = new ArrayList<>();
		int count = 1 + this.random.nextInt(4);
		for (int i = 0; i < count; i++) {
			values.add(valueFor(field));
		}
		return values;
	}

	/** A random filter: conditions on fields, combined with $and, $or, or both. */
	Document filter() {
		return filter(0);
	}

	private Document filter(int depth) {
		int shape = this.random.nextInt(10);
		if (depth < 2 && shape == 0) {
			return new Document("$or", clauses(depth));
		}
		if (depth < 2 && shape == 1) {
			return new Document("$and", clauses(depth));
		}
		Document filter = new Document();
		int conditions = 1 + this.random.nextInt(3);
		for (int i = 0; i < conditions; i++) {
			String field = pick(FIELDS);
			if (!filter.containsKey(field)) {
				filter.append(field, condition(field));
			}
		}
		if (depth < 2 && this.random.nextInt(6) == 0) {
			filter.append("$or", clauses(depth));
		}
		return filter;
	}

	private List<Document> clauses(int depth) {
		List<Document> clauses = new ArrayList<>();
		int count = 2 + this.random.nextInt(2);
		for (int i = 0; i < count; i++) {
			clauses.add(filter(depth + 1));
		}
		return clauses;
	}

	private Object condition(String field) {
		if (field.equals("outbox")) {
			Document match = new Document();
			match.append(this.random.nextBoolean() ? "messageId" : "n",
					this.random.nextBoolean() ? valueFor("outbox.messageId") : valueFor("outbox.n"));
			return new Document("$elemMatch", match);
		}
		return switch (this.random.nextInt(12)) {
			case 0, 1, 2 -> valueFor(field);
			case 3 -> new Document("$eq", valueFor(field));
			case 4 -> new Document("$in", valuesFor(field));
			case 5 -> new Document("$exists", this.random.nextBoolean());
			case 6 -> new Document("$ne", valueFor(field));
			case 7 -> new Document("$nin", valuesFor(field));
			case 8 -> (this.random.nextBoolean()) ? null : new Document("$in", Arrays.asList(valueFor(field), "x"));
			default -> range(field);
		};
	}

	private Document range(String field) {
		Document range = new Document();
		int bounds = this.random.nextInt(3);
		if (bounds != 1) {
			range.append(this.random.nextBoolean() ? "$gt" : "$gte", valueFor(field));
		}
		if (bounds != 0) {
			range.append(this.random.nextBoolean() ? "$lt" : "$lte", valueFor(field));
		}
		return range;
	}

	/** A sort of up to two fields, always ending with {@code _id}: a total order. */
	Document sort() {
		Document sort = new Document();
		int fields = this.random.nextInt(3);
		for (int i = 0; i < fields; i++) {
			String field = pick(SORT_FIELDS);
			if (!sort.containsKey(field)) {
				sort.append(field, this.random.nextBoolean() ? 1 : -1);
			}
		}
		sort.append("_id", this.random.nextBoolean() ? 1 : -1);
		return sort;
	}

	String distinctField() {
		return pick(new String[] { "a", "b", "c", "tags", "outbox.messageId", "nested.x", "d" });
	}

	// updates

	/**
	 * An update. A safe one never fails whatever the document holds (so a multi-document
	 * update changes the same documents in any order) and always changes the document
	 * ({@code ver} goes up).
	 * @param safe whether to avoid operators that fail on some documents
	 */
	Bson update(boolean safe) {
		Document update = new Document();
		List<String> used = new ArrayList<>();
		Document set = new Document();
		Document unset = new Document();
		int operations = 1 + this.random.nextInt(3);
		for (int i = 0; i < operations; i++) {
			switch (this.random.nextInt(safe ? 5 : 8)) {
				case 0 -> {
					String field = pick(new String[] { "a", "b", "c", "d", "flag", "tags", "nested" });
					if (claim(used, field)) {
						set.append(field, setValue(field));
					}
				}
				case 1 -> {
					String field = pick(new String[] { "a", "b", "c", "d", "flag", "tags", "nested", "outbox" });
					if (claim(used, field)) {
						unset.append(field, "");
					}
				}
				case 2 -> {
					if (claim(used, "outbox")) {
						update.append("$push", new Document("outbox", outboxEntry()));
					}
				}
				case 3 -> {
					if (claim(used, "outbox")) {
						update.append("$pull",
								new Document("outbox", new Document("messageId", "m-" + this.random.nextInt(20))));
					}
				}
				case 4 -> {
					if (claim(used, "outbox")) {
						update.append("$addToSet", new Document("outbox", outboxEntry()));
					}
				}
				case 5 -> {
					if (claim(used, "tags")) {
						update.append(pick(new String[] { "$push", "$addToSet", "$pull" }),
								new Document("tags", pick(TAGS)));
					}
				}
				case 6 -> {
					if (claim(used, "nested")) {
						set.append("nested.x", number());
					}
				}
				default -> {
					if (claim(used, "code")) {
						set.append("code", this.random.nextInt(4) == 0 ? "k-" + this.random.nextInt(this.nextCode + 1)
								: newCode());
					}
				}
			}
		}
		if (!set.isEmpty()) {
			update.append("$set", set);
		}
		if (!unset.isEmpty()) {
			update.append("$unset", unset);
		}
		update.append("$inc", new Document("ver", this.random.nextBoolean() ? 1 : 1L));
		return update;
	}

	private static boolean claim(List<String> used, String field) {
		if (used.contains(field)) {
			return false;
		}
		used.add(field);
		return true;
	}

	private Object setValue(String field) {
		return switch (field) {
			case "b" -> number();
			case "c" -> this.random.nextInt(5) == 0 ? null : pick(STRINGS);
			case "d" -> date();
			case "flag" -> this.random.nextBoolean();
			case "tags" -> tags();
			case "nested" -> new Document("x", number()).append("y", pick(STRINGS));
			default -> (this.random.nextInt(6) == 0) ? scalars(1 + this.random.nextInt(3)) : scalar();
		};
	}

}
