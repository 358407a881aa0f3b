package io.souq.starter;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.souq.starter.data.MongoIndexes;
import io.souq.starter.health.KafkaHealthIndicator;
import io.souq.starter.json.DecimalsAsStrings;
import io.souq.starter.messaging.EnvelopeCodec;
import io.souq.starter.messaging.MessagingProbe;
import io.souq.starter.messaging.MessagingProbeEndpoint;
import io.souq.starter.web.CorrelationIdFilter;
import io.souq.starter.web.ProblemHandler;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * What every Souq service gets by depending on the starter: readiness that follows Kafka
 * and MongoDB, the event envelope codec, the messaging probe, and correlation ids.
 */
@AutoConfiguration(after = { KafkaAutoConfiguration.class, DataMongoAutoConfiguration.class },
		beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@EnableConfigurationProperties(SouqProperties.class)
public class SouqServiceAutoConfiguration {

	@Bean
	MongoClientSettingsBuilderCustomizer souqMongoTimeouts(SouqProperties properties) {
		long millis = properties.mongoServerSelectionTimeout().toMillis();
		return builder -> builder.applyToClusterSettings(c -> c.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS));
	}

	/**
	 * The services' clock: UTC, ticking in milliseconds, the precision MongoDB stores, so
	 * a time read back from a document equals the time written (an answer repeated from
	 * stored state says exactly what the first one said).
	 */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
	}

	@Bean
	JsonMapperBuilderCustomizer souqDecimalsAsStrings() {
		return builder -> builder.addModule(DecimalsAsStrings.module());
	}

	@Bean
	@ConditionalOnMissingBean(name = "kafkaHealthIndicator")
	KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin, SouqProperties properties) {
		return new KafkaHealthIndicator(admin.getConfigurationProperties(), properties.kafkaHealthTimeout());
	}

	@Bean
	@ConditionalOnMissingBean(name = "mongoIndexesHealthIndicator")
	MongoIndexes mongoIndexesHealthIndicator(MongoTemplate mongo, MongoMappingContext mappingContext) {
		return new MongoIndexes(mongo, mappingContext);
	}

	@Bean
	@ConditionalOnMissingBean
	EnvelopeCodec envelopeCodec(JsonMapper jsonMapper) {
		return new EnvelopeCodec(jsonMapper);
	}

	@Bean
	MessagingProbe messagingProbe(@Value("${spring.application.name}") String service, KafkaAdmin admin,
			KafkaTemplate<String, String> template, ConsumerFactory<String, String> consumerFactory,
			EnvelopeCodec codec, SouqProperties properties) {
		return new MessagingProbe(service, admin.getConfigurationProperties(), template, consumerFactory, codec,
				properties.probeTimeout());
	}

	@Bean
	MessagingProbeEndpoint messagingProbeEndpoint(MessagingProbe probe) {
		return new MessagingProbeEndpoint(probe);
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
	ProblemHandler souqProblemHandler() {
		return new ProblemHandler();
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
		FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(
				new CorrelationIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
