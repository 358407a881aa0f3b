package io.souq.notification;

import io.souq.test.ServiceChecks;
import org.junit.jupiter.api.Test;

class NotificationServiceApplicationIT extends NotificationContext {

	@Test
	void becomesReadyOnItsBrokerAndDatabaseAndExposesProbesAndMetrics() {
		ServiceChecks.on(this.port).assertOperational("notification-service");
	}

}
