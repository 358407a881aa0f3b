package io.souq.starter.data;

import java.util.concurrent.atomic.AtomicInteger;

import io.souq.starter.web.ProblemException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OptimisticRetryTests {

	private final AtomicInteger loads = new AtomicInteger();

	private final AtomicInteger saves = new AtomicInteger();

	@Test
	void startsAgainFromTheReadWhenAConcurrentChangeWon() {
		StringBuilder saved = OptimisticRetry.change("Doc 1", this::load, (doc) -> doc.append("+"),
				(doc) -> save(doc, 2));
		assertThat(saved).hasToString("v3+");
		assertThat(this.loads).hasValue(3);
	}

	@Test
	void givesUpWithAConflictProblemAfterFiveLostRaces() {
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> OptimisticRetry.change("Doc 1", this::load, (doc) -> doc.append("+"),
					(doc) -> save(doc, Integer.MAX_VALUE)))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT);
				assertThat(ex.getMessage()).startsWith("Doc 1 is changing too often");
			});
		assertThat(this.saves).hasValue(OptimisticRetry.ATTEMPTS);
	}

	@Test
	void savesNothingWhenThereIsNothingToChangeOrNothingStored() {
		assertThat(OptimisticRetry.changeIf("Doc 1", this::load, (doc) -> false, (doc) -> save(doc, 0)))
			.hasToString("v1");
		assertThat(OptimisticRetry.<StringBuilder>changeIf("Doc 1", () -> null, (doc) -> true, (doc) -> save(doc, 0)))
			.isNull();
		assertThat(this.saves).hasValue(0);
	}

	@Test
	void letsOtherFailuresThrough() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> OptimisticRetry.change("Doc 1", this::load, (doc) -> doc.append("+"), (doc) -> {
				throw new IllegalStateException("disk full");
			}));
		assertThat(this.loads).hasValue(1);
	}

	private StringBuilder load() {
		return new StringBuilder("v" + this.loads.incrementAndGet());
	}

	private StringBuilder save(StringBuilder doc, int racesLost) {
		int save = this.saves.incrementAndGet();
		if (save <= racesLost) {
			throw (save % 2 == 0) ? new DuplicateKeyException("inserted meanwhile")
					: new OptimisticLockingFailureException("newer version");
		}
		return doc;
	}

}
