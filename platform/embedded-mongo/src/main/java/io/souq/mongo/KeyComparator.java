package io.souq.mongo;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The order of a map's keys, each a sequence of encoded values ({@link ValueCodec}): an
 * index entry's key values, each ascending or descending as the index declares it, then
 * the document's id (always ascending); a data map's key is the id alone. Values compare
 * in MongoDB's value order ({@link KeyOrder}). The store keeps this comparator with each
 * map, so it must stay compatible with every key ever written.
 */
final class KeyComparator implements Comparator<byte[]>, Serializable {

	private static final long serialVersionUID = 1L;

	/** The key of a data map: the id alone. */
	static final KeyComparator ID = new KeyComparator(new boolean[0]);

	private final boolean[] ascending;

	KeyComparator(boolean[] ascending) {
		this.ascending = ascending.clone();
	}

	/** How many values a key holds: the fields, then the id. */
	int width() {
		return this.ascending.length + 1;
	}

	@Override
	public int compare(byte[] left, byte[] right) {
		if (Arrays.equals(left, right)) {
			return 0;
		}
		ByteBuffer leftValues = ByteBuffer.wrap(left);
		ByteBuffer rightValues = ByteBuffer.wrap(right);
		for (int i = 0; i <= this.ascending.length; i++) {
			int result = compareNext(leftValues, rightValues);
			if (result != 0) {
				return (i == this.ascending.length || this.ascending[i]) ? result : -result;
			}
		}
		return 0;
	}

	/**
	 * Compares the next value of each key and moves past both. Two strings compare on
	 * their UTF-8 bytes without decoding, unless they first differ where UTF-8's order
	 * and Java's (UTF-16) part: at a character from U+E000 up.
	 */
	private static int compareNext(ByteBuffer left, ByteBuffer right) {
		if (left.get(left.position()) == ValueCodec.STRING_TAG
				&& right.get(right.position()) == ValueCodec.STRING_TAG) {
			int leftStart = left.position();
			int rightStart = right.position();
			left.get();
			right.get();
			int leftLength = KeyWriter.readVarInt(left);
			int rightLength = KeyWriter.readVarInt(right);
			int leftFrom = left.position();
			int rightFrom = right.position();
			byte[] leftBytes = left.array();
			byte[] rightBytes = right.array();
			int common = Math.min(leftLength, rightLength);
			for (int j = 0; j < common; j++) {
				int a = leftBytes[leftFrom + j] & 0xFF;
				int b = rightBytes[rightFrom + j] & 0xFF;
				if (a != b) {
					if (a >= 0xEE || b >= 0xEE) {
						left.position(leftStart);
						right.position(rightStart);
						return KeyOrder.compare(ValueCodec.readValue(left), ValueCodec.readValue(right));
					}
					left.position(leftFrom + leftLength);
					right.position(rightFrom + rightLength);
					return Integer.compare(a, b);
				}
			}
			left.position(leftFrom + leftLength);
			right.position(rightFrom + rightLength);
			return Integer.compare(leftLength, rightLength);
		}
		return KeyOrder.compare(ValueCodec.readValue(left), ValueCodec.readValue(right));
	}

	/**
	 * The same order over decoded keys.
	 * @param left a key's values
	 * @param right another key's values
	 * @return negative, zero or positive
	 */
	int compareValues(Object[] left, Object[] right) {
		for (int i = 0; i <= this.ascending.length; i++) {
			int result = KeyOrder.compare(left[i], right[i]);
			if (result != 0) {
				return (i == this.ascending.length || this.ascending[i]) ? result : -result;
			}
		}
		return 0;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof KeyComparator comparator && Arrays.equals(this.ascending, comparator.ascending);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.ascending);
	}

}
