package io.souq.starter.consumer;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import io.souq.events.Envelope;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoOperations;

/**
 * {@link ProcessedMessages} in the service's database: one document per handled message
 * in {@value #COLLECTION}, {@code _id = <group>:<message id>}, found through the
 * {@code _id} index. A TTL index removes records after the retention on MongoDB (the
 * embedded server keeps them).
 */
public class MongoProcessedMessages implements ProcessedMessages {

	public static final String COLLECTION = "processed_messages";

	static final String PROCESSED_AT = "processedAt";

	private final MongoOperations mongo;

	private final Duration retention;

	private final Clock clock;

	private volatile boolean indexed;

	public MongoProcessedMessages(MongoOperations mongo, Duration retention, Clock clock) {
		this.mongo = mongo;
		this.retention = retention;
		this.clock = clock;
	}

	@Override
	public boolean contains(String group, UUID messageId) {
		return collection().find(new Document("_id", id(group, messageId)))
			.projection(new Document("_id", 1))
			.first() != null;
	}

	@Override
	public void record(String group, String topic, Envelope<?> message) {
		Document record = new Document("_id", id(group, message.id())).append("group", group)
			.append("topic", topic)
			.append("type", message.type())
			.append(PROCESSED_AT, Date.from(this.clock.instant()));
		if (!this.indexed) {
			createIndexes();
		}
		try {
			collection().insertOne(record);
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
		}
	}

	/** Creates the TTL index that expires records after the retention (once). */
	void createIndexes() {
		collection().createIndex(new Document(PROCESSED_AT, 1), new IndexOptions().name("souq_processed_ttl")
			.expireAfter(this.retention.toSeconds(), TimeUnit.SECONDS));
		this.indexed = true;
	}

	static String id(String group, UUID messageId) {
		return group + ":" + messageId;
	}

	private MongoCollection<Document> collection() {
		return this.mongo.getCollection(COLLECTION);
	}

}
