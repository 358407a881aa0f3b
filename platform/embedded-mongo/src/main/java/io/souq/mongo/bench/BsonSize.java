package io.souq.mongo.bench;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * The encoded BSON size of a document built from the value types the benchmark's
 * documents use, computed without encoding it.
 */
final class BsonSize {

	private BsonSize() {
	}

	/**
	 * The size of a document in bytes, as the driver sends it.
	 * @param document a document (or any map with string keys)
	 * @return the BSON size
	 * @throws IllegalArgumentException for a value of a type not handled here
	 */
	static int of(Map<String, ?> document) {
		int size = 4 + 1;
		for (Map.Entry<String, ?> entry : document.entrySet()) {
			size += 1 + cstring(entry.getKey()) + value(entry.getValue());
		}
		return size;
	}

	/**
	 * The size that an array element adds to its array, key included.
	 * @param index the element's index
	 * @param value the element
	 * @return the bytes it adds
	 */
	static int arrayElement(int index, Object value) {
		return 1 + digits(index) + 1 + value(value);
	}

	/**
	 * The size that a field adds to its document, name included.
	 * @param name the field's name
	 * @param value the value
	 * @return the bytes it adds
	 */
	static int field(String name, Object value) {
		return 1 + cstring(name) + value(value);
	}

	@SuppressWarnings("unchecked")
	private static int value(Object value) {
		if (value == null) {
			return 0;
		}
		if (value instanceof String text) {
			return 4 + utf8Length(text) + 1;
		}
		if (value instanceof Integer || value instanceof Boolean) {
			return (value instanceof Integer) ? 4 : 1;
		}
		if (value instanceof Long || value instanceof Double || value instanceof Date) {
			return 8;
		}
		if (value instanceof Decimal128) {
			return 16;
		}
		if (value instanceof ObjectId) {
			return 12;
		}
		if (value instanceof Map<?, ?> map) {
			return of((Map<String, ?>) map);
		}
		if (value instanceof List<?> list) {
			int size = 4 + 1;
			for (int i = 0; i < list.size(); i++) {
				size += arrayElement(i, list.get(i));
			}
			return size;
		}
		throw new IllegalArgumentException("no BSON size for a " + value.getClass().getName());
	}

	private static int cstring(String text) {
		return utf8Length(text) + 1;
	}

	static int utf8Length(String text) {
		int length = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				length += 1;
			}
			else if (c < 0x800) {
				length += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1))) {
				length += 4;
				i++;
			}
			else {
				length += 3;
			}
		}
		return length;
	}

	private static int digits(int index) {
		int digits = 1;
		for (int rest = index; rest >= 10; rest /= 10) {
			digits++;
		}
		return digits;
	}

}
