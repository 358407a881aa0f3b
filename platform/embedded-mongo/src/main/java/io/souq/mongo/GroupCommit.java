package io.souq.mongo;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import de.bwaldvogel.mongo.exception.MongoServerException;

/**
 * Makes writes durable before they are acknowledged, sharing one write of the log among
 * every command waiting at the same time.
 * <p>
 * Every change to a map takes a number ({@link #change()}) before it is made. A command
 * that may write holds the {@linkplain #writeGate() write gate} while it runs and while
 * its transaction commits (to the log buffer, not yet to the file). The committer closes
 * the gate for a moment (no command half done), notes the highest number handed out,
 * reopens it and writes the log to the file ({@link StoreEngine#flush()}). Before its
 * reply leaves, every command waits until the numbers of the collections it read or wrote
 * are covered by a finished flush ({@link #awaitDurable(long)}): a write is in the file
 * before it is acknowledged, and a read never returns a write that a crash could still
 * take back. A command that changed nothing and read nothing pending waits for nothing
 * and writes nothing. While one flush runs, the commands that arrive form the next group.
 * <p>
 * "In the file" means written to the operating system (its page cache): that survives a
 * killed process, not a power cut.
 */
final class GroupCommit implements AutoCloseable {

	private final StoreEngine store;

	private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();

	private final AtomicLong changes = new AtomicLong();

	private final LongAdder commits = new LongAdder();

	private final LongAdder writes = new LongAdder();

	/** The highest change number a command waits for. */
	private final AtomicLong requested = new AtomicLong();

	/** The commands waiting, each parked until a flush covers its number. */
	private final Queue<Waiter> waiters = new ConcurrentLinkedQueue<>();

	private final Thread committer;

	/** The highest change number known to be in the files. */
	private volatile long durable;

	private volatile boolean closed;

	private volatile RuntimeException failure;

	private record Waiter(long target, Thread thread) {
	}

	/**
	 * @param store the engine, {@code null} for memory-only data (nothing to wait for)
	 */
	GroupCommit(StoreEngine store) {
		this.store = store;
		if (store != null) {
			this.committer = new Thread(this::run, "souq-store-committer");
			this.committer.setDaemon(true);
			this.committer.start();
		}
		else {
			this.committer = null;
		}
	}

	boolean persistent() {
		return this.store != null;
	}

	/** Held by each command that may write, for the time it runs. */
	Lock writeGate() {
		return this.gate.readLock();
	}

	/**
	 * The number of a change about to be made.
	 * @return a number higher than every earlier one
	 */
	long change() {
		return this.changes.incrementAndGet();
	}

	/** The number of the latest change. */
	long latestChange() {
		return this.changes.get();
	}

	void countWrite() {
		this.writes.increment();
	}

	long commits() {
		return this.commits.sum();
	}

	long writes() {
		return this.writes.sum();
	}

	/**
	 * Waits until every change numbered up to {@code target} is in the files. Waiting
	 * commands park (no monitor, so no spinning on a contended lock) and the committer
	 * unparks those its flush covered.
	 * @param target a change number
	 * @throws MongoServerException when the store failed to write or was closed
	 */
	void awaitDurable(long target) {
		if (this.store == null || this.durable >= target) {
			return;
		}
		this.requested.accumulateAndGet(target, Math::max);
		Waiter waiter = new Waiter(target, Thread.currentThread());
		this.waiters.add(waiter);
		LockSupport.unpark(this.committer);
		try {
			while (this.durable < target) {
				RuntimeException failed = this.failure;
				if (failed != null) {
					throw new MongoServerException("the store could not write its files: " + failed.getMessage(),
							failed);
				}
				if (this.closed && !this.committer.isAlive()) {
					throw new MongoServerException("the store is closing");
				}
				LockSupport.parkNanos(this, 100_000_000L);
			}
		}
		finally {
			this.waiters.remove(waiter);
		}
	}

	private void run() {
		while (true) {
			if (this.requested.get() <= this.durable) {
				if (this.closed) {
					return;
				}
				LockSupport.parkNanos(this, 1_000_000_000L);
				continue;
			}
			try {
				commit();
			}
			catch (RuntimeException ex) {
				this.failure = ex;
				wakeAll();
				return;
			}
		}
	}

	private void commit() {
		long covered;
		Lock closing = this.gate.writeLock();
		closing.lock();
		try {
			// every command numbered up to here has committed its transaction
			covered = this.changes.get();
		}
		finally {
			closing.unlock();
		}
		this.store.flush();
		this.commits.increment();
		if (covered > this.durable) {
			this.durable = covered;
		}
		for (Waiter waiter : this.waiters) {
			if (waiter.target() <= covered) {
				LockSupport.unpark(waiter.thread());
			}
		}
	}

	private void wakeAll() {
		for (Waiter waiter : this.waiters) {
			LockSupport.unpark(waiter.thread());
		}
	}

	/** Writes what is left and stops the committer. */
	@Override
	public void close() {
		if (this.store == null) {
			return;
		}
		this.requested.accumulateAndGet(this.changes.get(), Math::max);
		this.closed = true;
		LockSupport.unpark(this.committer);
		try {
			this.committer.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		wakeAll();
	}

}
