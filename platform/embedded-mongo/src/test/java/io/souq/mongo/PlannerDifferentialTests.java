package io.souq.mongo;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import com.mongodb.MongoException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndDeleteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.DeleteResult;
import com.mongodb.client.result.UpdateResult;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query planner never changes a result: seeded random documents (mixed number types,
 * dates, null and missing fields, arrays of scalars and of subdocuments, nested paths)
 * under nine indexes (ascending, descending, compound, sparse through an array of
 * subdocuments, unique sparse, multikey) and a random mix of writes, queried with random
 * filters, sorts, limits, counts and distincts. Every query runs on the same server with
 * the planner on and with it off (a full scan) and both answers must be equal, in order
 * when sorted; every write runs on a server that plans and on one that scans, and both
 * must answer alike and end with equal collections. After every step each secondary index
 * equals its rebuild from the documents.
 * <p>
 * Which document an unsorted single-document write picks is not specified (MongoDB picks
 * in the order of whatever it walks): such a write runs on the planning server first, is
 * checked to have picked a document that matches, and is then pinned to that document on
 * the scanning server. {@code -Dsouq.differential.seeds=N} runs N seeds instead of the
 * default ones.
 */
class PlannerDifferentialTests {

	private static final String DATABASE = "shop";

	private static final String COLLECTION = "items";

	private static final int INITIAL_DOCUMENTS = 320;

	private static final int REFILL_BELOW = 260;

	private static final int STEPS = Integer.getInteger("souq.differential.steps", 60);

	private static final int QUERIES_EVERY = 4;

	private static final int QUERIES = 12;

	private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

	@TempDir
	Path tempDir;

	private final List<AutoCloseable> resources = new ArrayList<>();

	private final List<String> mismatches = new ArrayList<>();

	private long seed;

	private EmbeddedMongoServer planned;

	private EmbeddedMongoServer scanned;

	private MongoClient plannedClient;

	private MongoClient scannedClient;

	private MongoCollection<Document> plannedItems;

	private MongoCollection<Document> scannedItems;

	private RandomDocuments random;

	static Stream<Arguments> seeds() {
		int count = Integer.getInteger("souq.differential.seeds", 0);
		List<Arguments> arguments = new ArrayList<>();
		if (count > 0) {
			for (long each = 1; each <= count; each++) {
				arguments.add(Arguments.of(TestBackend.IN_MEMORY, each));
			}
			return arguments.stream();
		}
		arguments.add(Arguments.of(TestBackend.IN_MEMORY, 11L));
		arguments.add(Arguments.of(TestBackend.H2_FILE, 23L));
		arguments.add(Arguments.of(TestBackend.H2_FILE, 47L));
		arguments.add(Arguments.of(TestBackend.H2_FILE, 101L));
		return arguments.stream();
	}

