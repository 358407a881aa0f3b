package io.souq.starter.web.idempotency;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.util.function.SingletonSupplier;

/**
 * {@code Idempotency-Key} support in every servlet service ({@code souq.idempotency.*},
 * on unless {@code souq.idempotency.enabled=false}): the keys live in the service's own
 * database ({@value MongoIdempotencyStore#COLLECTION}), and the filter runs right after
 * Spring Security's, so it knows the authenticated caller.
 */
@AutoConfiguration(after = DataMongoAutoConfiguration.class,
		afterName = { "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "souq.idempotency.enabled", matchIfMissing = true)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

	/** Just after Spring Security's filter (by default at -100). */
	static final int ORDER_AFTER_SECURITY = 10;

	@Bean
	MongoIdempotencyStore souqIdempotencyStore(MongoTemplate mongo, IdempotencyProperties properties) {
		return new MongoIdempotencyStore(mongo, properties, Clock.systemUTC());
	}

	@Bean
	FilterRegistrationBean<IdempotencyFilter> souqIdempotencyFilter(ObjectProvider<MongoIdempotencyStore> store,
			ObjectProvider<JsonMapper> json, ObjectProvider<SecurityFilterProperties> securityFilter) {
		// the store and the mapper are looked up at the first request, not with the web
		// server: that would create the MongoDB client before its settings are complete
		IdempotencyFilter filter = new IdempotencyFilter(SingletonSupplier.of(store::getObject),
				new IdempotencyProblems(SingletonSupplier.of(() -> json.getIfAvailable(JsonMapper::shared))));
		FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(filter);
		int securityOrder = securityFilter.getIfAvailable(SecurityFilterProperties::new).getOrder();
		registration.setOrder(securityOrder + ORDER_AFTER_SECURITY);
		return registration;
	}

}
