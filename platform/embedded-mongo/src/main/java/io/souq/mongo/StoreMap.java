package io.souq.mongo;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;

import com.sleepycat.je.Cursor;
import com.sleepycat.je.CursorConfig;
import com.sleepycat.je.Database;
import com.sleepycat.je.DatabaseEntry;
import com.sleepycat.je.LockMode;
import com.sleepycat.je.OperationStatus;
import com.sleepycat.je.Transaction;

/**
 * One ordered map of the store (a JE database) with byte-array keys in the order of its
 * {@link KeyComparator} and byte-array values. Inside a writing command every operation
 * joins the command's transaction ({@link CommandScope}); reads outside one take no locks
 * (commands on one collection are serialised by the collection itself).
 */
final class StoreMap {

	private static final byte[] EMPTY = new byte[0];

	private final String name;

	private final Database database;

	private final KeyComparator comparator;

	/** The number of keys, counted once and then kept; {@code -1} until counted. */
	private final AtomicLong count = new AtomicLong(-1);

	StoreMap(String name, Database database, KeyComparator comparator) {
		this.name = name;
		this.database = database;
		this.comparator = comparator;
	}

	Database database() {
		return this.database;
	}

	String name() {
		return this.name;
	}

	private static LockMode readMode() {
		// a command's transaction reads committed data (its configuration says so)
		return CommandScope.inTransaction() ? LockMode.DEFAULT : LockMode.READ_UNCOMMITTED;
	}

	byte[] get(byte[] key) {
		DatabaseEntry value = new DatabaseEntry();
		OperationStatus status = this.database.get(CommandScope.transaction(), new DatabaseEntry(key), value,
				readMode());
		return (status == OperationStatus.SUCCESS) ? value.getData() : null;
	}

	boolean contains(byte[] key) {
		DatabaseEntry value = new DatabaseEntry();
		value.setPartial(0, 0, true);
		return this.database.get(CommandScope.transaction(), new DatabaseEntry(key), value,
				readMode()) == OperationStatus.SUCCESS;
	}

	/**
	 * Stores a value under a new key.
	 * @return {@code false} when the key was there (nothing changed)
	 */
	boolean putIfAbsent(byte[] key, byte[] value) {
		Transaction transaction = CommandScope.transaction();
		OperationStatus status = this.database.putNoOverwrite(transaction, new DatabaseEntry(key),
				new DatabaseEntry(value));
		if (status == OperationStatus.SUCCESS) {
			CommandScope.written(this);
			this.count.updateAndGet((known) -> (known < 0) ? known : known + 1);
			return true;
		}
		return false;
	}

	/** Adds a key without a value (an index entry); nothing if it is there. */
	void add(byte[] key) {
		putIfAbsent(key, EMPTY);
	}

	/** Replaces the value of a key that is there. */
	void replace(byte[] key, byte[] value) {
		this.database.put(CommandScope.transaction(), new DatabaseEntry(key), new DatabaseEntry(value));
		CommandScope.written(this);
	}

	/**
	 * Removes a key.
	 * @return whether it was there
	 */
	boolean remove(byte[] key) {
		OperationStatus status = this.database.delete(CommandScope.transaction(), new DatabaseEntry(key));
		if (status == OperationStatus.SUCCESS) {
			CommandScope.written(this);
			this.count.updateAndGet((known) -> (known < 0) ? known : known - 1);
			return true;
		}
		return false;
	}

	long size() {
		long known = this.count.get();
		if (known < 0) {
			known = this.database.count();
			this.count.compareAndSet(-1, known);
		}
		return known;
	}

	boolean isEmpty() {
		try (Entries entries = entries(null, null, false, false)) {
			return !entries.hasNext();
		}
	}

	/** After an aborted transaction the kept count may be wrong: count again. */
	void forgetCount() {
		this.count.set(-1);
	}

	/** Removes every key (an index rebuilt after a crash during its build). */
	void clear() {
		try (Entries entries = entries(null, null, false, false)) {
			while (entries.hasNext()) {
				entries.next();
				entries.delete();
			}
		}
		forgetCount();
	}

