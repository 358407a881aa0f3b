package io.souq.shipping;

import io.souq.test.TestTokens;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points the service at the test JVM's token issuer. Imported by every IT of the module,
 * so that they share one application context.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestIssuer {

	@Bean
	static DynamicPropertyRegistrar testIssuer() {
		return (registry) -> TestTokens.issuer().register(registry);
	}

}
