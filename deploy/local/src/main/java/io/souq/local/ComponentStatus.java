package io.souq.local;

import java.util.OptionalLong;

/**
 * One row of {@code ./souq status}.
 *
 * @param name the component
 * @param pid its process id, empty when it is not running
 * @param port its main port (with the offset)
 * @param health UP, DOWN (running, not answering or not ready) or STOPPED
 * @param rssKib its resident memory in KiB, 0 when it is not running
 */
public record ComponentStatus(String name, OptionalLong pid, int port, Health health, long rssKib) {

	/**
	 * Whether the component's process is running.
	 * @return {@code true} unless STOPPED
	 */
	public boolean running() {
		return this.health != Health.STOPPED;
	}

}
