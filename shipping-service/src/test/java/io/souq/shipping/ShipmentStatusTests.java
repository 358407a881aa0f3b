package io.souq.shipping;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static io.souq.shipping.ShipmentStatus.CANCELLED;
import static io.souq.shipping.ShipmentStatus.CREATED;
import static io.souq.shipping.ShipmentStatus.DELIVERED;
import static io.souq.shipping.ShipmentStatus.DISPATCHED;
import static io.souq.shipping.ShipmentStatus.FAILED_DELIVERY;
import static io.souq.shipping.ShipmentStatus.IN_TRANSIT;
import static io.souq.shipping.ShipmentStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

class ShipmentStatusTests {

	@Test
	void carriersMoveAShipmentOnlyForward() {
		assertThat(next(CREATED)).containsExactly(DISPATCHED);
		assertThat(next(DISPATCHED)).containsExactly(IN_TRANSIT, DELIVERED, FAILED_DELIVERY);
		assertThat(next(IN_TRANSIT)).containsExactly(IN_TRANSIT, DELIVERED, FAILED_DELIVERY);
		assertThat(next(FAILED_DELIVERY)).containsExactly(IN_TRANSIT, DELIVERED);
		assertThat(next(DELIVERED)).isEmpty();
		assertThat(next(CANCELLED)).isEmpty();
		assertThat(next(REJECTED)).isEmpty();
	}

	@Test
	void onlyADispatchedShipmentCannotBeCancelled() {
		assertThat(EnumSet.allOf(ShipmentStatus.class).stream().filter(ShipmentStatus::dispatched))
			.containsExactly(DISPATCHED, IN_TRANSIT, DELIVERED, FAILED_DELIVERY);
	}

	private static Set<ShipmentStatus> next(ShipmentStatus from) {
		Set<ShipmentStatus> next = EnumSet.noneOf(ShipmentStatus.class);
		for (ShipmentStatus to : ShipmentStatus.values()) {
			if (from.canBecome(to)) {
				next.add(to);
			}
		}
		return next;
	}

}
