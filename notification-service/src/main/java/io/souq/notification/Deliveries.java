package io.souq.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The sending side of the notifications: which are due, and the guarded updates that
 * claim one for an attempt and record how it went. A claim pushes the message's next
 * attempt past the claim timeout and is a token the outcome must match, so that several
 * senders (instances) never try one message at the same time, and a message whose sender
 * died is tried again once the claim has run out.
 */
@Component
public class Deliveries {

	private final MongoTemplate mongo;

	Deliveries(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The ids of the messages due for an attempt, the longest due first. */
	public List<String> due(Instant now, int limit) {
		Query due = query(
				where(Notification.STATUS).is(NotificationStatus.PENDING).and(Notification.NEXT_ATTEMPT_AT).lte(now))
			.with(Sort.by(Notification.NEXT_ATTEMPT_AT))
			.limit(limit);
		return this.mongo.query(Notification.class).as(Due.class).matching(due).all().stream().map(Due::id).toList();
	}

	/**
	 * Claims a due message for one attempt.
	 * @return the message, its attempts counting this one, or {@code null} when it is not
	 * due any more (sent, or claimed by another sender)
	 */
	public Notification claim(String id, Instant now, Duration timeout) {
		Query due = query(where(Notification.ID).is(id)
			.and(Notification.STATUS)
			.is(NotificationStatus.PENDING)
			.and(Notification.NEXT_ATTEMPT_AT)
			.lte(now));
		Update claim = new Update().set(Notification.CLAIM, UUID.randomUUID().toString())
			.set(Notification.NEXT_ATTEMPT_AT, now.plus(timeout))
			.inc(Notification.ATTEMPTS, 1);
		return this.mongo.findAndModify(due, claim, FindAndModifyOptions.options().returnNew(true), Notification.class);
	}

	/**
	 * Records that the mail server accepted the message.
	 * @return {@code false} when the claim had run out and another sender had it
	 */
	public boolean sent(Notification claimed, Instant at) {
		Update sent = new Update().set(Notification.STATUS, NotificationStatus.SENT)
			.set(Notification.SENT_AT, at)
			.unset(Notification.CLAIM)
			.unset(Notification.NEXT_ATTEMPT_AT);
		return outcome(claimed, sent);
	}

	/** Schedules the next attempt after a failed one. */
	public boolean retryLater(Notification claimed, Instant next, String error) {
		Update retry = new Update().set(Notification.NEXT_ATTEMPT_AT, next)
			.set(Notification.LAST_ERROR, error)
			.unset(Notification.CLAIM);
		return outcome(claimed, retry);
	}

	/** Gives the message up: it is not tried again. */
	public boolean giveUp(Notification claimed, String error) {
		Update failed = new Update().set(Notification.STATUS, NotificationStatus.FAILED)
			.set(Notification.LAST_ERROR, error)
			.unset(Notification.CLAIM)
			.unset(Notification.NEXT_ATTEMPT_AT);
		return outcome(claimed, failed);
	}

	private boolean outcome(Notification claimed, Update update) {
		Query mine = query(where(Notification.ID).is(claimed.id()).and(Notification.CLAIM).is(claimed.claim()));
		return this.mongo.updateFirst(mine, update, Notification.class).getModifiedCount() > 0;
	}

	/** The id of a due message. */
	record Due(String id) {
	}

}
