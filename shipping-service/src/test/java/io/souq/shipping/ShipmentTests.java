package io.souq.shipping;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.jayway.jsonpath.JsonPath;
import io.souq.events.Envelope;
import io.souq.events.Topics;
import io.souq.events.shipping.CancelShipment;
import io.souq.events.shipping.CreateShipment;
import io.souq.shipping.Shipment.Outcome;
import io.souq.shipping.ShippingProperties.Carrier;
import io.souq.starter.domain.Refused;
import io.souq.starter.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;

import static io.souq.shipping.ShipmentStatus.CANCELLED;
import static io.souq.shipping.ShipmentStatus.CREATED;
import static io.souq.shipping.ShipmentStatus.DELIVERED;
import static io.souq.shipping.ShipmentStatus.DISPATCHED;
import static io.souq.shipping.ShipmentStatus.FAILED_DELIVERY;
import static io.souq.shipping.ShipmentStatus.IN_TRANSIT;
import static io.souq.shipping.ShipmentStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShipmentTests {

	private static final Instant T0 = Instant.parse("2026-11-23T10:31:00Z");

	private static final String ORDER = "order-1";

	private static final String TRACKING = "SQ-AR-0000000184";

	private static final Address RIYADH = new Address("Layla Haddad", "12 King Fahd Road", null, "Riyadh", "12271",
			"SA", "+966 11 555 0100");

	@Test
	void createsTheShipmentWithItsLabelAndAnswersTheSagaInTheSameWrite() {
		Envelope<String> command = create();
		Shipment shipment = created(command);

		assertThat(shipment.status()).isEqualTo(CREATED);
		assertThat(shipment.trackingNumber()).isEqualTo(TRACKING);
		assertThat(shipment.events()).containsExactly(new TrackingEvent(CREATED, T0, null));
		assertThat(shipment.label()).contains(TRACKING, "Aramex", "580 g", "Layla Haddad", "12 King Fahd Road",
				"12271 Riyadh", "SA");
		assertThat(shipment.outbox()).hasSize(1);
		OutboxMessage answer = shipment.outbox().get(0);
		assertThat(answer.topic()).isEqualTo(Topics.SHIPPING_EVENTS);
		assertThat(answer.key()).isEqualTo(ORDER);
		assertThat(answer.type()).isEqualTo("shipment.created");
		assertThat(read(answer, "$.causationId")).isEqualTo(command.id().toString());
		assertThat(read(answer, "$.correlationId")).isEqualTo(command.correlationId());
		assertThat(read(answer, "$.data.trackingNumber")).isEqualTo(TRACKING);
		assertThat(read(answer, "$.data.carrier")).isEqualTo("Aramex");
		assertThat(read(answer, "$.data.option")).isEqualTo("STANDARD");
		assertThat(JsonPath.<Integer>read(answer.envelope(), "$.data.estimatedDays")).isEqualTo(4);
	}

	@Test
	void aRepeatedCreateIsAnsweredAgainWithTheSameShipmentAndTheSameMessageOnlyOnce() {
		Envelope<String> first = create();
		Shipment shipment = created(first);
		assertThat(shipment.createAgain(first)).isEqualTo(Outcome.DUPLICATE);
		assertThat(shipment.createAgain(create())).isEqualTo(Outcome.ANSWERED);
		assertThat(shipment.outbox()).hasSize(2);
		assertThat(shipment.outbox()).extracting((m) -> read(m, "$.data"))
			.containsOnly(read(shipment.outbox().get(0), "$.data"));
	}

	@Test
	void aRefusedCreationIsRememberedAndAnsweredTheSameWay() {
		Shipment rejected = Shipment.reject(create(),
				request(new Address("Kim", "1 Street", null, "Pyongyang", "00000", "KP", null)),
				Shipment.DESTINATION_NOT_SERVED, T0);
		assertThat(rejected.status()).isEqualTo(REJECTED);
		assertThat(rejected.trackingNumber()).isNull();
		assertThat(rejected.createAgain(create())).isEqualTo(Outcome.ANSWERED);
		assertThat(rejected.outbox()).extracting(OutboxMessage::type)
			.containsExactly("shipment.failed", "shipment.failed");
		for (OutboxMessage answer : rejected.outbox()) {
			assertThat(read(answer, "$.data.reason")).isEqualTo("DESTINATION_NOT_SERVED");
			assertThat(read(answer, "$.data.country")).isEqualTo("KP");
			assertThat(read(answer, "$.data.at")).isEqualTo(T0.toString());
		}
	}

	@Test
	void cancelsBeforeDispatchAndAnswersARepeatedCancellationTheSameWay() {
		Shipment shipment = created(create());
		Instant later = T0.plusSeconds(60);
		assertThat(shipment.cancel(cancel(), "CUSTOMER_CANCELLED", later)).isEqualTo(Outcome.ANSWERED);
		assertThat(shipment.status()).isEqualTo(CANCELLED);
		assertThat(shipment.events()).extracting(TrackingEvent::status).containsExactly(CREATED, CANCELLED);
		assertThat(shipment.cancel(cancel(), "TIMED_OUT", later.plusSeconds(60))).isEqualTo(Outcome.ANSWERED);
		List<OutboxMessage> answers = shipment.outbox().subList(1, 3);
		assertThat(answers).extracting(OutboxMessage::type).containsOnly("shipment.cancelled");
		assertThat(answers).extracting((m) -> read(m, "$.data.trackingNumber")).containsOnly(TRACKING);
		assertThat(answers).extracting((m) -> read(m, "$.data.reason")).containsOnly("CUSTOMER_CANCELLED");
		assertThat(answers).extracting((m) -> read(m, "$.data.at")).containsOnly(later.toString());
		assertThat(shipment.createAgain(create())).isEqualTo(Outcome.IGNORED);
		assertThat(shipment.outbox()).hasSize(3);
	}

	@Test
	void aCancellationWithoutShipmentIsAcknowledgedWithoutTrackingNumber() {
		Shipment none = Shipment.cancelledBeforeCreation(cancel(), ORDER, "TIMED_OUT", T0);
		assertThat(none.status()).isEqualTo(CANCELLED);
		assertThat(none.trackingNumber()).isNull();
		assertThat(JsonPath.<Object>read(none.outbox().get(0).envelope(), "$.data.trackingNumber")).isNull();
		assertThat(none.createAgain(create())).isEqualTo(Outcome.IGNORED);

		Shipment rejected = Shipment.reject(create(), request(null), Shipment.ADDRESS_REJECTED, T0);
		assertThat(rejected.cancel(cancel(), "SHIPPING_UNAVAILABLE", T0)).isEqualTo(Outcome.ANSWERED);
		assertThat(rejected.status()).isEqualTo(REJECTED);
		OutboxMessage cancelled = rejected.outbox().get(1);
		assertThat(cancelled.type()).isEqualTo("shipment.cancelled");
		assertThat(JsonPath.<Object>read(cancelled.envelope(), "$.data.trackingNumber")).isNull();
		assertThat(read(cancelled, "$.data.customerId")).isEqualTo("c-1");
		assertThat(read(rejected.outbox().get(0), "$.data.country")).isNull();
	}

	@Test
	void isNotCancelledOnceDispatched() {
		Shipment shipment = created(create());
		shipment.track(DISPATCHED, T0.plusSeconds(60), "Riyadh hub", T0.plusSeconds(61));
		assertThat(shipment.cancel(cancel(), "CUSTOMER_CANCELLED", T0.plusSeconds(120))).isEqualTo(Outcome.IGNORED);
		assertThat(shipment.status()).isEqualTo(DISPATCHED);
		assertThat(shipment.outbox()).extracting(OutboxMessage::type)
			.containsExactly("shipment.created", "shipment.dispatched");
	}

	@Test
	void followsTheCarrierThroughDeliveryAndPublishesEveryStep() {
		Envelope<String> command = create();
		Shipment shipment = created(command);
		assertThat(shipment.track(DISPATCHED, at(1), "Riyadh hub", at(1))).isTrue();
		assertThat(shipment.track(IN_TRANSIT, at(2), "Dammam", at(2))).isTrue();
		assertThat(shipment.track(IN_TRANSIT, at(3), "Jeddah", at(3))).isTrue();
		assertThat(shipment.track(FAILED_DELIVERY, at(4), "Jeddah", at(4))).isTrue();
		assertThat(shipment.track(IN_TRANSIT, at(5), "Jeddah depot", at(5))).isTrue();
		assertThat(shipment.track(DELIVERED, null, "Jeddah", at(6))).isTrue();
		assertThat(shipment.status()).isEqualTo(DELIVERED);
		assertThat(shipment.events()).containsExactly(new TrackingEvent(CREATED, T0, null),
				new TrackingEvent(DISPATCHED, at(1), "Riyadh hub"), new TrackingEvent(IN_TRANSIT, at(2), "Dammam"),
				new TrackingEvent(IN_TRANSIT, at(3), "Jeddah"), new TrackingEvent(FAILED_DELIVERY, at(4), "Jeddah"),
				new TrackingEvent(IN_TRANSIT, at(5), "Jeddah depot"), new TrackingEvent(DELIVERED, at(6), "Jeddah"));
		assertThat(shipment.outbox()).extracting(OutboxMessage::type)
			.containsExactly("shipment.created", "shipment.dispatched", "shipment.in-transit", "shipment.in-transit",
					"shipment.delivery-failed", "shipment.in-transit", "shipment.delivered");
		OutboxMessage delivered = shipment.outbox().get(6);
		assertThat(read(delivered, "$.data.location")).isEqualTo("Jeddah");
		assertThat(read(delivered, "$.data.at")).isEqualTo(at(6).toString());
		assertThat(read(delivered, "$.data.trackingNumber")).isEqualTo(TRACKING);
		assertThat(read(delivered, "$.correlationId")).isEqualTo(command.correlationId());
		assertThat(read(delivered, "$.causationId")).isNull();
	}

	@Test
	void refusesWhatTheCarrierCannotReportInTheShipmentsStatus() {
		Shipment shipment = created(create());
		assertRefused(() -> shipment.track(DELIVERED, at(1), null, at(1)));
		assertRefused(() -> shipment.track(IN_TRANSIT, at(1), "Riyadh", at(1)));
		shipment.track(DISPATCHED, at(1), null, at(1));
		assertRefused(() -> shipment.track(DISPATCHED, at(2), null, at(2)));
		shipment.track(IN_TRANSIT, at(2), "Dammam", at(2));
		assertRefused(() -> shipment.track(IN_TRANSIT, at(3), "Dammam", at(3)));
		assertRefused(() -> shipment.track(IN_TRANSIT, at(3), null, at(3)));
		shipment.track(DELIVERED, at(4), null, at(4));
		assertRefused(() -> shipment.track(FAILED_DELIVERY, at(5), null, at(5)));
		assertRefused(() -> shipment.track(IN_TRANSIT, at(5), "Riyadh", at(5)));
		assertThat(shipment.events()).hasSize(4);

		Shipment cancelled = created(create());
		cancelled.cancel(cancel(), "CUSTOMER_CANCELLED", at(1));
		assertRefused(() -> cancelled.track(DISPATCHED, at(2), null, at(2)));
		assertThat(cancelled.status()).isEqualTo(CANCELLED);
	}

	@Test
	void aRepeatedCarrierEventChangesNothing() {
		Shipment shipment = created(create());
		assertThat(shipment.track(DISPATCHED, at(1), "Riyadh hub", at(1))).isTrue();
		assertThat(shipment.track(DISPATCHED, at(1), "Riyadh hub", at(2))).isFalse();
		assertThat(shipment.track(IN_TRANSIT, null, "Dammam", at(3))).isTrue();
		assertThat(shipment.track(IN_TRANSIT, null, "Dammam", at(4))).isFalse();
		assertThat(shipment.track(DISPATCHED, at(1), "Riyadh hub", at(5))).isFalse();
		assertThat(shipment.events()).extracting(TrackingEvent::status)
			.containsExactly(CREATED, DISPATCHED, IN_TRANSIT);
		assertThat(shipment.events().get(2).at()).isEqualTo(at(3));
		assertThat(shipment.outbox()).hasSize(3);
		assertRefused(() -> shipment.track(DISPATCHED, at(6), "Riyadh hub", at(6)));
	}

	private static void assertRefused(Runnable change) {
		assertThatThrownBy(change::run).isInstanceOfSatisfying(Refused.class,
				(refused) -> assertThat(refused.code()).isEqualTo("transition-not-allowed"));
	}

	private static Shipment created(Envelope<String> command) {
		return Shipment.create(command, request(RIYADH), new Carrier("Aramex", "AR"), TRACKING, Zone.DOMESTIC,
				new DeliveryDays(2, 4), T0);
	}

	private static ShipmentRequest request(Address address) {
		return new ShipmentRequest(ORDER, "c-1", address, ShippingOption.STANDARD,
				new Parcel(580, List.of(new Parcel.Item("TEA-MINT-250", 2))));
	}

	private static Envelope<String> create() {
		return Envelope.of(CreateShipment.TYPE, 1, "order-service", ORDER, "{}");
	}

	private static Envelope<String> cancel() {
		return Envelope.of(CancelShipment.TYPE, 1, "order-service", ORDER, "{}");
	}

	private static Instant at(int minutes) {
		return T0.plusSeconds(60L * minutes);
	}

	private static String read(OutboxMessage message, String path) {
		return Objects.toString(JsonPath.read(message.envelope(), path), null);
	}

}
