package io.souq.order;

import io.souq.events.Topics;
import io.souq.events.inventory.CommitReservation;
import io.souq.events.inventory.ReleaseReservation;
import io.souq.events.inventory.ReservationCommitted;
import io.souq.events.inventory.ReservationReleased;
import io.souq.events.payment.CapturePayment;
import io.souq.events.payment.PaymentCaptured;
import io.souq.events.payment.PaymentVoided;
import io.souq.events.payment.VoidPayment;
import io.souq.events.shipping.CancelShipment;
import io.souq.events.shipping.ShipmentCancelled;

/**
 * A command the saga sends again until its acknowledgement arrives: the compensations and
 * the two steps of dispatch.
 */
public enum Action {

	RELEASE_STOCK(Topics.INVENTORY_COMMANDS, ReleaseReservation.TYPE, ReservationReleased.TYPE),

	VOID_PAYMENT(Topics.PAYMENT_COMMANDS, VoidPayment.TYPE, PaymentVoided.TYPE),

	CANCEL_SHIPMENT(Topics.SHIPPING_COMMANDS, CancelShipment.TYPE, ShipmentCancelled.TYPE),

	CAPTURE_PAYMENT(Topics.PAYMENT_COMMANDS, CapturePayment.TYPE, PaymentCaptured.TYPE),

	COMMIT_STOCK(Topics.INVENTORY_COMMANDS, CommitReservation.TYPE, ReservationCommitted.TYPE);

	private final String topic;

	private final String command;

	private final String acknowledgement;

	Action(String topic, String command, String acknowledgement) {
		this.topic = topic;
		this.command = command;
		this.acknowledgement = acknowledgement;
	}

	public String topic() {
		return this.topic;
	}

	/** The command's type. */
	public String command() {
		return this.command;
	}

	/** The type of the event that acknowledges the command. */
	public String acknowledgement() {
		return this.acknowledgement;
	}

	public boolean isCompensation() {
		return this == RELEASE_STOCK || this == VOID_PAYMENT || this == CANCEL_SHIPMENT;
	}

}
