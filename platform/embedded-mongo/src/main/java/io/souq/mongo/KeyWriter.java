package io.souq.mongo;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** A growable byte array that keys are encoded into (big-endian, as ByteBuffer reads). */
final class KeyWriter {

	private byte[] bytes = new byte[32];

	private int length;

	private void ensure(int more) {
		if (this.length + more > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + more));
		}
	}

	KeyWriter put(byte value) {
		ensure(1);
		this.bytes[this.length++] = value;
		return this;
	}

	KeyWriter put(byte[] values) {
		ensure(values.length);
		System.arraycopy(values, 0, this.bytes, this.length, values.length);
		this.length += values.length;
		return this;
	}

	KeyWriter putInt(int value) {
		ensure(4);
		for (int shift = 24; shift >= 0; shift -= 8) {
			this.bytes[this.length++] = (byte) (value >>> shift);
		}
		return this;
	}

	KeyWriter putLong(long value) {
		ensure(8);
		for (int shift = 56; shift >= 0; shift -= 8) {
			this.bytes[this.length++] = (byte) (value >>> shift);
		}
		return this;
	}

	KeyWriter putDouble(double value) {
		return putLong(Double.doubleToRawLongBits(value));
	}

	KeyWriter putVarInt(int value) {
		int remaining = value;
		while ((remaining & ~0x7F) != 0) {
			put((byte) ((remaining & 0x7F) | 0x80));
			remaining >>>= 7;
		}
		return put((byte) remaining);
	}

	static int readVarInt(ByteBuffer in) {
		int value = 0;
		for (int shift = 0;; shift += 7) {
			byte next = in.get();
			value |= (next & 0x7F) << shift;
			if ((next & 0x80) == 0) {
				return value;
			}
		}
	}

	byte[] toByteArray() {
		return Arrays.copyOf(this.bytes, this.length);
	}

}
