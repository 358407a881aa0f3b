package io.souq.payment.messaging;

import io.souq.events.Topics;
import io.souq.events.payment.AuthorizePayment;
import io.souq.events.payment.CapturePayment;
import io.souq.events.payment.RefundPayment;
import io.souq.events.payment.VoidPayment;
import io.souq.payment.Payments;
import io.souq.starter.consumer.Deduplication;
import io.souq.starter.consumer.TopicConsumer;
import io.souq.starter.messaging.EnvelopeCodec;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The order saga's commands to payment-service. Every command is answered from the state
 * of the order's payment, so a command delivered twice is answered twice and applied
 * once: the handlers deduplicate by themselves.
 */
@Configuration(proxyBeanMethods = false)
class PaymentCommandsConsumer {

	@Bean
	TopicConsumer paymentCommands(Payments payments, EnvelopeCodec codec) {
		return TopicConsumer.of(Topics.PAYMENT_COMMANDS)
			.deduplication(Deduplication.HANDLER)
			.on(AuthorizePayment.TYPE,
					(command) -> payments.authorize(command, codec.data(command, AuthorizePayment.class)))
			.on(CapturePayment.TYPE, (command) -> payments.capture(command, codec.data(command, CapturePayment.class)))
			.on(VoidPayment.TYPE, (command) -> payments.cancel(command, codec.data(command, VoidPayment.class)))
			.on(RefundPayment.TYPE, (command) -> payments.refund(command, codec.data(command, RefundPayment.class)));
	}

}
