package io.souq.inventory;

import io.souq.test.ServiceChecks;
import io.souq.test.WithSouqInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@WithSouqInfrastructure
class InventoryServiceApplicationIT {

	@LocalServerPort
	int port;

	@Test
	void becomesReadyOnItsBrokerAndDatabaseAndExposesProbesAndMetrics() {
		ServiceChecks.on(this.port).assertOperational("inventory-service");
	}

}
