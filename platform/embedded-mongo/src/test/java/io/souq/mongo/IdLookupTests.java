package io.souq.mongo;

import java.util.List;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdLookupTests {

	private static Document filter(Document query) {
		return IdLookup.idIndexFilter(query, "_id", null);
	}

	@Test
	void idEqualityWithFurtherConditionsUsesTheIdIndex() {
		Document query = new Document("_id", 7).append("version", 3);
		assertThat(filter(query)).isEqualTo(new Document("_id", 7));
	}

	@Test
	void idEqualityWithAnOperatorOnAnotherFieldUsesTheIdIndex() {
		Document query = new Document("_id", "sku-1").append("available", new Document("$gte", 2));
		assertThat(filter(query)).isEqualTo(new Document("_id", "sku-1"));
	}

	@Test
	void explicitEqUsesTheIdIndex() {
		Document query = new Document("_id", new Document("$eq", 7)).append("version", 3);
		assertThat(filter(query)).isEqualTo(new Document("_id", 7));
	}

	@Test
	void idInsideTopLevelAndUsesTheIdIndex() {
		Document query = new Document("$and",
				List.of(new Document("version", 3), new Document("_id", new Document("$eq", 7))));
		assertThat(filter(query)).isEqualTo(new Document("_id", 7));
	}

	@Test
	void embeddedDocumentIdUsesTheIdIndex() {
		Document id = new Document("order", 1).append("line", 2);
		assertThat(filter(new Document("_id", id).append("qty", 1))).isEqualTo(new Document("_id", id));
	}

	@Test
	void idInListUsesTheIdIndex() {
		Document query = new Document("_id", new Document("$in", List.of(1, 2, 3))).append("status", "NEW");
		assertThat(filter(query)).isEqualTo(new Document("_id", new Document("$in", List.of(1, 2, 3))));
	}

	@Test
	void idInListInNaturalOrderKeepsTheServersStrategy() {
		Document query = new Document("_id", new Document("$in", List.of(1, 2)));
		assertThat(IdLookup.idIndexFilter(query, "_id", new Document("$natural", -1))).isNull();
	}

	@Test
	void idEqualityInNaturalOrderUsesTheIdIndex() {
		Document query = new Document("_id", 1).append("version", 2);
		assertThat(IdLookup.idIndexFilter(query, "_id", new Document("$natural", -1)))
			.isEqualTo(new Document("_id", 1));
	}

	@Test
	void filtersThatDoNotPinTheIdKeepTheServersStrategy() {
		assertThat(filter(new Document())).isNull();
		assertThat(filter(new Document("version", 3))).isNull();
		assertThat(filter(new Document("_id", new Document("$gt", 5)))).isNull();
		assertThat(filter(new Document("_id", new Document("$ne", 5)))).isNull();
		assertThat(filter(new Document("_id", new Document("$eq", 5).append("$ne", 6)))).isNull();
		assertThat(filter(new Document("_id", null))).isNull();
		assertThat(filter(new Document("_id", Missing.getInstance()))).isNull();
		assertThat(filter(new Document("_id", new Document("$eq", null)))).isNull();
		assertThat(filter(new Document("_id", List.of(1, 2)))).isNull();
		assertThat(filter(new Document("_id", new BsonRegularExpression("^a", "")))).isNull();
		assertThat(filter(new Document("_id", new Document("$regex", "^a")))).isNull();
		assertThat(filter(new Document("_id", new Document("a", new Document("$gt", 1))))).isNull();
		assertThat(filter(new Document("_id", new Document("$in", List.of(1, new Document("$gt", 1)))))).isNull();
		assertThat(filter(new Document("_id", new Document("$in", List.of(1, List.of(2)))))).isNull();
		assertThat(filter(new Document("$or", List.of(new Document("_id", 1), new Document("_id", 2))))).isNull();
	}

	@Test
	void collectionsWithoutIdFieldKeepTheServersStrategy() {
		assertThat(IdLookup.idIndexFilter(new Document("_id", 1), null, null)).isNull();
	}

	@Test
	void otherIdFieldNamesAreHonoured() {
		Document query = new Document("name", "shop.orders").append("x", 1);
		assertThat(IdLookup.idIndexFilter(query, "name", null)).isEqualTo(new Document("name", "shop.orders"));
	}

}
