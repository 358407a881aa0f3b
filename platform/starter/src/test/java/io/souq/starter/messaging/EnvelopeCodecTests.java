package io.souq.starter.messaging;

import java.nio.charset.StandardCharsets;

import io.souq.events.Envelope;
import io.souq.events.Headers;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EnvelopeCodecTests {

	private final EnvelopeCodec codec = new EnvelopeCodec(JsonMapper.builder().build());

	record Sample(String replyTo, int count) {
	}

	@Test
	void keysTheRecordBySubjectAndMirrorsAttributesIntoHeaders() {
		Envelope<Sample> envelope = Envelope.of("sample.happened", 2, "order-service", "o-1", new Sample("me", 3));
		ProducerRecord<String, String> record = this.codec.toRecord("order.events", envelope);
		assertThat(record.key()).isEqualTo("o-1");
		assertThat(record.topic()).isEqualTo("order.events");
		assertThat(header(record, Headers.TYPE)).isEqualTo("sample.happened");
		assertThat(header(record, Headers.VERSION)).isEqualTo("2");
		assertThat(header(record, Headers.ID)).isEqualTo(envelope.id().toString());
		assertThat(header(record, Headers.CORRELATION_ID)).isEqualTo(envelope.correlationId());
		assertThat(record.headers().lastHeader(Headers.CAUSATION_ID)).isNull();
	}

	@Test
	void readsBackWhatItWrote() {
		Envelope<Sample> envelope = Envelope.of("sample.happened", 1, "order-service", "o-1", new Sample("me", 3));
		Envelope<JsonNode> read = this.codec.read(this.codec.write(envelope));
		assertThat(read.id()).isEqualTo(envelope.id());
		assertThat(read.time()).isEqualTo(envelope.time());
		assertThat(this.codec.data(read, Sample.class)).isEqualTo(new Sample("me", 3));
	}

	@Test
	void ignoresUnknownFields() {
		String json = """
				{"id":"6f1c1c44-2b7e-4c1e-9d59-0d5b7c8a1b11","type":"sample.happened","version":1,
				 "source":"order-service","subject":"o-1","time":"2026-11-23T10:15:30Z",
				 "correlationId":"c-1","data":{"replyTo":"me","count":1,"extra":true},"future":"x"}""";
		Envelope<JsonNode> read = this.codec.read(json);
		assertThat(this.codec.data(read, Sample.class).count()).isEqualTo(1);
	}

	@Test
	void rejectsPoisonMessagesWithATypedError() {
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> this.codec.read("not json"));
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> this.codec.read("{\"type\":\"x\",\"version\":1}"));
	}

	private static String header(ProducerRecord<String, String> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
