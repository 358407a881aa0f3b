package io.souq.local;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * What {@link LocalPlatform#up()} did.
 *
 * @param components every requested component, in start order
 * @param total the time from the start of {@code up} until everything was ready
 * @param totalRssKib the resident memory of all running components, in KiB
 */
public record StartupReport(List<Started> components, Duration total, long totalRssKib) {

	/**
	 * One component's outcome.
	 *
	 * @param name the component
	 * @param pid its process id
	 * @param alreadyRunning {@code true} if it was running before and was left alone
	 * @param time from its launch until it was ready (zero if already running)
	 * @param note extra information, e.g. whether an AOT cache was used; may be empty
	 */
	public record Started(String name, OptionalLong pid, boolean alreadyRunning, Duration time, String note) {

	}

}
