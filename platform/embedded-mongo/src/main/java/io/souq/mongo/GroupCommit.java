package io.souq.mongo;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Lock;
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

	private final Thread committer;

	private long durable;

	private long requested;

	private boolean closed;

	private RuntimeException failure;

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
	 * Waits until every change numbered up to {@code target} is in the file.
	 * @param target a change number
	 * @throws MongoServerException when the store failed to commit or was closed
	 */
	void awaitDurable(long target) {
		if (this.store == null) {
			return;
		}
		synchronized (this) {
			if (this.durable >= target) {
				return;
			}
			if (target > this.requested) {
				this.requested = target;
				notifyAll();
			}
			boolean interrupted = false;
			while (this.durable < target) {
				if (this.failure != null) {
					throw new MongoServerException("the store could not write its file: " + this.failure.getMessage(),
							this.failure);
				}
				if (this.closed) {
					throw new MongoServerException("the store is closing");
				}
				try {
					wait();
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Asks for a commit of everything changed so far, without waiting for it. */
	void requestCommit() {
		if (this.store == null) {
			return;
		}
		synchronized (this) {
			long latest = this.changes.get();
			if (latest > this.requested) {
				this.requested = latest;
				notifyAll();
			}
		}
	}

	private void run() {
		while (true) {
			synchronized (this) {
				while (this.requested <= this.durable && !this.closed) {
					try {
						wait();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
				}
				if (this.closed && this.requested <= this.durable) {
					return;
				}
			}
			try {
				commit();
			}
			catch (RuntimeException ex) {
				synchronized (this) {
					this.failure = ex;
					notifyAll();
				}
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
		synchronized (this) {
			if (covered > this.durable) {
				this.durable = covered;
			}
			notifyAll();
		}
	}

	/** Commits what is left and stops the committer. */
	@Override
	public void close() {
		if (this.store == null) {
			return;
		}
		synchronized (this) {
			this.requested = Math.max(this.requested, this.changes.get());
			this.closed = true;
			notifyAll();
		}
		try {
			this.committer.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
