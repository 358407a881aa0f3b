package io.souq.mongo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filters with an {@code _id} equality and further conditions: correct results, and the
 * documents are found through the {@code _id} index without visiting the others.
 */
class IdIndexLookupTests {

	private static final int DOCUMENTS = 1_000;

	@TempDir
	Path tempDir;

	private EmbeddedMongoServer server;

	private MongoClient client;

	private MongoCollection<Document> items;

	private QueryCounters counters;

	private void start(TestBackend backend) {
		this.server = backend.start(this.tempDir);
		this.client = TestBackend.client(this.server);
		this.items = this.client.getDatabase("shop").getCollection("items");
		List<Document> documents = new ArrayList<>();
		for (int key = 0; key < DOCUMENTS; key++) {
			documents.add(new Document("_id", key).append("version", 3L).append("stock", 10));
		}
		this.items.insertMany(documents);
		this.counters = TestBackend.queryCounters(this.server, "shop", "items");
	}

	@AfterEach
	void stop() {
		if (this.client != null) {
			this.client.close();
		}
		if (this.server != null) {
			this.server.close();
		}
	}

	@ParameterizedTest
	@EnumSource(TestBackend.class)
	void guardedUpdateWithAStaleVersionChangesNothing(TestBackend backend) {
		start(backend);
		UpdateResult result = this.items.updateOne(and(eq("_id", 500), eq("version", 2L)),
				combine(inc("stock", -1), inc("version", 1L)));
		assertThat(result.getMatchedCount()).isZero();
		assertThat(result.getModifiedCount()).isZero();
		assertThat(this.items.find(eq("_id", 500)).first()).containsEntry("version", 3L).containsEntry("stock", 10);
	}

	@ParameterizedTest
	@EnumSource(TestBackend.class)
	void guardedUpdateWithTheCurrentVersionChangesTheDocument(TestBackend backend) {
		start(backend);
		UpdateResult result = this.items.updateOne(and(eq("_id", 500), eq("version", 3L)),
				combine(inc("stock", -1), inc("version", 1L)));
		assertThat(result.getModifiedCount()).isOne();
		assertThat(this.items.find(eq("_id", 500)).first()).containsEntry("version", 4L).containsEntry("stock", 9);
		assertThat(this.items.find(eq("_id", 501)).first()).containsEntry("version", 3L).containsEntry("stock", 10);
	}

	@ParameterizedTest
	@EnumSource(TestBackend.class)
	void guardedUpdateVisitsOnlyTheDocumentWithThatId(TestBackend backend) {
		start(backend);
		long examinedBefore = this.counters.documentsExamined();
		long lookupsBefore = this.counters.plans("_id_");
		this.items.updateOne(and(eq("_id", 500), eq("version", 3L)), inc("version", 1L));
		this.items.updateOne(and(eq("_id", 501), gte("stock", 2)), inc("stock", -1));
		this.items.updateOne(and(eq("_id", 502), eq("version", 99L)), inc("version", 1L));
		assertThat(this.counters.plans("_id_") - lookupsBefore).isEqualTo(3);
		assertThat(this.counters.documentsExamined() - examinedBefore).isEqualTo(3);
	}

	@ParameterizedTest
	@EnumSource(TestBackend.class)
	void filterWithoutIdStillScansEveryDocument(TestBackend backend) {
		start(backend);
		long examinedBefore = this.counters.documentsExamined();
		long lookupsBefore = this.counters.plans("_id_");
		assertThat(this.items.countDocuments(eq("version", 3L))).isEqualTo(DOCUMENTS);
		assertThat(this.counters.plans("_id_")).isEqualTo(lookupsBefore);
		assertThat(this.counters.documentsExamined() - examinedBefore).isEqualTo(DOCUMENTS);
	}

