package io.souq.mongo.bench;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.RawBsonDocument;
import org.bson.Document;
import org.bson.codecs.DocumentCodec;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BsonSizeTests {

	@Test
	void sizeIsTheEncodedSizeForEveryValueTypeUsed() {
		Document document = new Document("_id", "abc").append("int", 7)
			.append("long", 8L)
			.append("double", 1.5)
			.append("bool", true)
			.append("date", new Date())
			.append("decimal", new Decimal128(new BigDecimal("12.34")))
			.append("oid", new ObjectId())
			.append("null", null)
			.append("arabic", "الرياض")
			.append("emoji", "\uD83D\uDE00")
			.append("nested", new Document("a", List.of(1, "two", new Document("three", 3L))))
			.append("many", List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
		assertThat(BsonSize.of(document)).isEqualTo(encoded(document));
	}

	@Test
	void generatedOrdersHaveTheirComputedSizeAndAboutTheRequestedOne() {
		OrderDocuments documents = new OrderDocuments(1_000, 3_000, Instant.now());
		for (int i = 0; i < 200; i++) {
			OrderDocuments.Sized sized = documents.filled(i);
			assertThat(sized.bsonSize()).isEqualTo(encoded(sized.document()));
			assertThat(sized.bsonSize()).isBetween(3_000, 3_100);
		}
		OrderDocuments.Sized placed = documents.placed(1_000, Instant.now());
		assertThat(placed.bsonSize()).isEqualTo(encoded(placed.document()));
	}

	@Test
	void largeDocumentsGetMoreLines() {
		OrderDocuments documents = new OrderDocuments(10, 12_000, Instant.now());
		OrderDocuments.Sized sized = documents.filled(3);
		assertThat(sized.bsonSize()).isEqualTo(encoded(sized.document())).isBetween(12_000, 12_500);
	}

	@Test
	void unknownTypesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> BsonSize.of(new Document("x", new StringBuilder())));
	}

	private static int encoded(Document document) {
		return new RawBsonDocument(document, new DocumentCodec()).getByteBuffer().remaining();
	}

}
