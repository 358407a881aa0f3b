package io.souq.starter.json;

import java.math.BigDecimal;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes every {@link BigDecimal} as a plain decimal string ({@code "19.99"}, never
 * {@code 19.99} or {@code "1E+3"}), as the API contract and the event contracts ask for
 * money. Reading accepts strings and JSON numbers alike.
 */
public final class DecimalsAsStrings extends StdSerializer<BigDecimal> {

	private DecimalsAsStrings() {
		super(BigDecimal.class);
	}

	/** A module with this serializer. */
	public static SimpleModule module() {
		return new SimpleModule("souq-decimals").addSerializer(BigDecimal.class, new DecimalsAsStrings());
	}

	@Override
	public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
		generator.writeString(value.toPlainString());
	}

}
