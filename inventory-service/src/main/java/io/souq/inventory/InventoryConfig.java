package io.souq.inventory;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InventoryConfig {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
