package io.souq.starter.outbox;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import io.souq.events.Envelope;
import io.souq.starter.messaging.EnvelopeCodec;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.convert.UpdateMapper;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OutboxMessageTests {

	record Shipped(String carrier, int parcels) {
	}

	private final Envelope<Shipped> shipped = Envelope.of("parcel.shipped", 2, "shipping-service", "p-1",
			new Shipped("DHL", 2));

	@Test
	void theServicesCodecReadsTheStoredEnvelope() {
		OutboxMessage message = OutboxMessage.of("parcel.events", this.shipped);
		EnvelopeCodec codec = new EnvelopeCodec(JsonMapper.builder().build());
		Envelope<JsonNode> read = codec.read(message.envelope());
		assertThat(read.id()).isEqualTo(this.shipped.id());
		assertThat(read.time()).isEqualTo(this.shipped.time());
		assertThat(read.version()).isEqualTo(2);
		assertThat(codec.data(read, Shipped.class)).isEqualTo(new Shipped("DHL", 2));
	}

	@Test
	void storedFormReadsBackAsTheSameMessage() {
		OutboxMessage message = OutboxMessage.of("parcel.events", this.shipped);
		Document stored = message.toDocument();
		assertThat(stored.get("createdAt")).isInstanceOf(Date.class);
		assertThat(stored.getString("messageId")).isEqualTo(this.shipped.id().toString());
		assertThat(OutboxMessage.fromDocument(stored)).isEqualTo(message);
	}

	@Test
	void rejectsAnIncompleteOrMistypedEntry() {
		Document stored = OutboxMessage.of("parcel.events", this.shipped).toDocument();
		stored.remove("topic");
		assertThatIllegalArgumentException().isThrownBy(() -> OutboxMessage.fromDocument(stored));
		Document mistyped = OutboxMessage.of("parcel.events", this.shipped).toDocument().append("createdAt", 42);
		assertThatIllegalArgumentException().isThrownBy(() -> OutboxMessage.fromDocument(mistyped));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OutboxMessage("id", " ", "key", "type", "{}", Instant.now()));
	}

	@Test
	void pushAppendsEveryMessageInOneUpdate() {
		OutboxMessage first = OutboxMessage.of("parcel.events", this.shipped);
		OutboxMessage second = OutboxMessage.of("parcel.events",
				this.shipped.reply("parcel.delivered", 1, "shipping-service", "p-1", "ok"));
		Document update = wire(Outbox.push(new Update().set("status", "SHIPPED"), first, second));
		assertThat(update.get("$set", Document.class)).containsEntry("status", "SHIPPED");
		Document each = update.get("$push", Document.class).get("outbox", Document.class);
		assertThat(each.getList("$each", Document.class)).containsExactly(first.toDocument(), second.toDocument());
	}

	@Test
	void aGuardedUpdateRecordsTheAppliedMessageInTheSameWrite() {
		Query guard = new Query(Outbox.notApplied(this.shipped));
		assertThat(guard.getQueryObject())
			.isEqualTo(new Document("appliedMessageIds", new Document("$ne", this.shipped.id().toString())));
		Document push = wire(Outbox.markApplied(new Update(), this.shipped)).get("$push", Document.class)
			.get("appliedMessageIds", Document.class);
		assertThat(push.get("$each")).isEqualTo(List.of(this.shipped.id().toString()));
		assertThat(push.get("$slice")).isEqualTo(-Outboxed.APPLIED_MESSAGE_IDS_KEPT);
	}

	/** The update as MongoTemplate sends it. */
	private static Document wire(Update update) {
		MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE,
				new MongoMappingContext());
		converter.afterPropertiesSet();
		return new UpdateMapper(converter).getMappedObject(update.getUpdateObject(), Optional.empty());
	}

}
