package io.souq.starter.consumer;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.souq.events.Envelope;
import io.souq.starter.messaging.EnvelopeCodec;
import io.souq.starter.outbox.Outboxed;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A service that consumes with the starter: handlers that succeed, fail for a while, or
 * always fail, and an aggregate that records the messages it applied in its own write.
 * Not a {@code @Configuration}: other tests' component scans must not pick it up.
 */
@EnableAutoConfiguration
class ConsumerTestService {

	static final String GROUP = "consumer-it";

	static final String ORDERS = "it.consumer.orders";

	static final String WALLETS = "it.consumer.wallets";

	static final String WALLET_EVENTS = "it.consumer.wallet-events";

	static final String REPLAYS = "it.consumer.replays";

	@Bean
	Handlers handlers() {
		return new Handlers();
	}

	@Bean
	TopicConsumer orders(Handlers handlers) {
		return TopicConsumer.of(ORDERS)
			.on("order.placed", handlers::apply)
			.on("order.flaky", handlers::failTwiceThenApply)
			.on("order.doomed", handlers::alwaysFail);
	}

	@Bean
	TopicConsumer wallets(MongoTemplate mongo, EnvelopeCodec codec) {
		return TopicConsumer.of(WALLETS).deduplication(Deduplication.HANDLER).on("wallet.credit", (command) -> {
			Wallet wallet = mongo.findById(command.subject(), Wallet.class);
			if (wallet == null) {
				wallet = new Wallet(command.subject());
			}
			if (wallet.credit(command, codec.data(command, Credit.class).amount())) {
				mongo.save(wallet);
			}
		});
	}

	@Bean
	TopicConsumer replays(Handlers handlers) {
		return TopicConsumer.of(REPLAYS).on("order.placed", handlers::failUntilHealed);
	}

	record Credit(long amount) {
	}

	record Credited(long balance) {
	}

	/** What the handlers did, by message id. */
	static class Handlers {

		final Map<UUID, Integer> effects = new ConcurrentHashMap<>();

		final Map<UUID, Integer> attempts = new ConcurrentHashMap<>();

		volatile boolean healed;

		void apply(Envelope<JsonNode> envelope) {
			this.attempts.merge(envelope.id(), 1, Integer::sum);
			this.effects.merge(envelope.id(), 1, Integer::sum);
		}

		void failTwiceThenApply(Envelope<JsonNode> envelope) {
			if (this.attempts.merge(envelope.id(), 1, Integer::sum) <= 2) {
				throw new IllegalStateException("database busy");
			}
			this.effects.merge(envelope.id(), 1, Integer::sum);
		}

		void alwaysFail(Envelope<JsonNode> envelope) {
			this.attempts.merge(envelope.id(), 1, Integer::sum);
			throw new IllegalStateException("order " + envelope.subject() + " cannot be placed");
		}

		void failUntilHealed(Envelope<JsonNode> envelope) {
			this.attempts.merge(envelope.id(), 1, Integer::sum);
			if (!this.healed) {
				throw new IllegalStateException("not healed yet");
			}
			this.effects.merge(envelope.id(), 1, Integer::sum);
		}

		int effects(UUID id) {
			return this.effects.getOrDefault(id, 0);
		}

		int attempts(UUID id) {
			return this.attempts.getOrDefault(id, 0);
		}

	}

	/** An aggregate that applies a credit once and announces it, in one write. */
	@Document("it_wallets")
	static class Wallet extends Outboxed {

		@Id
		private final String id;

		@Version
		private Long version;

		private long balance;

		Wallet(String id) {
			this.id = id;
		}

		boolean credit(Envelope<JsonNode> command, long amount) {
			if (!markApplied(command)) {
				return false;
			}
			this.balance += amount;
			message(WALLET_EVENTS, command.reply("wallet.credited", 1, GROUP, this.id, new Credited(this.balance)));
			return true;
		}

		long balance() {
			return this.balance;
		}

	}

}
