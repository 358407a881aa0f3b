package io.souq.shipping;

import io.souq.test.ServiceChecks;
import io.souq.test.WithSouqInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@WithSouqInfrastructure
@Import(TestIssuer.class)
class ShippingServiceApplicationIT {

	@LocalServerPort
	int port;

	@Test
	void becomesReadyOnItsBrokerAndDatabaseAndExposesProbesAndMetrics() {
		ServiceChecks.on(this.port).assertOperational("shipping-service");
	}

}