	@AfterEach
	void close() throws Exception {
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			this.resources.get(i).close();
		}
	}

	@ParameterizedTest(name = "{0}, seed {1}")
	@MethodSource("seeds")
	void plannedQueriesAndWritesAnswerExactlyAsFullScans(TestBackend backend, long seed) {
		this.seed = seed;
		this.random = new RandomDocuments(seed);
		this.planned = backend.start(this.tempDir.resolve("planned"));
		this.resources.add(this.planned);
		this.scanned = backend.start(this.tempDir.resolve("scanned"));
		this.resources.add(this.scanned);
		this.scanned.backend().context().plannerEnabled(false);
		this.plannedClient = TestBackend.client(this.planned);
		this.resources.add(this.plannedClient);
		this.scannedClient = TestBackend.client(this.scanned);
		this.resources.add(this.scannedClient);
		this.plannedItems = this.plannedClient.getDatabase(DATABASE).getCollection(COLLECTION);
		this.scannedItems = this.scannedClient.getDatabase(DATABASE).getCollection(COLLECTION);
		RandomDocuments.createIndexes(this.plannedItems);
		RandomDocuments.createIndexes(this.scannedItems);
		List<Document> initial = this.random.newDocuments(INITIAL_DOCUMENTS);
		both("insertMany " + initial.size(),
				(items) -> String.valueOf(items.insertMany(initial).getInsertedIds().size()));
		checkIndexes("initial insert");
		queries("initial");

		for (int step = 0; step < STEPS && this.mismatches.size() < 10; step++) {
			String description = write(step);
			checkIndexes("step " + step + ": " + description);
			if (step % QUERIES_EVERY == 0) {
				queries("after step " + step + ": " + description);
			}
		}
		List<String> scannedDifferences = TestBackend.indexDifferences(this.scanned, this.scannedClient, DATABASE);
		if (!scannedDifferences.isEmpty()) {
			mismatch("index differences of the scanning server", "", scannedDifferences.toString());
		}
		List<String> plannedDocuments = all(this.plannedItems);
		List<String> scannedDocuments = all(this.scannedItems);
		if (!plannedDocuments.equals(scannedDocuments)) {
			mismatch("final collections", plannedDocuments, scannedDocuments);
		}
		assertThat(this.mismatches).as("seed %d on %s", seed, backend).isEmpty();
		assertThat(plannedDocuments).hasSizeGreaterThan(100);
		assertThat(TestBackend.queryCounters(this.planned, DATABASE, COLLECTION).plans("a_1"))
			.as("the planner was exercised")
			.isPositive();
	}

	// writes

	private String write(int step) {
		Random random = this.random.random();
		int kind = random.nextInt(20);
		switch (kind) {
			case 0, 1 -> {
				Document document = (random.nextInt(10) == 0 && !ids().isEmpty())
						? this.random.body().append("_id", anyId()) : this.random.newDocument();
				return both("insertOne " + json(document), (items) -> result(() -> {
					items.insertOne(document);
					return "inserted";
				}));
			}
			case 2 -> {
				List<Document> documents = this.random.newDocuments(2 + random.nextInt(4));
				return both("insertMany " + documents.size(),
						(items) -> result(() -> String.valueOf(items.insertMany(documents).getInsertedIds().size())));
			}
			case 3, 4 -> {
				Bson filter = pinned();
				Bson update = this.random.update(false);
				return both("updateOne " + json(filter) + " " + json(update),
						(items) -> result(() -> describe(items.updateOne(filter, update))));
			}
			case 5, 6 -> {
				Bson filter = this.random.filter();
				Bson update = this.random.update(true);
				return both("updateMany " + json(filter) + " " + json(update),
						(items) -> result(() -> describe(items.updateMany(filter, update))));
			}
			case 7 -> {
				Bson filter = pinned();
				Document replacement = this.random.body();
				return both("replaceOne " + json(filter) + " " + json(replacement),
						(items) -> result(() -> describe(items.replaceOne(filter, replacement))));
			}
			case 8 -> {
				Object id = random.nextBoolean() ? this.random.newId() : anyId();
				Bson filter = random.nextBoolean() ? Filters.eq("_id", id)
						: Filters.and(Filters.eq("_id", id), this.random.filter());
				Bson update = this.random.update(true);
				return both("upsert " + json(filter) + " " + json(update), (items) -> result(
						() -> describe(items.updateOne(filter, update, new UpdateOptions().upsert(true)))));
			}
			case 9 -> {
				Bson filter = pinned();
				return both("deleteOne " + json(filter), (items) -> result(() -> describe(items.deleteOne(filter))));
			}
			case 10 -> {
				Bson filter = Filters.and(this.random.filter(), this.random.filter());
				return both("deleteMany " + json(filter), (items) -> result(() -> describe(items.deleteMany(filter))));
			}
			case 11, 12 -> {
				Bson filter = this.random.filter();
				Bson update = this.random.update(false);
				Bson sort = this.random.sort();
				ReturnDocument returned = random.nextBoolean() ? ReturnDocument.AFTER : ReturnDocument.BEFORE;
				return both("findOneAndUpdate " + json(filter) + " " + json(update) + " sort " + json(sort),
						(items) -> result(() -> json(items.findOneAndUpdate(filter, update,
								new FindOneAndUpdateOptions().sort(sort).returnDocument(returned)))));
			}
			case 13 -> {
				Bson filter = this.random.filter();
				Bson sort = this.random.sort();
				return both("findOneAndDelete " + json(filter) + " sort " + json(sort), (items) -> result(
						() -> json(items.findOneAndDelete(filter, new FindOneAndDeleteOptions().sort(sort)))));
			}
			case 14, 15 -> {
				Bson filter = this.random.filter();
				Bson update = this.random.update(true);
				return unpinned("findOneAndUpdate " + json(filter) + " " + json(update), filter,
						(items, pin) -> json(items.findOneAndUpdate(pin, update)));
			}
			case 16 -> {
				Bson filter = this.random.filter();
				return unpinned("findOneAndDelete " + json(filter), filter,
						(items, pin) -> json(items.findOneAndDelete(pin)));
			}
			case 17 -> {
				Bson filter = this.random.filter();
				Bson update = this.random.update(true);
				return unpinned("updateOne " + json(filter) + " " + json(update), filter,
						(items, pin) -> describe(items.updateOne(pin, update)));
			}
			case 18 -> {
				Bson filter = this.random.filter();
				return unpinned("deleteOne " + json(filter), filter, (items, pin) -> describe(items.deleteOne(pin)));
			}
			default -> {
				if (this.scannedItems.countDocuments() < REFILL_BELOW) {
					List<Document> documents = this.random.newDocuments(60);
					return both("refill",
							(items) -> String.valueOf(items.insertMany(documents).getInsertedIds().size()));
				}
				Bson filter = this.random.filter();
				return both("countDocuments " + json(filter), (items) -> String.valueOf(items.countDocuments(filter)));
			}
		}
	}

	/** Runs a write on both servers; both must answer alike. */
	private String both(String description, Function<MongoCollection<Document>, String> write) {
		String plannedResult = write.apply(this.plannedItems);
		String scannedResult = write.apply(this.scannedItems);
		if (!plannedResult.equals(scannedResult)) {
			mismatch(description, plannedResult, scannedResult);
		}
		return description;
	}

	private interface PinnedWrite {

		String apply(MongoCollection<Document> items, Bson filter);

	}

	/**
	 * Runs an unsorted single-document write on the planning server, checks that it
	 * changed exactly one document that matched (or none when none matched), and runs it
	 * pinned to that document on the scanning server.
	 */
	private String unpinned(String description, Bson filter, PinnedWrite write) {
		Map<Object, String> before = new HashMap<>();
		withPlanner(false, () -> {
			for (Document document : this.plannedItems.find(filter)) {
				before.put(document.get("_id"), json(document));
			}
			return null;
		});
		String plannedResult = write.apply(this.plannedItems, filter);
		Map<Object, String> after = new HashMap<>();
		if (!before.isEmpty()) {
			for (Document document : withPlanner(false,
					() -> this.plannedItems.find(Filters.in("_id", new ArrayList<>(before.keySet())))
						.into(new ArrayList<>()))) {
				after.put(document.get("_id"), json(document));
			}
		}
		List<Object> changed = new ArrayList<>();
		before.forEach((id, document) -> {
			if (!document.equals(after.get(id))) {
				changed.add(id);
			}
		});
		if (changed.size() != Math.min(1, before.size())) {
			mismatch(description + " (changed " + changed + " of the matches " + before.keySet() + ")", plannedResult,
					"one of " + before.keySet());
			return description;
		}
		Bson pin = changed.isEmpty() ? filter : Filters.and(filter, Filters.eq("_id", changed.get(0)));
		String scannedResult = write.apply(this.scannedItems, pin);
		if (!plannedResult.equals(scannedResult)) {
			mismatch(description + " pinned to " + changed, plannedResult, scannedResult);
		}
		return description;
	}

	/** A filter that matches at most one document: by {@code _id} or unique code. */
	private Bson pinned() {
		Random random = this.random.random();
		Bson pin;
		if (random.nextBoolean()) {
			pin = Filters.eq("_id", anyId());
		}
		else {
			List<String> codes = this.scannedItems.distinct("code", String.class).into(new ArrayList<>());
			pin = Filters.eq("code", codes.isEmpty() ? "none" : codes.get(random.nextInt(codes.size())));
		}
		return random.nextBoolean() ? pin : Filters.and(pin, this.random.filter());
	}

	private List<Object> ids() {
		return this.scannedItems.find()
			.projection(Projections.include("_id"))
			.sort(Sorts.ascending("_id"))
			.map((document) -> document.get("_id"))
			.into(new ArrayList<>());
	}

	private Object anyId() {
		List<Object> ids = ids();
		return ids.isEmpty() ? -1 : ids.get(this.random.random().nextInt(ids.size()));
	}

	// queries

	private void queries(String when) {
		Random random = this.random.random();
		for (int i = 0; i < QUERIES; i++) {
			Bson filter = this.random.filter();
			int kind = random.nextInt(6);
			switch (kind) {
				case 0, 1 -> {
					Bson sort = this.random.sort();
					int skip = random.nextInt(3) == 0 ? random.nextInt(20) : 0;
					int limit = random.nextBoolean() ? 1 + random.nextInt(30) : 0;
					compare(when, "find " + json(filter) + " sort " + json(sort) + " skip " + skip + " limit " + limit,
							() -> find(this.plannedItems.find(filter).sort(sort).skip(skip).limit(limit)));
				}
				case 2 -> compare(when, "find " + json(filter), () -> sorted(find(this.plannedItems.find(filter))));
				case 3 -> {
					int limit = 1 + random.nextInt(5);
					String query = "find " + json(filter) + " limit " + limit;
					List<String> all = withPlanner(false, () -> find(this.plannedItems.find(filter)));
					List<String> some = withPlanner(true, () -> find(this.plannedItems.find(filter).limit(limit)));
					if (some.size() != Math.min(limit, all.size()) || !all.containsAll(some)) {
						mismatch(when + ": " + query, some.toString(), "any " + limit + " of " + all);
					}
				}
				case 4 -> compare(when, "countDocuments " + json(filter),
						() -> List.of(String.valueOf(this.plannedItems.countDocuments(filter))));
				default -> {
					String field = this.random.distinctField();
					compare(when, "distinct " + field + " " + json(filter),
							() -> sorted(this.plannedItems.distinct(field, filter, BsonValue.class)
								.map(PlannerDifferentialTests::distinctValue)
								.into(new ArrayList<>())));
				}
			}
		}
	}

	private void compare(String when, String query, java.util.function.Supplier<List<String>> run) {
		List<String> withIndexes = withPlanner(true, () -> guarded(run));
		List<String> withScan = withPlanner(false, () -> guarded(run));
		if (!withIndexes.equals(withScan)) {
			mismatch(when + ": " + query, withIndexes, withScan);
		}
	}

	private static List<String> guarded(java.util.function.Supplier<List<String>> run) {
		try {
			return run.get();
		}
		catch (MongoException ex) {
			return List.of("error " + ex.getCode() + ": " + ex.getMessage());
		}
	}

	private <T> T withPlanner(boolean enabled, java.util.function.Supplier<T> run) {
		this.planned.backend().context().plannerEnabled(enabled);
		try {
			return run.get();
		}
		finally {
			this.planned.backend().context().plannerEnabled(true);
		}
	}

	/**
	 * A distinct value, numbers by value only: of numerically equal values of several
	 * types, distinct keeps the first it meets.
	 */
	private static String distinctValue(BsonValue value) {
		if (value == null) {
			return "null";
		}
		if (value.isNumber() || value.isDecimal128()) {
			BigDecimal number = value.isDecimal128() ? value.asDecimal128().decimal128Value().bigDecimalValue()
					: value.isDouble() ? BigDecimal.valueOf(value.asDouble().getValue())
							: BigDecimal.valueOf(value.asNumber().longValue());
			return "number:" + number.stripTrailingZeros().toPlainString();
		}
		return value.getBsonType() + ":" + value;
	}

	private static List<String> find(FindIterable<Document> documents) {
		return documents.map(PlannerDifferentialTests::json).into(new ArrayList<>());
	}

	private static List<String> sorted(List<String> values) {
		List<String> sorted = new ArrayList<>(values);
		sorted.sort(null);
		return sorted;
	}

	private static List<String> all(MongoCollection<Document> items) {
		return find(items.find().sort(Sorts.ascending("_id")));
	}

	// checks

	private void checkIndexes(String when) {
		List<String> plannedDifferences = TestBackend.indexDifferences(this.planned, this.plannedClient, DATABASE);
		List<String> scannedDifferences = List.of();
		if (!plannedDifferences.isEmpty() || !scannedDifferences.isEmpty()) {
			mismatch("index differences " + when, plannedDifferences.toString(), scannedDifferences.toString());
		}
	}

	private void mismatch(String what, List<String> planned, List<String> scanned) {
		int first = 0;
		while (first < planned.size() && first < scanned.size() && planned.get(first).equals(scanned.get(first))) {
			first++;
		}
		mismatch(
				what + " (" + planned.size() + " and " + scanned.size() + " results, first difference at " + first
						+ ")",
				planned.subList(first, Math.min(planned.size(), first + 3)).toString(),
				scanned.subList(first, Math.min(scanned.size(), first + 3)).toString());
	}

	private void mismatch(String what, String planned, String scanned) {
		String message = "seed " + this.seed + ", " + what + "\n  planned: " + planned + "\n  scanned: " + scanned;
		System.err.println("MISMATCH " + message);
		this.mismatches.add(message);
	}

	private static String result(java.util.function.Supplier<String> write) {
		try {
			return write.get();
		}
		catch (MongoException ex) {
			return "error " + ex.getCode();
		}
	}

	private static String describe(UpdateResult result) {
		return "matched " + result.getMatchedCount() + ", modified " + result.getModifiedCount() + ", upserted "
				+ result.getUpsertedId();
	}

	private static String describe(DeleteResult result) {
		return "deleted " + result.getDeletedCount();
	}

	static String json(Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof Document document) {
			return document.toJson(JSON);
		}
		if (value instanceof Bson bson) {
			return bson.toBsonDocument().toJson(JSON);
		}
		return Arrays.deepToString(new Object[] { value });
	}

}
