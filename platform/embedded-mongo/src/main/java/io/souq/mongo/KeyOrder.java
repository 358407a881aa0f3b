package io.souq.mongo;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * The order of index keys: MongoDB's value order as the query engine itself compares
 * values ({@link ValueComparator}, so that an index walk and an in-memory sort agree),
 * plus {@link Bound bounds} that sit between two type brackets, so that a range scan can
 * start at the first value of a bracket and stop after its last (a range condition only
 * ever matches values of its own bracket).
 */
final class KeyOrder {

	/** Numbers of every kind compare by value: one bracket. */
	static final int NUMBERS = 2;

	private static final int NULL_OR_MISSING = 1;

	private static final int MIN_KEY = 0;

	private static final int MAX_KEY = 14;

	private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();

	private KeyOrder() {
	}

	/**
	 * A position between the brackets of the value order, never stored: {@code before}
	 * the first value of bracket {@code type}, or {@code after} its last.
	 *
	 * @param type the bracket ({@link #typeOrder(Object)})
	 * @param after whether the bound follows the bracket
	 */
	record Bound(int type, boolean after) {

		static final Bound LOWEST = new Bound(MIN_KEY, false);

		static final Bound HIGHEST = new Bound(MAX_KEY, true);

		static Bound before(Object value) {
			return new Bound(typeOrder(value), false);
		}

		static Bound after(Object value) {
			return new Bound(typeOrder(value), true);
		}

		private int rank() {
			return this.type * 2 + (this.after ? 1 : 0);
		}

	}

	/**
	 * Compares two key values (or bounds) in ascending order.
	 * @param left a value or a {@link Bound}
	 * @param right a value or a {@link Bound}
	 * @return negative, zero or positive
	 */
	static int compare(Object left, Object right) {
		if (left instanceof Bound leftBound) {
			if (right instanceof Bound rightBound) {
				return Integer.compare(leftBound.rank(), rightBound.rank());
			}
			return compareBound(leftBound, right);
		}
		if (right instanceof Bound rightBound) {
			return -compareBound(rightBound, left);
		}
		return compareValues(left, right);
	}

	/**
	 * {@link ValueComparator}'s order, with the common same-type cases (strings, dates,
	 * object ids, integers, ordinary doubles) compared directly: an index walk compares
	 * keys many times per lookup.
	 */
	private static int compareValues(Object left, Object right) {
		if (left instanceof String leftText && right instanceof String rightText) {
			return leftText.compareTo(rightText);
		}
		if (left instanceof Double leftNumber && right instanceof Double rightNumber && isOrdinary(leftNumber)
				&& isOrdinary(rightNumber)) {
			return Double.compare(leftNumber, rightNumber);
		}
		if (left instanceof Instant leftDate && right instanceof Instant rightDate) {
			return leftDate.compareTo(rightDate);
		}
		if (left instanceof ObjectId leftId && right instanceof ObjectId rightId) {
			return leftId.compareTo(rightId);
		}
		if (left instanceof Integer leftNumber && right instanceof Integer rightNumber) {
			return Integer.compare(leftNumber, rightNumber);
		}
		if (left instanceof Long leftNumber && right instanceof Long rightNumber) {
			return Long.compare(leftNumber, rightNumber);
		}
		return VALUES.compare(left, right);
	}

	/** Not zero (-0.0 equals 0.0 in MongoDB), not NaN, not infinite. */
	private static boolean isOrdinary(double value) {
		return value != 0.0 && Double.isFinite(value);
	}

	private static int compareBound(Bound bound, Object value) {
		int type = typeOrder(value);
		if (bound.after()) {
			return (type <= bound.type()) ? 1 : -1;
		}
		return (type >= bound.type()) ? -1 : 1;
	}

	/**
	 * The bracket of a value in MongoDB's comparison order, as {@link ValueComparator}
	 * ranks them.
	 * @param value a value
	 * @return the bracket
	 */
	static int typeOrder(Object value) {
		if (value instanceof MinKey) {
			return MIN_KEY;
		}
		if (Missing.isNullOrMissing(value)) {
			return NULL_OR_MISSING;
		}
		if (value instanceof Number) {
			return NUMBERS;
		}
		if (value instanceof String) {
			return 3;
		}
		if (value instanceof Document) {
			return 4;
		}
		if (value instanceof List || value instanceof Collection) {
			return 5;
		}
		if (value instanceof BinData) {
			return 6;
		}
		if (value instanceof LegacyUUID) {
			return 7;
		}
		if (value instanceof UUID) {
			return 8;
		}
		if (value instanceof ObjectId) {
			return 9;
		}
		if (value instanceof Boolean) {
			return 10;
		}
		if (value instanceof Instant) {
			return 11;
		}
		if (value instanceof BsonTimestamp) {
			return 12;
		}
		if (value instanceof BsonRegularExpression) {
			return 13;
		}
		if (value instanceof MaxKey) {
			return MAX_KEY;
		}
		throw new IllegalArgumentException("cannot order a " + value.getClass().getName());
	}

}
