package io.souq.test;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventSamplesTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aSampleHasItsOwnShapeWithNestedFieldsAsPaths() {
		String sample = EventSamples.json("order.placed", 1);
		EventSamples.assertSameShape(sample);
		assertThat(EventSamples.paths(this.json.readTree(sample))).contains("data.lines[].sku", "data.subtotal.amount",
				"correlationId");
	}

	@Test
	void aMissingOrAnUnknownFieldFails() {
		ObjectNode missing = (ObjectNode) this.json.readTree(EventSamples.json("order.placed", 1));
		missing.get("data").get("lines").forEach((line) -> ((ObjectNode) line).remove("sku"));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> EventSamples.assertSameShape(missing))
			.withMessageContaining("data.lines[].sku");
		ObjectNode unknown = (ObjectNode) this.json.readTree(EventSamples.json("order.placed", 1));
		((ObjectNode) unknown.get("data")).put("discount", "1.00");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> EventSamples.assertSameShape(unknown))
			.withMessageContaining("data.discount");
	}

	@Test
	void fieldsUnderANullValueOrAnEmptyListMayBeAbsent() {
		ObjectNode released = (ObjectNode) this.json.readTree(EventSamples.json("stock.reservation-released", 1));
		((ObjectNode) released.get("data")).putArray("lines");
		EventSamples.assertSameShape(released);
		ObjectNode confirmed = (ObjectNode) this.json.readTree(EventSamples.json("order.confirmed", 1));
		((ObjectNode) confirmed.get("data")).putNull("shippingAddress");
		EventSamples.assertSameShape(confirmed);
	}

}
