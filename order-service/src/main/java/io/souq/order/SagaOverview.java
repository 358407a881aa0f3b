package io.souq.order;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The stuck-saga view: open sagas by the step they wait on, oldest first.
 *
 * @param open sagas not done
 * @param done sagas done (delivered or cancelled with every compensation acknowledged)
 * @param steps the open sagas by step
 */
public record SagaOverview(long open, long done, List<StepGroup> steps) {

	/**
	 * The sagas waiting on one step.
	 *
	 * @param step the step
	 * @param count how many wait on it
	 * @param oldest the ones waiting longest
	 */
	public record StepGroup(SagaStep step, long count, List<Waiting> oldest) {
	}

	/**
	 * One waiting saga.
	 *
	 * @param orderId the order
	 * @param status the order's status
	 * @param step the step it waits on
	 * @param since since when
	 * @param waitingSeconds how long so far
	 * @param deadline when the step times out or the next resend is due
	 * @param awaiting the acknowledgements it waits for
	 * @param failureReason why it is being cancelled, if it is
	 */
	public record Waiting(String orderId, OrderStatus status, SagaStep step, Instant since, long waitingSeconds,
			Instant deadline, List<String> awaiting, FailureReason failureReason) {

		static Waiting of(Order order, Instant now) {
			return new Waiting(order.id(), order.status(), order.step(), order.stepSince(),
					Duration.between(order.stepSince(), now).toSeconds(), order.wakeAt(),
					order.pending().keySet().stream().map(Action::acknowledgement).sorted().toList(),
					order.failureReason());
		}

	}

}
