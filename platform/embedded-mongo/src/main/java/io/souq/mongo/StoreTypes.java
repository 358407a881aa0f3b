package io.souq.mongo;

import java.nio.ByteBuffer;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The H2 MVStore data types of the store's maps: no Java serialisation anywhere, keys
 * compared in MongoDB's value order ({@link KeyOrder}).
 */
final class StoreTypes {

	private StoreTypes() {
	}

	/** A document id: the key of a collection's data map. */
	static final class IdType extends BasicDataType<Object> {

		static final IdType INSTANCE = new IdType();

		@Override
		public int compare(Object left, Object right) {
			return KeyOrder.compare(left, right);
		}

		@Override
		public int getMemory(Object value) {
			return ValueCodec.memory(value);
		}

		@Override
		public void write(WriteBuffer buffer, Object value) {
			ValueCodec.writeValue(buffer, value);
		}

		@Override
		public Object read(ByteBuffer buffer) {
			return ValueCodec.readValue(buffer);
		}

		@Override
		public Object[] createStorage(int size) {
			return new Object[size];
		}

	}

	/** A document as its BSON bytes: the value of a collection's data map. */
	static final class BsonType extends BasicDataType<byte[]> {

		static final BsonType INSTANCE = new BsonType();

		@Override
		public int getMemory(byte[] value) {
			return 24 + value.length;
		}

		@Override
		public void write(WriteBuffer buffer, byte[] value) {
			buffer.putVarInt(value.length).put(value);
		}

		@Override
		public byte[] read(ByteBuffer buffer) {
			byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
			buffer.get(bytes);
			return bytes;
		}

		@Override
		public byte[][] createStorage(int size) {
			return new byte[size][];
		}

	}

	/**
	 * An index entry: the key values in the index's field order followed by the
	 * document's id, so that entries are unique and a walk returns equal keys in id
	 * order. Each field is ascending or descending as the index declares it.
	 */
	static final class EntryType extends BasicDataType<Object[]> {

		private final boolean[] ascending;

		EntryType(boolean[] ascending) {
			this.ascending = ascending.clone();
		}

		@Override
		public int compare(Object[] left, Object[] right) {
			int fields = this.ascending.length;
			for (int i = 0; i < fields; i++) {
				int result = KeyOrder.compare(left[i], right[i]);
				if (result != 0) {
					return this.ascending[i] ? result : -result;
				}
			}
			return KeyOrder.compare(left[fields], right[fields]);
		}

		@Override
		public int getMemory(Object[] entry) {
			int memory = 24;
			for (Object value : entry) {
				memory += ValueCodec.memory(value);
			}
			return memory;
		}

		@Override
		public void write(WriteBuffer buffer, Object[] entry) {
			for (Object value : entry) {
				ValueCodec.writeValue(buffer, value);
			}
		}

		@Override
		public Object[] read(ByteBuffer buffer) {
			Object[] entry = new Object[this.ascending.length + 1];
			for (int i = 0; i < entry.length; i++) {
				entry[i] = ValueCodec.readValue(buffer);
			}
			return entry;
		}

		@Override
		public Object[][] createStorage(int size) {
			return new Object[size][];
		}

	}

	/** The empty value of an index entry: nothing is written. */
	static final class NoValueType extends BasicDataType<Boolean> {

		static final NoValueType INSTANCE = new NoValueType();

		@Override
		public int getMemory(Boolean value) {
			return 0;
		}

		@Override
		public void write(WriteBuffer buffer, Boolean value) {
		}

		@Override
		public Boolean read(ByteBuffer buffer) {
			return Boolean.TRUE;
		}

		@Override
		public Boolean[] createStorage(int size) {
			return new Boolean[size];
		}

	}

}
