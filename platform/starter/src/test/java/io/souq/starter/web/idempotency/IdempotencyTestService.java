package io.souq.starter.web.idempotency;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.bson.Document;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service whose controller creates things in MongoDB, answering 201 with a generated id
 * and a {@code Location}; the test can make a creation fail once, or hold it until
 * released. Not a {@code @Configuration}, and the controller is an inner class: other
 * tests' component scans must not pick them up.
 */
@EnableAutoConfiguration
class IdempotencyTestService {

	static final String THINGS = "it_things";

	@Bean
	Things things(MongoTemplate mongo) {
		return new Things(mongo);
	}

	record NewThing(@NotBlank String name) {
	}

	record Thing(String id, String name) {
	}

	@RestController
	class Things {

		private final MongoTemplate mongo;

		/** Names whose next creation fails with an unexpected exception (a 500). */
		final Set<String> failOnce = ConcurrentHashMap.newKeySet();

		/** Names whose creation waits until the latch is released. */
		final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();

		/** Names whose creation has started, with how often. */
		final Map<String, Integer> started = new ConcurrentHashMap<>();

		Things(MongoTemplate mongo) {
			this.mongo = mongo;
		}

		@PostMapping("/api/things")
		ResponseEntity<Thing> create(@Valid @RequestBody NewThing thing) throws InterruptedException {
			this.started.merge(thing.name(), 1, Integer::sum);
			if (this.failOnce.remove(thing.name())) {
				throw new IllegalStateException("the database refused " + thing.name());
			}
			CountDownLatch hold = this.holds.get(thing.name());
			if (hold != null && !hold.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("never released");
			}
			String id = UUID.randomUUID().toString();
			this.mongo.getCollection(THINGS).insertOne(new Document("_id", id).append("name", thing.name()));
			return ResponseEntity.created(URI.create("/api/things/" + id)).body(new Thing(id, thing.name()));
		}

		@PostMapping("/api/async-things")
		Callable<ResponseEntity<Thing>> createLater(@Valid @RequestBody NewThing thing) {
			return () -> create(thing);
		}

		long count(String name) {
			return this.mongo.getCollection(THINGS).countDocuments(new Document("name", name));
		}

	}

}