	/**
	 * Walks the keys from {@code from} to {@code to} (both included; {@code null}: the
	 * end), forwards or backwards ({@code from} is then the higher end).
	 * @param from where to start
	 * @param to where to stop
	 * @param reverse whether to walk backwards
	 * @param values whether to read the values too
	 * @return the walk, to close when done (the command closes it otherwise)
	 */
	Entries entries(byte[] from, byte[] to, boolean reverse, boolean values) {
		return new Entries(from, to, reverse, values);
	}

	/** A walk over keys, one at a time. */
	final class Entries implements Iterator<byte[]>, AutoCloseable {

		private final Cursor cursor;

		private final byte[] to;

		private final boolean reverse;

		private final DatabaseEntry key = new DatabaseEntry();

		private final DatabaseEntry value = new DatabaseEntry();

		/** The cursor's configuration chooses the isolation. */
		private final LockMode lockMode = LockMode.DEFAULT;

		private boolean started;

		private byte[] from;

		private byte[] next;

		private byte[] currentValue;

		private boolean done;

		Entries(byte[] from, byte[] to, boolean reverse, boolean values) {
			Transaction transaction = CommandScope.transaction();
			this.cursor = StoreMap.this.database.openCursor(transaction,
					(transaction != null) ? CursorConfig.READ_COMMITTED : CursorConfig.READ_UNCOMMITTED);
			CommandScope.opened(this.cursor);
			this.from = from;
			this.to = to;
			this.reverse = reverse;
			if (!values) {
				this.value.setPartial(0, 0, true);
			}
		}

		@Override
		public boolean hasNext() {
			if (this.next != null) {
				return true;
			}
			if (this.done) {
				return false;
			}
			OperationStatus status = this.started ? advance() : start();
			this.started = true;
			if (status != OperationStatus.SUCCESS || beyond(this.key.getData())) {
				close();
				return false;
			}
			this.next = this.key.getData();
			this.currentValue = this.value.getData();
			return true;
		}

		private OperationStatus start() {
			if (this.from == null) {
				return this.reverse ? this.cursor.getLast(this.key, this.value, this.lockMode)
						: this.cursor.getFirst(this.key, this.value, this.lockMode);
			}
			this.key.setData(this.from);
			OperationStatus status = this.cursor.getSearchKeyRange(this.key, this.value, this.lockMode);
			if (!this.reverse) {
				return status;
			}
			if (status != OperationStatus.SUCCESS) {
				return this.cursor.getLast(this.key, this.value, this.lockMode);
			}
			if (compare(this.key.getData(), this.from) > 0) {
				return this.cursor.getPrev(this.key, this.value, this.lockMode);
			}
			return status;
		}

		private OperationStatus advance() {
			return this.reverse ? this.cursor.getPrev(this.key, this.value, this.lockMode)
					: this.cursor.getNext(this.key, this.value, this.lockMode);
		}

		private boolean beyond(byte[] current) {
			if (this.to == null) {
				return false;
			}
			int result = compare(current, this.to);
			return this.reverse ? result < 0 : result > 0;
		}

		private int compare(byte[] left, byte[] right) {
			KeyComparator order = StoreMap.this.comparator;
			return (order != null) ? order.compare(left, right) : java.util.Arrays.compareUnsigned(left, right);
		}

		@Override
		public byte[] next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			byte[] current = this.next;
			this.next = null;
			return current;
		}

		/** The value of the key {@link #next()} returned last. */
		byte[] value() {
			return this.currentValue;
		}

		/** Deletes the key {@link #next()} returned last. */
		void delete() {
			if (this.cursor.delete() == OperationStatus.SUCCESS) {
				CommandScope.written(StoreMap.this);
			}
		}

		@Override
		public void close() {
			if (!this.done) {
				this.done = true;
				this.cursor.close();
				CommandScope.closed(this.cursor);
			}
		}

	}

}
