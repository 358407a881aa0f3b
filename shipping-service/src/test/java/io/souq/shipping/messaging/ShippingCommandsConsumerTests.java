package io.souq.shipping.messaging;

import java.util.List;

import io.souq.events.Envelope;
import io.souq.events.inventory.StockLine;
import io.souq.events.order.ShippingAddress;
import io.souq.events.shipping.CreateShipment;
import io.souq.shipping.Parcel;
import io.souq.shipping.ShipmentRequest;
import io.souq.shipping.ShippingOption;
import io.souq.starter.messaging.MalformedMessageException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ShippingCommandsConsumerTests {

	private static final ShippingAddress ADDRESS = new ShippingAddress(" Layla Haddad ", "12 King Fahd Road", "",
			"Riyadh", "12271", "sa", null);

	@Test
	void readsTheCommandWithTheCountryAsAnIsoCode() {
		CreateShipment create = new CreateShipment("o-1", "c-1", ADDRESS, "express", 580,
				List.of(new StockLine("TEA-MINT-250", 2)));
		ShipmentRequest request = ShippingCommandsConsumer.request(command("o-1", create), create);
		assertThat(request.orderId()).isEqualTo("o-1");
		assertThat(request.option()).isEqualTo(ShippingOption.EXPRESS);
		assertThat(request.country()).isEqualTo("SA");
		assertThat(request.address().name()).isEqualTo("Layla Haddad");
		assertThat(request.address().line2()).isNull();
		assertThat(request.address().complete()).isTrue();
		assertThat(request.parcel()).isEqualTo(new Parcel(580, List.of(new Parcel.Item("TEA-MINT-250", 2))));
	}

	@Test
	void takesTheOrderIdFromTheSubjectWhenThePayloadHasNone() {
		CreateShipment create = new CreateShipment(null, "c-1", null, "STANDARD", 10, null);
		ShipmentRequest request = ShippingCommandsConsumer.request(command("o-2", create), create);
		assertThat(request.orderId()).isEqualTo("o-2");
		assertThat(request.address()).isNull();
	}

	@Test
	void aCommandThatCanNeverBeCarriedOutIsMalformed() {
		for (CreateShipment create : List.of(new CreateShipment("o-1", "c-1", ADDRESS, "OVERNIGHT", 580, List.of()),
				new CreateShipment("o-1", " ", ADDRESS, "STANDARD", 580, List.of()),
				new CreateShipment("o-1", "c-1", ADDRESS, null, 580, List.of()),
				new CreateShipment("o-1", "c-1", ADDRESS, "STANDARD", 0, List.of()))) {
			assertThatExceptionOfType(MalformedMessageException.class)
				.isThrownBy(() -> ShippingCommandsConsumer.request(command("o-1", create), create));
		}
	}

	private static Envelope<CreateShipment> command(String subject, CreateShipment create) {
		return Envelope.of(CreateShipment.TYPE, 1, "order-service", subject, create);
	}

}
