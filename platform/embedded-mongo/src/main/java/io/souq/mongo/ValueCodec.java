package io.souq.mongo;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The file encoding of the store: documents as BSON bytes, and single key values (ids and
 * index keys) as a type tag followed by a compact payload. No Java serialisation: the
 * format is the store's own and versioned by {@link SouqBackend#FORMAT_VERSION}.
 */
final class ValueCodec {

	private static final byte MISSING = 0;

	private static final byte NULL = 1;

	private static final byte MIN_KEY = 2;

	private static final byte MAX_KEY = 3;

	private static final byte INT = 10;

	private static final byte LONG = 11;

	private static final byte DOUBLE = 12;

	private static final byte DECIMAL = 13;

	private static final byte STRING = 20;

	/** The tag of a string, for comparisons on the encoded bytes. */
	static final byte STRING_TAG = STRING;

	private static final byte FALSE = 30;

	private static final byte TRUE = 31;

	private static final byte OBJECT_ID = 40;

	private static final byte DATE = 41;

	/** Anything else, as the single value of a BSON document. */
	private static final byte BSON = 50;

	/** A {@link KeyOrder.Bound}, never stored: only seeks use them. */
	private static final byte BOUND = 60;

	private static final String WRAPPED = "v";

	private ValueCodec() {
	}

	/**
	 * A document's BSON bytes.
	 * @param document the document
	 * @return its BSON encoding
	 */
	static byte[] encode(Document document) {
		ByteBuf buffer = Unpooled.buffer(512);
		try {
			BsonEncoder.encodeDocument(document, buffer);
			byte[] bytes = new byte[buffer.readableBytes()];
			buffer.readBytes(bytes);
			return bytes;
		}
		finally {
			buffer.release();
		}
	}

	/**
	 * A fresh document decoded from its BSON bytes: every caller gets its own copy.
	 * @param bytes the BSON encoding
	 * @return the document
	 */
	static Document decode(byte[] bytes) {
		return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
	}

	/**
	 * The key of a sequence of values.
	 * @param values the values, in key order
	 * @return their encoding
	 */
	static byte[] key(Object... values) {
		KeyWriter out = new KeyWriter();
		for (Object value : values) {
			writeValue(out, value);
		}
		return out.toByteArray();
	}

	/**
	 * Decodes every value of a key.
	 * @param key the encoded key
	 * @param count how many values it holds
	 * @return the values
	 */
	static Object[] values(byte[] key, int count) {
		java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(key);
		Object[] values = new Object[count];
		for (int i = 0; i < count; i++) {
			values[i] = readValue(in);
		}
		return values;
	}

	/**
	 * The last value of a key (an index entry's id).
	 * @param key the encoded key
	 * @param count how many values it holds
	 * @return the last value
	 */
	static Object lastValue(byte[] key, int count) {
		java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(key);
		for (int i = 0; i < count - 1; i++) {
			skipValue(in);
		}
		return readValue(in);
	}

	static void writeValue(KeyWriter out, Object value) {
		if (value instanceof Missing) {
			out.put(MISSING);
		}
		else if (value == null) {
			out.put(NULL);
		}
		else if (value instanceof MinKey) {
			out.put(MIN_KEY);
		}
		else if (value instanceof MaxKey) {
			out.put(MAX_KEY);
		}
		else if (value instanceof Integer number) {
			out.put(INT).putInt(number);
		}
		else if (value instanceof Long number) {
			out.put(LONG).putLong(number);
		}
		else if (value instanceof Double number) {
			out.put(DOUBLE).putDouble(number);
		}
		else if (value instanceof Decimal128 decimal) {
			out.put(DECIMAL).putLong(decimal.getHigh()).putLong(decimal.getLow());
		}
		else if (value instanceof String text) {
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			out.put(STRING).putVarInt(bytes.length).put(bytes);
		}
		else if (value instanceof Boolean bool) {
			out.put(bool ? TRUE : FALSE);
		}
		else if (value instanceof ObjectId objectId) {
			out.put(OBJECT_ID).put(objectId.toByteArray());
		}
		else if (value instanceof Instant instant) {
			out.put(DATE).putLong(instant.getEpochSecond()).putInt(instant.getNano());
		}
		else if (value instanceof KeyOrder.Bound bound) {
			out.put(BOUND).putInt(bound.type()).put(bound.after() ? (byte) 1 : (byte) 0);
		}
		else {
			byte[] bytes = encode(new Document(WRAPPED, value));
			out.put(BSON).putVarInt(bytes.length).put(bytes);
		}
	}

	static Object readValue(ByteBuffer in) {
		byte tag = in.get();
		return switch (tag) {
			case MISSING -> Missing.getInstance();
			case NULL -> null;
			case MIN_KEY -> MinKey.getInstance();
			case MAX_KEY -> MaxKey.getInstance();
			case INT -> in.getInt();
			case LONG -> in.getLong();
			case DOUBLE -> in.getDouble();
			case DECIMAL -> {
				long high = in.getLong();
				yield new Decimal128(in.getLong(), high);
			}
			case STRING -> new String(readBytes(in), StandardCharsets.UTF_8);
			case FALSE -> Boolean.FALSE;
			case TRUE -> Boolean.TRUE;
			case OBJECT_ID -> {
				byte[] bytes = new byte[12];
				in.get(bytes);
				yield new ObjectId(bytes);
			}
			case DATE -> {
				long seconds = in.getLong();
				yield Instant.ofEpochSecond(seconds, in.getInt());
			}
			case BSON -> decode(readBytes(in)).get(WRAPPED);
			case BOUND -> {
				int type = in.getInt();
				yield new KeyOrder.Bound(type, in.get() == 1);
			}
			default -> throw new IllegalStateException("unknown value tag " + tag + " in the data file");
		};
	}

	/** Moves past one value. */
	static void skipValue(ByteBuffer in) {
		byte tag = in.get();
		switch (tag) {
			case MISSING, NULL, MIN_KEY, MAX_KEY, FALSE, TRUE -> {
			}
			case INT -> in.position(in.position() + 4);
			case LONG, DOUBLE -> in.position(in.position() + 8);
			case DECIMAL -> in.position(in.position() + 16);
			case OBJECT_ID -> in.position(in.position() + 12);
			case DATE -> in.position(in.position() + 12);
			case BOUND -> in.position(in.position() + 5);
			case STRING, BSON -> {
				int length = KeyWriter.readVarInt(in);
				in.position(in.position() + length);
			}
			default -> throw new IllegalStateException("unknown value tag " + tag + " in the data file");
		}
	}

	static byte[] readBytes(ByteBuffer in) {
		int length = KeyWriter.readVarInt(in);
		byte[] bytes = new byte[length];
		in.get(bytes);
		return bytes;
	}

	/**
	 * A rough in-memory size of a key value, for H2's page cache accounting.
	 * @param value the value
	 * @return bytes
	 */
	static int memory(Object value) {
		if (value instanceof String text) {
			return 40 + 2 * text.length();
		}
		if (value instanceof Document || value instanceof java.util.Collection) {
			return 256;
		}
		return 24;
	}

}
