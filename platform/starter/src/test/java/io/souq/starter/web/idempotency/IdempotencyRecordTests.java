package io.souq.starter.web.idempotency;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import io.souq.starter.web.idempotency.IdempotencyRecord.State;
import io.souq.starter.web.idempotency.IdempotencyRecord.Verdict;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyRecordTests {

	static final Instant CREATED = Instant.parse("2026-11-23T10:15:30Z");

	static final Duration TTL = Duration.ofHours(24);

	static final Duration IN_PROGRESS_TIMEOUT = Duration.ofMinutes(1);

	static final StoredResponse CREATED_ANSWER = new StoredResponse(201,
			Map.of("Content-Type", "application/json", "Location", "/api/orders/o-1"),
			"{\"id\":\"o-1\"}".getBytes(StandardCharsets.UTF_8));

	@Test
	void replaysACompletedRequestWithTheSameBody() {
		assertThat(completed().verdict("hash-1", CREATED.plusSeconds(5), IN_PROGRESS_TIMEOUT))
			.isEqualTo(Verdict.REPLAY);
		assertThat(completed().verdict("hash-1", CREATED.plus(TTL).minusMillis(1), IN_PROGRESS_TIMEOUT))
			.isEqualTo(Verdict.REPLAY);
	}

	@Test
	void refusesTheKeyForADifferentBody() {
		assertThat(completed().verdict("hash-2", CREATED.plusSeconds(5), IN_PROGRESS_TIMEOUT))
			.isEqualTo(Verdict.REUSED);
		assertThat(inProgress().verdict("hash-2", CREATED.plusSeconds(5), IN_PROGRESS_TIMEOUT))
			.isEqualTo(Verdict.REUSED);
	}

	@Test
	void holdsRepetitionsOffWhileTheFirstRequestRuns() {
		assertThat(inProgress().verdict("hash-1", CREATED, IN_PROGRESS_TIMEOUT)).isEqualTo(Verdict.IN_PROGRESS);
		assertThat(inProgress().verdict("hash-1", CREATED.plusSeconds(59), IN_PROGRESS_TIMEOUT))
			.isEqualTo(Verdict.IN_PROGRESS);
	}

	@Test
	void letsARetryTakeOverARequestThatNeverFinished() {
		assertThat(inProgress().verdict("hash-1", CREATED.plus(IN_PROGRESS_TIMEOUT), IN_PROGRESS_TIMEOUT))
			.isEqualTo(Verdict.ABANDONED);
	}

	@Test
	void treatsAnExpiredRecordAsAbsentWhateverItHolds() {
		Instant expiry = CREATED.plus(TTL);
		assertThat(completed().verdict("hash-1", expiry, IN_PROGRESS_TIMEOUT)).isEqualTo(Verdict.EXPIRED);
		assertThat(completed().verdict("hash-2", expiry.plusSeconds(1), IN_PROGRESS_TIMEOUT))
			.isEqualTo(Verdict.EXPIRED);
		assertThat(inProgress().verdict("hash-1", expiry, IN_PROGRESS_TIMEOUT)).isEqualTo(Verdict.EXPIRED);
	}

	@Test
	void readsTheStoredDocument() {
		Document document = new Document("_id", "scope-1").append("requestHash", "hash-1")
			.append("state", "COMPLETED")
			.append("attempt", "a-1")
			.append("createdAt", Date.from(CREATED))
			.append("expiresAt", Date.from(CREATED.plus(TTL)))
			.append("status", 201)
			.append("headers",
					List.of(new Document("name", "Content-Type").append("value", "application/json"),
							new Document("name", "Location").append("value", "/api/orders/o-1")))
			.append("body", new Binary("{\"id\":\"o-1\"}".getBytes(StandardCharsets.UTF_8)));
		assertThat(MongoIdempotencyStore.record(document)).isEqualTo(completed());
	}

	private static IdempotencyRecord completed() {
		return new IdempotencyRecord("scope-1", "hash-1", State.COMPLETED, "a-1", CREATED, CREATED.plus(TTL),
				CREATED_ANSWER);
	}

	private static IdempotencyRecord inProgress() {
		return new IdempotencyRecord("scope-1", "hash-1", State.IN_PROGRESS, "a-1", CREATED, CREATED.plus(TTL), null);
	}

}
