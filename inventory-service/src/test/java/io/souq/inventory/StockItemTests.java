package io.souq.inventory;

import java.time.Instant;

import io.souq.events.inventory.StockBelowReorderPoint;
import io.souq.events.inventory.StockLevelChanged;
import io.souq.starter.domain.Refused;
import io.souq.starter.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StockItemTests {

	static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

	@Test
	void aNewSkuHasNoStockAndAnnouncesIt() {
		StockItem item = StockItem.create("TEA-1", NOW);
		assertThat(item.available()).isZero();
		assertThat(item.outbox()).extracting(OutboxMessage::type).containsExactly(StockLevelChanged.TYPE);
	}

	@Test
	void receivesAndWritesOffStock() {
		StockItem item = StockItem.create("TEA-1", NOW);
		item.adjust(40, NOW);
		item.adjust(-15, NOW);
		assertThat(item.onHand()).isEqualTo(25);
		assertThat(item.available()).isEqualTo(25);
	}

	@Test
	void neverGoesBelowWhatIsReservedOrBelowZero() {
		StockItem item = new StockItem("TEA-1", 10, 4, 2, NOW, 1L);
		assertThatExceptionOfType(Refused.class).isThrownBy(() -> item.adjust(-7, NOW));
		assertThatExceptionOfType(Refused.class).isThrownBy(() -> item.count(3, null, NOW));
		assertThatExceptionOfType(Refused.class).isThrownBy(() -> item.count(-1, null, NOW));
		assertThatExceptionOfType(Refused.class).isThrownBy(() -> item.adjust(0, NOW));
		item.adjust(-6, NOW);
		assertThat(item.available()).isZero();
		assertThat(item.onHand()).isEqualTo(4);
	}

	@Test
	void announcesWhenAvailableStockFallsUnderTheReorderPointOnce() {
		StockItem item = StockItem.create("TEA-1", NOW);
		item.count(20, 5L, NOW);
		item.adjust(-16, NOW);
		item.adjust(-1, NOW);
		assertThat(item.outbox()).extracting(OutboxMessage::type)
			.containsExactly(StockLevelChanged.TYPE, StockLevelChanged.TYPE, StockLevelChanged.TYPE,
					StockBelowReorderPoint.TYPE, StockLevelChanged.TYPE);
	}

	@Test
	void holdsUnitsForAnOrderOnceAndNeverMoreThanAreAvailable() {
		StockItem item = new StockItem("TEA-1", 10, 0, 2, NOW, 1L);
		item.reserve("order-1", 6, NOW);
		assertThat(item.reserved()).isEqualTo(6);
		assertThat(item.available()).isEqualTo(4);
		assertThat(item.holds("order-1")).isTrue();
		assertThat(item.reservedFor()).containsExactly("order-1");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> item.reserve("order-1", 1, NOW));
		assertThatExceptionOfType(Refused.class).isThrownBy(() -> item.reserve("order-2", 5, NOW));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> item.reserve("order-2", 0, NOW));
		item.reserve("order-2", 4, NOW);
		assertThat(item.available()).isZero();
		assertThat(item.outbox()).extracting(OutboxMessage::type)
			.containsExactly(StockLevelChanged.TYPE, StockLevelChanged.TYPE, StockBelowReorderPoint.TYPE);
		assertThat(item.outbox().get(0).envelope()).contains("\"reason\":\"RESERVED\"", "\"available\":4");
	}

	@Test
	void givesBackOrShipsOnlyWhatAnOrderHolds() {
		StockItem item = new StockItem("TEA-1", 10, 0, 2, NOW, 1L);
		item.reserve("order-1", 3, NOW);
		item.reserve("order-2", 2, NOW);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> item.release("order-3", 1, NOW));
		item.release("order-1", 3, NOW);
		assertThat(item.reserved()).isEqualTo(2);
		assertThat(item.available()).isEqualTo(8);
		assertThat(item.holds("order-1")).isFalse();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> item.commit("order-1", 3, NOW));
		item.commit("order-2", 2, NOW);
		assertThat(item.onHand()).isEqualTo(8);
		assertThat(item.reserved()).isZero();
		assertThat(item.available()).isEqualTo(8);
		assertThat(item.reservedFor()).isEmpty();
		assertThat(item.outbox())
			.extracting((message) -> message.envelope().replaceAll(".*\"reason\":\"(\\w+)\".*", "$1"))
			.containsExactly("RESERVED", "RESERVED", "RELEASED", "COMMITTED");
	}

	@Test
	void keepsTheStoredAvailableStockInStepWithEveryChange() {
		StockItem legacy = new StockItem("TEA-1", 10, 4, 2, NOW, null, 3L);
		assertThat(legacy.needsRewrite()).isTrue();
		StockItem item = new StockItem("TEA-1", 10, 4, 2, NOW, 3L);
		assertThat(item.needsRewrite()).isFalse();
		item.adjust(5, NOW);
		item.reserve("order-1", 1, NOW);
		assertThat(item.needsRewrite()).isFalse();
		assertThat(item.available()).isEqualTo(10);
	}

}
