package io.souq.mongo;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import de.bwaldvogel.mongo.exception.MongoServerException;
import org.h2.mvstore.MVStore;

/**
 * Makes writes durable before they are acknowledged, sharing one MVStore commit among
 * every command waiting at the same time.
 * <p>
 * Every change to a map takes a number ({@link #change()}) before it is made. A command
 * that may write holds the {@linkplain #writeGate() write gate} while it runs; the
 * committer closes the gate (no command half done), notes the highest number handed out,
 * commits and reopens it. Before its reply leaves, every command waits until the numbers
 * of the collections it read or wrote are covered by a finished commit
 * ({@link #awaitDurable(long)}): a write is in the file before it is acknowledged, and a
 * read never returns a write that a crash could still take back. A command that changed
 * nothing and read nothing pending waits for nothing and commits nothing. While one
 * commit runs, the commands that arrive form the next group.
 * <p>
 * "In the file" means written to the operating system (its page cache): that survives a
 * killed process, not a power cut. When idle, the committer compacts the file a little at
 * a time.
 */
final class GroupCommit implements AutoCloseable {

	private static final long IDLE_MILLIS = 1_000;

	/** Rewrite chunks below this fill rate (percent) when idle. */
	private static final int COMPACT_FILL_RATE = 60;

	private static final int COMPACT_BYTES = 4 << 20;

	private static final int COMMITS_PER_COMPACTION = 64;

	private static final int COMPACT_BYTES_UNDER_LOAD = 1 << 20;

	private final MVStore store;

	private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();

	private final AtomicLong changes = new AtomicLong();

	private final LongAdder commits = new LongAdder();

	private final LongAdder writes = new LongAdder();

	private final LongAdder compactions = new LongAdder();

	private int commitsSinceCompaction;

	/** The change number that only asks to store compacted pages (not a write). */
	private volatile long housekeepingChange;

	private final Thread committer;

	private long durable;

	private long requested;

	private boolean closed;

	private RuntimeException failure;

	private boolean compactionDue;

	/**
	 * @param store the file store, {@code null} for memory-only data (nothing to wait
	 * for)
	 */
	GroupCommit(MVStore store) {
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

	long compactions() {
		return this.compactions.sum();
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
			boolean idle;
			synchronized (this) {
				while (this.requested <= this.durable && !this.closed) {
					long before = System.nanoTime();
					try {
						wait(IDLE_MILLIS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
					if (this.requested <= this.durable && this.compactionDue
							&& System.nanoTime() - before >= IDLE_MILLIS * 900_000L) {
						break;
					}
				}
				if (this.closed && this.requested <= this.durable) {
					return;
				}
				idle = this.requested <= this.durable;
			}
			try {
				if (idle) {
					compact(COMPACT_BYTES);
				}
				else {
					commit();
					if (++this.commitsSinceCompaction >= COMMITS_PER_COMPACTION) {
						compact(COMPACT_BYTES_UNDER_LOAD);
					}
				}
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
			covered = this.changes.get();
			if (this.store.hasUnsavedChanges()) {
				this.store.commit();
				if (covered != this.housekeepingChange) {
					this.commits.increment();
				}
			}
		}
		finally {
			closing.unlock();
		}
		synchronized (this) {
			this.compactionDue = true;
			if (covered > this.durable) {
				this.durable = covered;
			}
			notifyAll();
		}
	}

	/**
	 * A step of compaction: moves the live pages of sparse chunks into the next commit,
	 * so that the file stops growing. It changes no content, so it runs beside commands
	 * (as H2's own housekeeping would); its pages are stored by the next commit.
	 * @param bytes how much to rewrite at most
	 */
	private void compact(int bytes) {
		this.commitsSinceCompaction = 0;
		boolean rewrote = this.store.compact(COMPACT_FILL_RATE, bytes);
		if (rewrote) {
			this.compactions.increment();
		}
		synchronized (this) {
			this.compactionDue = rewrote;
			if (rewrote && this.requested <= this.durable) {
				// store the moved pages: the old chunks can then be reused
				this.requested = this.changes.incrementAndGet();
				this.housekeepingChange = this.requested;
			}
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
