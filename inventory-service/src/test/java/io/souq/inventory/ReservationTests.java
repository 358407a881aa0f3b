package io.souq.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.souq.events.Envelope;
import io.souq.events.Topics;
import io.souq.events.inventory.ReleaseReservation;
import io.souq.events.inventory.ReservationCommitted;
import io.souq.events.inventory.ReservationReleased;
import io.souq.events.inventory.ReserveStock;
import io.souq.events.inventory.StockReservationFailed;
import io.souq.events.inventory.StockReserved;
import io.souq.inventory.Reservation.Line;
import io.souq.inventory.Reservation.Shortage;
import io.souq.inventory.Reservation.Status;
import io.souq.starter.messaging.EnvelopeCodec;
import io.souq.starter.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

class ReservationTests {

	static final Instant NOW = Instant.parse("2026-11-24T10:00:00.123456789Z");

	static final Instant EXPIRES = NOW.plus(Duration.ofMinutes(5));

	static final String ORDER = "6513270e-269e-4d37-b2a7-4de452e6b438";

	static final EnvelopeCodec CODEC = new EnvelopeCodec(JsonMapper.shared());

	final Envelope<String> reserve = command(ReserveStock.TYPE);

	@Test
	void isStoredPendingBeforeAnyStockIsTouchedWithTheLinesOfOneSkuAddedUp() {
		Reservation reservation = open(new Line("TEA", 2), new Line("SAFFRON", 1), new Line("TEA", 3));
		assertThat(reservation.status()).isEqualTo(Status.PENDING);
		assertThat(reservation.lines()).containsExactly(new Line("TEA", 5), new Line("SAFFRON", 1));
		assertThat(reservation.outbox()).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> open());
		assertThatIllegalArgumentException().isThrownBy(() -> new Line("TEA", 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new Line(" ", 1));
	}

	@Test
	void answersStockReservedToTheCommandOnceEveryLineIsHeld() {
		Reservation reservation = open(new Line("TEA", 2), new Line("SAFFRON", 1));
		reservation.reserved(this.reserve, NOW);
		assertThat(reservation.status()).isEqualTo(Status.RESERVED);
		Envelope<JsonNode> answer = onlyAnswer(reservation);
		assertThat(answer.type()).isEqualTo(StockReserved.TYPE);
		assertThat(answer.subject()).isEqualTo(ORDER);
		assertThat(answer.correlationId()).isEqualTo(this.reserve.correlationId());
		assertThat(answer.causationId()).isEqualTo(this.reserve.id().toString());
		StockReserved reserved = CODEC.data(answer, StockReserved.class);
		assertThat(reserved.lines()).extracting("sku", "quantity")
			.containsExactly(tuple("TEA", 2), tuple("SAFFRON", 1));
		// as the database keeps it, so that an answer given again says the same
		assertThat(reserved.at()).isEqualTo(Instant.parse("2026-11-24T10:00:00.123Z"));
	}

