package io.souq.starter.messaging;

import io.souq.events.Contract;
import io.souq.events.Contracts;
import io.souq.events.Envelope;
import io.souq.events.Money;
import io.souq.events.catalog.ProductPriceChanged;
import io.souq.test.EventSamples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every published message type has a sample document that the codec reads into its
 * payload record and writes back to the same JSON.
 */
class EventContractsTests {

	static final java.util.List<Contract> contracts = Contracts.ALL;

	private final JsonMapper json = JsonMapper.builder().build();

	private final EnvelopeCodec codec = new EnvelopeCodec(this.json);

	@ParameterizedTest(name = "{0}")
	@FieldSource("contracts")
	void sampleReadsIntoItsRecordAndWritesBackUnchanged(Contract contract) {
		String sample = EventSamples.json(contract.type(), contract.version());
		Envelope<JsonNode> envelope = this.codec.read(sample);
		assertThat(envelope.type()).isEqualTo(contract.type());
		assertThat(envelope.version()).isEqualTo(contract.version());
		assertThat(Contracts.find(envelope.type(), envelope.version())).contains(contract);

		Record payload = this.codec.data(envelope, contract.payload());
		Envelope<Record> rewritten = new Envelope<>(envelope.id(), envelope.type(), envelope.version(),
				envelope.source(), envelope.subject(), envelope.time(), envelope.correlationId(),
				envelope.causationId(), payload);
		assertThat(this.json.readTree(this.codec.write(rewritten))).isEqualTo(this.json.readTree(sample));
	}

	@Test
	void writesMoneyAmountsAsDecimalStrings() {
		ProductPriceChanged changed = this.codec.data(this.codec.read(EventSamples.json(ProductPriceChanged.TYPE, 1)),
				ProductPriceChanged.class);
		assertThat(changed.prices()).contains(Money.of("6.90", "EUR"));
		String written = this.codec.write(Envelope.of(ProductPriceChanged.TYPE, 1, "catalog-service", "p-1", changed));
		assertThat(written).contains("{\"amount\":\"6.90\",\"currency\":\"EUR\"}");
	}

	@ParameterizedTest(name = "{0}")
	@FieldSource("contracts")
	void theAsyncApiDocumentDescribesEveryContractOnItsTopic(Contract contract) throws Exception {
		String asyncApi = java.nio.file.Files.readString(java.nio.file.Path.of("../../docs/asyncapi.yaml"));
		assertThat(asyncApi).contains("name: " + contract.type() + "\n")
			.contains("title: " + contract.type() + "@" + contract.version() + "\n")
			.contains("address: " + contract.topic() + "\n");
	}

	@Test
	void unknownTypesAreNotFound() {
		assertThat(Contracts.find("product.created", 99)).isEmpty();
		assertThat(Contracts.find("no.such-type", 1)).isEmpty();
	}

}
