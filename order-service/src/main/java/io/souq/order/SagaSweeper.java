package io.souq.order;

import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Wakes the orders whose step deadline or resend is due, every
 * {@code souq.order.saga.sweep-interval}. Several instances may sweep at once: each
 * change is an optimistic read-change-save, so one of them applies it.
 */
class SagaSweeper implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SagaSweeper.class);

	private final Orders orders;

	private final SagaTimeouts timeouts;

	private volatile boolean running;

	private Thread thread;

	SagaSweeper(Orders orders, SagaTimeouts timeouts) {
		this.orders = orders;
		this.timeouts = timeouts;
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = Thread.ofVirtual().name("saga-sweeper").start(this::sweep);
	}

	private void sweep() {
		while (this.running) {
			try {
				while (this.running && this.orders.wakeDue(100) == 100) {
					// more are due: keep going
				}
			}
			catch (RuntimeException ex) {
				log.warn("Saga sweep failed ({}); trying again", ex.toString());
			}
			LockSupport.parkNanos(this.timeouts.sweepInterval().toNanos());
		}
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.thread != null) {
			LockSupport.unpark(this.thread);
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
