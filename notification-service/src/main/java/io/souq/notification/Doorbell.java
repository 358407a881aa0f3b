package io.souq.notification;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * Wakes the sender when a message is ready, so that it goes out at once rather than at
 * the next poll. Rings that come while the sender is busy are merged into one.
 */
@Component
public class Doorbell {

	private final Semaphore rings = new Semaphore(0);

	/** Tells the sender that something is ready. */
	public void ring() {
		if (this.rings.availablePermits() == 0) {
			this.rings.release();
		}
	}

	/**
	 * Waits for a ring, at most the timeout.
	 * @return whether it rang
	 */
	public boolean await(Duration timeout) throws InterruptedException {
		boolean rang = this.rings.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
		this.rings.drainPermits();
		return rang;
	}

}
