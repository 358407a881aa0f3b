package io.souq.inventory;

import io.souq.test.ServiceChecks;
import org.junit.jupiter.api.Test;

class InventoryServiceApplicationIT extends InventoryContext {

	@Test
	void becomesReadyOnItsBrokerAndDatabaseAndExposesProbesAndMetrics() {
		ServiceChecks.on(this.port).assertOperational("inventory-service");
	}

}
