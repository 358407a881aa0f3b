package io.souq.mongo.bench;

import java.util.Locale;

/**
 * The figures of the summary, each with its unit and target.
 */
enum Figure {

	FILL_RATE("fill, docs/s", Unit.RATE, Target.none(), false),

	INSERT("insertOne new order, ops/s", Unit.RATE, Target.atLeast(2_000, "≥ 2,000/s, sizes within 1.5x"), true),

	INSERT_CPU("insertOne, µs server CPU/op", Unit.MICROS, Target.none(), false),

	UPDATE("findOneAndUpdate {_id, version}, ops/s", Unit.RATE, Target.atLeast(2_000, "≥ 2,000/s, sizes within 1.5x"),
			true),

	UPDATE_CPU("findOneAndUpdate {_id, version}, µs server CPU/op", Unit.MICROS, Target.none(), false),

	FIND("find customerId sort createdAt -1 limit 20, ops/s", Unit.RATE,
			Target.atLeast(2_000, "≥ 2,000/s, sizes within 1.5x"), true),

	FIND_CPU("find customerId sort/limit, µs server CPU/op", Unit.MICROS, Target.none(), false),

	CLAIM_MISS("outbox claim, nothing pending, ops/s", Unit.RATE, Target.atLeast(5_000, "≥ 5,000/s"), false),

	CLAIM_MISS_CPU("outbox claim, nothing pending, µs server CPU/op", Unit.MICROS, Target.none(), false),

	CLAIM_MISS_COMMITS("outbox claim, nothing pending: server commits", Unit.COUNT,
			Target.atMost(0, "0 (commits nothing)"), false),

	CLAIM_MISS_FILE_GROWTH("outbox claim, nothing pending: data file growth", Unit.BYTES,
			Target.atMost(0, "0 (commits nothing)"), false),

	CLAIM_ONE("outbox claim + release, one pending, claims/s", Unit.RATE, Target.none(), false),

	CLAIM_ONE_CPU("outbox claim + release, one pending, µs server CPU/claim", Unit.MICROS, Target.none(), false),

	WRITERS("concurrent writers findOneAndUpdate, writes/s", Unit.RATE, Target.atLeast(5_000, "≥ 5,000/s"), false),

	WRITERS_CPU("concurrent writers, µs server CPU/write", Unit.MICROS, Target.none(), false),

	WRITES_PER_COMMIT("concurrent writers, writes per commit", Unit.RATIO, Target.atLeast(3, "≥ 3"), false),

	RSS("server RSS after the measurements, MB", Unit.MEGABYTES, Target.atMost(600, "≤ 600 MB (-Xmx256m, 1M x 4 KB)"),
			false),

	FILE_RATIO("data file / live data", Unit.RATIO, Target.atMost(2.5, "≤ 2.5x (1M x 4 KB)"), false),

	RESTART_LISTENING("restart: start to listening line, s", Unit.SECONDS, Target.atMost(5, "≤ 5 s (1M x 4 KB)"),
			false),

	RESTART_PING("restart: start to first ping, s", Unit.SECONDS, Target.none(), false),

	IDLE_CPU("idle platform polling, % of one core", Unit.PERCENT, Target.below(2, "< 2 %"), false);

	/** The target of the ratio between the fastest and the slowest size. */
	static final Target SPREAD = Target.atMost(1.5, "≤ 1.5x");

	private final String label;

	private final Unit unit;

	private final Target target;

	private final boolean spread;

	Figure(String label, Unit unit, Target target, boolean spread) {
		this.label = label;
		this.unit = unit;
		this.target = target;
		this.spread = spread;
	}

	String label() {
		return this.label;
	}

	Target target() {
		return this.target;
	}

	/** Whether the fastest and slowest sizes must be within {@link #SPREAD}. */
	boolean spread() {
		return this.spread;
	}

	/** The value with its unit's precision, {@code n/a} for NaN. */
	String format(double value) {
		return this.unit.format(value);
	}

	/** A value with its verdict, e.g. {@code 2,345 ok}; {@code n/a} alone for NaN. */
	String formatJudged(double value) {
		return formatJudged(value, "");
	}

	/**
	 * A value, a suffix such as its unit, and its verdict, e.g. {@code 312 MB ok};
	 * {@code n/a} alone for NaN.
	 */
	String formatJudged(double value, String suffix) {
		String verdict = this.target.judge(value);
		if (Double.isNaN(value)) {
			return Target.UNKNOWN;
		}
		String formatted = format(value) + suffix;
		return verdict.isEmpty() ? formatted : formatted + " " + verdict;
	}

	/** How values of a figure read. */
	enum Unit {

		RATE, MICROS, COUNT, BYTES, MEGABYTES, RATIO, SECONDS, PERCENT;

		String format(double value) {
			if (Double.isNaN(value)) {
				return Target.UNKNOWN;
			}
			return switch (this) {
				case RATE, COUNT -> String.format(Locale.ROOT, "%,.0f", value);
				case MICROS -> String.format(Locale.ROOT, (value < 100) ? "%,.1f" : "%,.0f", value);
				case BYTES -> Report.bytes((long) value);
				case MEGABYTES -> String.format(Locale.ROOT, "%,.0f", value);
				case RATIO -> String.format(Locale.ROOT, "%.2fx", value);
				case SECONDS -> String.format(Locale.ROOT, "%.2f", value);
				case PERCENT -> String.format(Locale.ROOT, "%.2f", value);
			};
		}

	}

}
