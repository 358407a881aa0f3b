package io.souq.starter.data;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.index.IndexResolver;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/**
 * Creates the indexes that the service's documents declare ({@code @Indexed},
 * {@code @CompoundIndex}) once the database is reachable, retrying in the background
 * while it is not, so a service starts without its database and takes no traffic until
 * its unique indexes exist: as a health indicator ({@code mongoIndexes}) in the readiness
 * group it stays DOWN until then.
 */
public class MongoIndexes extends AbstractHealthIndicator implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MongoIndexes.class);

	private final MongoTemplate mongo;

	private final MongoMappingContext mappingContext;

	private volatile boolean created;

	private volatile boolean running;

	public MongoIndexes(MongoTemplate mongo, MongoMappingContext mappingContext) {
		super("MongoDB indexes not created");
		this.mongo = mongo;
		this.mappingContext = mappingContext;
	}

	/** Creates every declared index now; idempotent. */
	public void create() {
		IndexResolver resolver = IndexResolver.create(this.mappingContext);
		for (MongoPersistentEntity<?> entity : this.mappingContext.getPersistentEntities()) {
			if (entity.isAnnotationPresent(Document.class)) {
				IndexOperations operations = this.mongo.indexOps(entity.getType());
				resolver.resolveIndexFor(entity.getTypeInformation()).forEach(operations::createIndex);
			}
		}
		this.created = true;
	}

	public boolean isCreated() {
		return this.created;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		if (this.created) {
			builder.up();
		}
		else {
			builder.down().withDetail("reason", "indexes not created yet");
		}
	}

	@Override
	public void start() {
		this.running = true;
		Thread.ofVirtual().name("mongo-indexes").start(() -> {
			while (this.running && !this.created) {
				try {
					create();
				}
				catch (RuntimeException ex) {
					log.warn("Cannot create the MongoDB indexes yet ({}); retrying", ex.getClass().getSimpleName());
					LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
				}
			}
		});
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
