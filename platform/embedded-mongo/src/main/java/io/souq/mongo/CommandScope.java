package io.souq.mongo;

import java.util.ArrayList;
import java.util.List;

/**
 * The collections the command running on this thread read or wrote, so that its reply can
 * wait until what it saw is durable ({@link GroupCommit#awaitDurable(long)}).
 */
final class CommandScope {

	private static final ThreadLocal<CommandScope> CURRENT = new ThreadLocal<>();

	private final List<SouqCollection> touched = new ArrayList<>(2);

	private boolean wrote;

	private CommandScope() {
	}

	/**
	 * Starts the scope of a command, unless one is open on this thread.
	 * @return the new scope, or {@code null} when nested in another
	 */
	static CommandScope open() {
		if (CURRENT.get() != null) {
			return null;
		}
		CommandScope scope = new CommandScope();
		CURRENT.set(scope);
		return scope;
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
