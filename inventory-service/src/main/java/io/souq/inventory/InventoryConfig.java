package io.souq.inventory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ReservationProperties.class)
class InventoryConfig {

	/** Releases expired reservations every {@code sweep-interval}, on every instance. */
	@Bean
	SchedulingConfigurer reservationSweep(Reservations reservations, ReservationProperties properties) {
		return (registrar) -> registrar.addFixedDelayTask(reservations::sweepQuietly, properties.sweepInterval());
	}

}
