package io.souq.mongo;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import de.bwaldvogel.mongo.bson.Decimal128;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Encoded keys compare as their values do in the query engine's order, whatever the
 * shortcut taken on the bytes: strings of every script (including characters where
 * UTF-8's byte order and Java's UTF-16 order disagree), mixed number types, bounds and
 * descending fields.
 */
class KeyComparatorTests {

	private static final String[] PIECES = { "a", "b", "z", "é", "ع", "✓", "\uE000", "\uFFFD", "😀", "𝄞", "" };

	@Test
	void stringsCompareOnTheirBytesAsJavaComparesThem() {
		Random random = new Random(42);
		for (int i = 0; i < 20_000; i++) {
			String left = randomString(random);
			String right = randomString(random);
			int expected = Integer.signum(left.compareTo(right));
			assertThat(Integer.signum(KeyComparator.ID.compare(ValueCodec.key(left), ValueCodec.key(right))))
				.as("%s vs %s", left, right)
				.isEqualTo(expected);
		}
	}

	@Test
	void entriesCompareFieldByFieldInTheirDirectionThenById() {
		KeyComparator ascendingThenDescending = new KeyComparator(new boolean[] { true, false });
		Random random = new Random(7);
		List<Object> values = List.of("abc", "abd", "😀", 1, 2L, 2.5, new Decimal128(new java.math.BigDecimal("2.5")),
				Instant.ofEpochMilli(5), Boolean.TRUE);
		for (int i = 0; i < 5_000; i++) {
			Object[] left = { pick(random, values), pick(random, values), randomString(random) };
			Object[] right = { pick(random, values), pick(random, values), randomString(random) };
			int expected = Integer.signum(ascendingThenDescending.compareValues(left, right));
			assertThat(Integer.signum(ascendingThenDescending.compare(ValueCodec.key(left), ValueCodec.key(right))))
				.isEqualTo(expected);
		}
	}

	@Test
	void boundsSitBetweenTypeBrackets() {
		byte[] beforeStrings = ValueCodec.key(KeyOrder.Bound.before("x"));
		byte[] afterStrings = ValueCodec.key(KeyOrder.Bound.after("x"));
		assertThat(KeyComparator.ID.compare(ValueCodec.key(99), beforeStrings)).isNegative();
		assertThat(KeyComparator.ID.compare(ValueCodec.key(""), beforeStrings)).isPositive();
		assertThat(KeyComparator.ID.compare(ValueCodec.key("😀😀"), afterStrings)).isNegative();
		assertThat(KeyComparator.ID.compare(ValueCodec.key(Boolean.FALSE), afterStrings)).isPositive();
	}

	private static Object pick(Random random, List<Object> values) {
		return values.get(random.nextInt(values.size()));
	}

	private static String randomString(Random random) {
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(5);
		for (int i = 0; i < length; i++) {
			text.append(PIECES[random.nextInt(PIECES.length)]);
		}
		return text.toString();
	}

}
