package io.souq.order;

/**
 * Where the saga of an order stands: the step it waits on.
 */
public enum SagaStep {

	/** {@code inventory.reserve-stock} sent, waiting for the reservation's outcome. */
	RESERVE_STOCK(true),

	/** {@code payment.authorize} sent, waiting for the authorization's outcome. */
	AUTHORIZE_PAYMENT(true),

	/** {@code shipping.create-shipment} sent, waiting for the shipment's outcome. */
	CREATE_SHIPMENT(true),

	/** Confirmed: waiting for the carrier to pick the parcel up (no deadline). */
	AWAIT_DISPATCH(false),

	/** Shipped: capture and commit acknowledged or pending; waiting for delivery. */
	AWAIT_DELIVERY(false),

	/**
	 * Undoing the steps done so far; waiting for every compensation's acknowledgement.
	 */
	COMPENSATING(false),

	/** Nothing more to do. */
	DONE(false);

	private final boolean timed;

	SagaStep(boolean timed) {
		this.timed = timed;
	}

	/** Whether the step has a deadline. */
	public boolean isTimed() {
		return this.timed;
	}

}