	@ParameterizedTest
	@EnumSource(TestBackend.class)
	void findCountDeleteAndFindAndModifyWithIdAndConditionVisitOnlyThatDocument(TestBackend backend) {
		start(backend);
		long examinedBefore = this.counters.documentsExamined();

		assertThat(this.items.find(and(eq("_id", 10), gte("stock", 5))).first()).containsEntry("_id", 10);
		assertThat(this.items.find(and(eq("_id", 10), gte("stock", 50))).first()).isNull();
		assertThat(this.items.countDocuments(and(eq("_id", 11), eq("version", 3L)))).isOne();
		assertThat(this.items.countDocuments(and(eq("_id", 11), eq("version", 4L)))).isZero();
		assertThat(this.items.deleteOne(and(eq("_id", 12), eq("version", 4L))).getDeletedCount()).isZero();
		assertThat(this.items.deleteOne(and(eq("_id", 12), eq("version", 3L))).getDeletedCount()).isOne();
		Document reserved = this.items.findOneAndUpdate(and(eq("_id", 13), gte("stock", 3)), inc("stock", -3),
				new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
		assertThat(reserved).containsEntry("stock", 7);
		assertThat(this.items.findOneAndUpdate(and(eq("_id", 13), gte("stock", 8)), inc("stock", -8))).isNull();

		// 9 queries, each examining at most the one document with that _id
		assertThat(this.counters.documentsExamined() - examinedBefore).isLessThanOrEqualTo(9);
		assertThat(this.items.countDocuments()).isEqualTo(DOCUMENTS - 1);
		assertThat(this.items.find(eq("_id", 12)).first()).isNull();
		assertThat(this.items.find(eq("_id", 13)).first()).containsEntry("stock", 7);
	}

	@ParameterizedTest
	@EnumSource(TestBackend.class)
	void countDocumentsWithIdAndConditionVisitsOnlyThatDocument(TestBackend backend) {
		start(backend);
		long examinedBefore = this.counters.documentsExamined();
		// the driver counts with an aggregation: [{$match: filter}, {$group: ...}]
		assertThat(this.items.countDocuments(and(eq("_id", 50), eq("version", 3L)))).isOne();
		assertThat(this.items.countDocuments(and(eq("_id", 50), eq("version", 4L)))).isZero();
		assertThat(this.items.countDocuments(and(in("_id", 50, 51, 52), gte("stock", 10)))).isEqualTo(3);
		assertThat(this.counters.documentsExamined() - examinedBefore).isEqualTo(5);
		assertThat(this.items.countDocuments(gte("stock", 10))).isEqualTo(DOCUMENTS);
	}

	@ParameterizedTest
	@EnumSource(TestBackend.class)
	void explicitEqAndTopLevelAndAreLookedUpThroughTheIdIndex(TestBackend backend) {
		start(backend);
		long examinedBefore = this.counters.documentsExamined();
		Bson explicitEq = new Document("_id", new Document("$eq", 20)).append("version", 3L);
		Bson andForm = new Document("$and", List.of(new Document("version", 3L), new Document("_id", 21)));
		assertThat(this.items.updateOne(explicitEq, inc("stock", -1)).getModifiedCount()).isOne();
		assertThat(this.items.updateOne(andForm, inc("stock", -1)).getModifiedCount()).isOne();
		assertThat(this.counters.documentsExamined() - examinedBefore).isEqualTo(2);
		assertThat(this.items.find(in("_id", 20, 21)).map((document) -> document.getInteger("stock")))
			.containsExactly(9, 9);
	}

	@ParameterizedTest
	@EnumSource(TestBackend.class)
	void idInListWithAConditionVisitsOnlyTheListedDocuments(TestBackend backend) {
		start(backend);
		this.items.updateOne(eq("_id", 31), inc("stock", -10));
		long examinedBefore = this.counters.documentsExamined();
		List<Integer> ids = new ArrayList<>();
		this.items.find(and(in("_id", 30, 31, 32, 5000), gte("stock", 1)))
			.forEach((document) -> ids.add(document.getInteger("_id")));
		assertThat(ids).containsExactlyInAnyOrder(30, 32);
		assertThat(this.counters.documentsExamined() - examinedBefore).isEqualTo(3);
	}

	@ParameterizedTest
	@EnumSource(TestBackend.class)
	void numericIdsOfAnotherTypeStillMatch(TestBackend backend) {
		start(backend);
		assertThat(this.items.updateOne(and(eq("_id", 40L), eq("version", 3L)), inc("stock", -1)).getModifiedCount())
			.isOne();
		assertThat(this.items.find(and(eq("_id", 40.0), eq("stock", 9))).first()).isNotNull();
	}

	@ParameterizedTest
	@EnumSource(TestBackend.class)
	void guardedUpsertOfAMissingIdInsertsIt(TestBackend backend) {
		start(backend);
		UpdateResult result = this.items.updateOne(and(eq("_id", 7_000), eq("version", 0L)), inc("stock", 5),
				new com.mongodb.client.model.UpdateOptions().upsert(true));
		assertThat(result.getUpsertedId()).isNotNull();
		assertThat(this.items.find(eq("_id", 7_000)).first()).containsEntry("version", 0L).containsEntry("stock", 5);
	}

}
