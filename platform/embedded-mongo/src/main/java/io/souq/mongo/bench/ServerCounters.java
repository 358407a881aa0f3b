package io.souq.mongo.bench;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import org.bson.Document;

/**
 * The server's write and commit counters, from the {@code souq} document of
 * {@code serverStatus} when the server has one.
 *
 * @param writes the writes the server applied
 * @param commits the commits of those writes to the data file
 */
record ServerCounters(long writes, long commits) {

	/**
	 * Reads the counters.
	 * @param client a client of the server
	 * @return the counters, or {@code null} when the server does not report them
	 */
	static ServerCounters read(MongoClient client) {
		try {
			Document status = client.getDatabase("admin").runCommand(new Document("serverStatus", 1));
			return from(status);
		}
		catch (MongoException ex) {
			return null;
		}
	}

	/**
	 * The counters of a {@code serverStatus} reply.
	 * @param status the reply
	 * @return the counters, or {@code null} when it has none
	 */
	static ServerCounters from(Document status) {
		if (!(status.get("souq") instanceof Document souq)) {
			return null;
		}
		if (souq.get("writes") instanceof Number writes && souq.get("commits") instanceof Number commits) {
			return new ServerCounters(writes.longValue(), commits.longValue());
		}
		return null;
	}

	/**
	 * What changed between two readings.
	 * @param before the first reading, or {@code null}
	 * @param after the second reading, or {@code null}
	 * @return the change, or {@code null} when either is missing
	 */
	static ServerCounters delta(ServerCounters before, ServerCounters after) {
		if (before == null || after == null) {
			return null;
		}
		return new ServerCounters(after.writes - before.writes, after.commits - before.commits);
	}

	/** Writes per commit, or NaN when nothing was committed. */
	double writesPerCommit() {
		return (this.commits > 0) ? (double) this.writes / this.commits : Double.NaN;
	}

}
