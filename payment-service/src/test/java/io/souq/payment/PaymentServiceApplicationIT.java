package io.souq.payment;

import io.souq.test.ServiceChecks;
import io.souq.test.WithSouqInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@WithSouqInfrastructure
class PaymentServiceApplicationIT {

	@LocalServerPort
	int port;

	@Test
	void becomesReadyOnItsBrokerAndDatabaseAndExposesProbesAndMetrics() {
		ServiceChecks.on(this.port).assertOperational("payment-service");
	}

}
