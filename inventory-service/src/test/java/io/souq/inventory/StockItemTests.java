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

}