	@Test
	void answersTheFailureWithItsShortagesWhenALineCannotBeHeld() {
		Reservation reservation = open(new Line("TEA", 2), new Line("SAFFRON", 1));
		reservation.failed(Reservation.OUT_OF_STOCK, List.of(new Shortage("SAFFRON", 1, 0)), this.reserve, NOW);
		assertThat(reservation.status()).isEqualTo(Status.FAILED);
		StockReservationFailed failed = CODEC.data(onlyAnswer(reservation), StockReservationFailed.class);
		assertThat(failed.reason()).isEqualTo("OUT_OF_STOCK");
		assertThat(failed.shortages()).containsExactly(new StockReservationFailed.Shortage("SAFFRON", 1, 0));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> open(new Line("TEA", 1)).failed(Reservation.OUT_OF_STOCK, List.of(), this.reserve, NOW));
	}

	@Test
	void releasesWhatTheSagaWasToldIsHeld() {
		Reservation reserved = open(new Line("TEA", 2));
		reserved.reserved(this.reserve, NOW);
		reserved.releasing("PAYMENT_DECLINED", NOW);
		assertThat(reserved.status()).isEqualTo(Status.RELEASING);
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> reserved.answerAgain(this.reserve, NOW));
		Envelope<String> release = command(ReleaseReservation.TYPE);
		reserved.released(release, NOW);
		assertThat(reserved.status()).isEqualTo(Status.RELEASED);
		Envelope<JsonNode> answer = lastAnswer(reserved);
		assertThat(answer.causationId()).isEqualTo(release.id().toString());
		ReservationReleased released = CODEC.data(answer, ReservationReleased.class);
		assertThat(released.lines()).extracting("sku").containsExactly("TEA");
		assertThat(released.reason()).isEqualTo("PAYMENT_DECLINED");

		// one left pending by a crash was never announced as held
		Reservation pending = open(new Line("TEA", 2));
		pending.releasing(Reservation.EXPIRED, NOW);
		pending.released(null, NOW);
		Envelope<JsonNode> expired = onlyAnswer(pending);
		assertThat(expired.correlationId()).isEqualTo("flow-1");
		assertThat(expired.causationId()).isNull();
		assertThat(CODEC.data(expired, ReservationReleased.class).lines()).isEmpty();
		assertThat(CODEC.data(expired, ReservationReleased.class).reason()).isEqualTo("EXPIRED");
	}

	@Test
	void commitsOnlyAReservedOne() {
		Reservation reservation = open(new Line("TEA", 2));
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> reservation.committed(this.reserve, NOW));
		reservation.reserved(this.reserve, NOW);
		reservation.committed(command("inventory.commit-reservation"), NOW.plusSeconds(60));
		assertThat(reservation.status()).isEqualTo(Status.COMMITTED);
		ReservationCommitted committed = CODEC.data(lastAnswer(reservation), ReservationCommitted.class);
		assertThat(committed.lines()).extracting("quantity").containsExactly(2);
		assertThat(committed.at()).isEqualTo(Instant.parse("2026-11-24T10:01:00.123Z"));
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> reservation.releasing("CUSTOMER_CANCELLED", NOW));
	}

	@Test
	void answersARepeatedCommandWithTheOutcomeItHad() {
		Reservation reservation = open(new Line("TEA", 2));
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> reservation.answerAgain(this.reserve, NOW));
		reservation.reserved(this.reserve, NOW);
		Envelope<String> again = command(ReserveStock.TYPE);
		reservation.answerAgain(again, NOW.plusSeconds(30));
		assertThat(reservation.outbox()).hasSize(2);
		Envelope<JsonNode> first = CODEC.read(reservation.outbox().get(0).envelope());
		Envelope<JsonNode> second = CODEC.read(reservation.outbox().get(1).envelope());
		assertThat(second.type()).isEqualTo(first.type());
		assertThat(second.data()).isEqualTo(first.data());
		assertThat(second.causationId()).isEqualTo(again.id().toString());
	}

	@Test
	void acknowledgesAReleaseThatHasNothingToGiveBack() {
		Reservation failed = open(new Line("TEA", 2));
		failed.failed(Reservation.UNKNOWN_SKU, List.of(new Shortage("TEA", 2, 0)), this.reserve, NOW);
		failed.acknowledgeRelease(command(ReleaseReservation.TYPE), "TIMED_OUT", NOW);
		assertThat(failed.status()).isEqualTo(Status.FAILED);
		ReservationReleased released = CODEC.data(lastAnswer(failed), ReservationReleased.class);
		assertThat(released.lines()).isEmpty();
		assertThat(released.reason()).isEqualTo("TIMED_OUT");

		Reservation unknown = Reservation.releasedWithout(ORDER, "TIMED_OUT", command(ReleaseReservation.TYPE), NOW);
		assertThat(unknown.status()).isEqualTo(Status.RELEASED);
		assertThat(unknown.lines()).isEmpty();
		assertThat(CODEC.data(onlyAnswer(unknown), ReservationReleased.class).lines()).isEmpty();
		// a ReserveStock arriving after it is answered with the release
		unknown.answerAgain(this.reserve, NOW);
		assertThat(lastAnswer(unknown).type()).isEqualTo(ReservationReleased.TYPE);
	}

	@Test
	void theSweepReleasesOnlyExpiredReservationsThatWereNotConfirmed() {
		Instant cutoff = EXPIRES.plusSeconds(1);
		Reservation pending = open(new Line("TEA", 1));
		assertThat(pending.expiredBefore(EXPIRES)).isFalse();
		assertThat(pending.expiredBefore(cutoff)).isTrue();

		Reservation confirmed = open(new Line("TEA", 1));
		confirmed.reserved(this.reserve, NOW);
		assertThat(confirmed.expiredBefore(cutoff)).isTrue();
		assertThat(confirmed.confirm(NOW)).isTrue();
		assertThat(confirmed.confirm(NOW)).isFalse();
		assertThat(confirmed.confirmed()).isTrue();
		assertThat(confirmed.expiredBefore(cutoff)).isFalse();
		// a confirmed reservation is still released or committed on command
		confirmed.releasing("CUSTOMER_CANCELLED", NOW);
		assertThat(confirmed.status()).isEqualTo(Status.RELEASING);

		Reservation failed = open(new Line("TEA", 1));
		failed.failed(Reservation.OUT_OF_STOCK, List.of(new Shortage("TEA", 1, 0)), this.reserve, NOW);
		assertThat(failed.expiredBefore(cutoff)).isFalse();
		assertThat(failed.confirm(NOW)).isFalse();
	}

	private static Reservation open(Line... lines) {
		return Reservation.open(ORDER, List.of(lines), EXPIRES, "flow-1", NOW);
	}

	private static Envelope<String> command(String type) {
		return new Envelope<>(UUID.randomUUID(), type, 1, "order-service", ORDER, NOW, "flow-1", null, "{}");
	}

	private static Envelope<JsonNode> onlyAnswer(Reservation reservation) {
		assertThat(reservation.outbox()).hasSize(1);
		return lastAnswer(reservation);
	}

	private static Envelope<JsonNode> lastAnswer(Reservation reservation) {
		List<OutboxMessage> outbox = reservation.outbox();
		OutboxMessage message = outbox.get(outbox.size() - 1);
		assertThat(message.topic()).isEqualTo(Topics.INVENTORY_EVENTS);
		assertThat(message.key()).isEqualTo(ORDER);
		return CODEC.read(message.envelope());
	}

}
