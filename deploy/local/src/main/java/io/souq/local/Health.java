package io.souq.local;

/**
 * A component's health as {@code status} shows it.
 */
public enum Health {

	/** Running and answering: the readiness probe says UP, or the port answers. */
	UP,

	/** Running (the process is alive) but not answering, or not ready. */
	DOWN,

	/** Not running. */
	STOPPED

}
