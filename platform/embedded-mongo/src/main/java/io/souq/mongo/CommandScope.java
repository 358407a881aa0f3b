package io.souq.mongo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.sleepycat.je.Cursor;
import com.sleepycat.je.Transaction;

/**
 * What the command running on this thread touched: the collections it read or wrote (so
 * that its reply can wait until what it saw is durable, {@link GroupCommit}), the
 * transaction its writes go to (begun at its first use, committed or aborted when the
 * command ends) and the cursors it opened (closed when it ends).
 */
final class CommandScope {

	private static final ThreadLocal<CommandScope> CURRENT = new ThreadLocal<>();

	private final StoreEngine engine;

	private final boolean writable;

	private final List<SouqCollection> touched = new ArrayList<>(2);

	private final List<Cursor> cursors = new ArrayList<>(2);

	private final Set<StoreMap> written = new LinkedHashSet<>();

	private Transaction transaction;

	private boolean wrote;

	private CommandScope(StoreEngine engine, boolean writable) {
		this.engine = engine;
		this.writable = writable;
	}

	/**
	 * Starts the scope of a command, unless one is open on this thread.
	 * @param engine the storage engine
	 * @param writable whether the command may write (then its writes share one
	 * transaction)
	 * @return the new scope, or {@code null} when nested in another
	 */
	static CommandScope open(StoreEngine engine, boolean writable) {
		if (CURRENT.get() != null) {
			return null;
		}
		CommandScope scope = new CommandScope(engine, writable);
		CURRENT.set(scope);
		return scope;
	}

	/**
	 * The transaction of the current command, begun now if needed; {@code null} outside a
	 * writing command (each operation then stands alone).
	 */
	static Transaction transaction() {
		CommandScope scope = CURRENT.get();
		if (scope == null || !scope.writable) {
			return null;
		}
		if (scope.transaction == null) {
			scope.transaction = scope.engine.begin();
		}
		return scope.transaction;
	}

	/**
	 * Whether operations on this thread belong to a writing command (then they read with
	 * its transaction, else without locks).
	 */
	static boolean inTransaction() {
		CommandScope scope = CURRENT.get();
		return scope != null && scope.writable;
	}

	static void opened(Cursor cursor) {
		CommandScope scope = CURRENT.get();
		if (scope != null) {
			scope.cursors.add(cursor);
		}
	}

	/**
	 * Closes this command's cursors on a database about to be closed (dropped, renamed).
	 */
	static void closeCursorsOf(com.sleepycat.je.Database database) {
		CommandScope scope = CURRENT.get();
		if (scope == null) {
			return;
		}
		for (Cursor cursor : new ArrayList<>(scope.cursors)) {
			if (cursor.getDatabase() == database) {
				cursor.close();
				scope.cursors.remove(cursor);
			}
		}
	}

	static void closed(Cursor cursor) {
		CommandScope scope = CURRENT.get();
		if (scope != null) {
			scope.cursors.remove(cursor);
		}
	}

	static void written(StoreMap map) {
		CommandScope scope = CURRENT.get();
		if (scope != null) {
			scope.written.add(map);
		}
	}

	static void touched(SouqCollection collection) {
		CommandScope scope = CURRENT.get();
		if (scope != null && !scope.touched.contains(collection)) {
			scope.touched.add(collection);
		}
	}

	static void wrote(SouqCollection collection) {
		CommandScope scope = CURRENT.get();
		if (scope != null) {
			scope.wrote = true;
			if (!scope.touched.contains(collection)) {
				scope.touched.add(collection);
			}
		}
	}

	boolean wroteAnything() {
		return this.wrote;
	}

	/**
	 * Closes the command's cursors and commits its transaction (or aborts it, when the
	 * command failed unexpectedly: then none of its writes remain).
	 * @param commit whether to commit
	 */
	void finish(boolean commit) {
		RuntimeException failure = null;
		for (Cursor cursor : new ArrayList<>(this.cursors)) {
			try {
				cursor.close();
			}
			catch (RuntimeException ex) {
				failure = ex;
			}
		}
		this.cursors.clear();
		if (this.transaction != null) {
			if (commit && failure == null) {
				this.transaction.commit();
			}
			else {
				this.transaction.abort();
				for (StoreMap map : this.written) {
					map.forgetCount();
				}
			}
			this.transaction = null;
		}
		if (failure != null) {
			throw failure;
		}
	}

	/**
	 * Ends the scope.
	 * @return the highest change number of what the command read or wrote
	 */
	long close() {
		CURRENT.remove();
		long target = 0;
		for (SouqCollection collection : this.touched) {
			target = Math.max(target, collection.lastChange());
		}
		return target;
	}

}
