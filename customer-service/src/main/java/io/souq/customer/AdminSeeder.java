package io.souq.customer;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.souq.customer.config.AuthProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the configured admin account on start-up, once.
 */
@Component
class AdminSeeder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminSeeder.class);

	private final Customers customers;

	private final AuthProperties properties;

	AdminSeeder(Customers customers, AuthProperties properties) {
		this.customers = customers;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		Thread.ofVirtual().name("admin-seeder").start(this::seedUntilDone);
	}

	/** Retries while the database is unreachable, so the admin exists once it is back. */
	private void seedUntilDone() {
		while (true) {
			try {
				if (this.customers.seedAdmin(this.properties.adminEmail(), this.properties.adminPassword())) {
					log.info("Seeded the admin account {}", this.properties.adminEmail());
				}
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Could not seed the admin account yet ({}); retrying", ex.getClass().getSimpleName());
				LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(5));
			}
		}
	}

}
