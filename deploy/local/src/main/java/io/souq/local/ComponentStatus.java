package io.souq.local;

import java.util.OptionalLong;

/**
 * One row of {@code ./souq status}.
 *
 * @param name the component
 * @param pid its process id, empty when it is not running (or when its port is served by
 * a process that cannot be identified)
 * @param port its main port (with the offset)
 * @param health UP, DOWN (running, not answering or not ready) or STOPPED
 * @param rssKib its resident memory in KiB, 0 when it is not running
 * @param note what else is true, e.g. {@code untracked pid 4242 (no pid file)}; empty for
 * a component running from its pid file, or stopped
 */
public record ComponentStatus(String name, OptionalLong pid, int port, Health health, long rssKib, String note) {

	/**
	 * A row without a note.
	 * @param name the component
	 * @param pid its process id
	 * @param port its main port
	 * @param health its health
	 * @param rssKib its resident memory in KiB
	 */
	public ComponentStatus(String name, OptionalLong pid, int port, Health health, long rssKib) {
		this(name, pid, port, health, rssKib, "");
	}

	/**
	 * Whether the component's process is running (or its port is served).
	 * @return {@code true} unless STOPPED
	 */
	public boolean running() {
		return this.health != Health.STOPPED;
	}

}
