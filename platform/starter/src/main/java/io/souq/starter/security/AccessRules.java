package io.souq.starter.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own access rules, applied before the default that every {@code /api/**}
 * path needs a valid token: e.g. open catalog reads, or admin-only paths.
 * <pre class="code">
 * &#64;Bean
 * AccessRules catalogAccess() {
 *     return rules -&gt; rules.requestMatchers(HttpMethod.GET, "/api/products/**").permitAll()
 *         .requestMatchers("/api/products/**").hasRole("ADMIN");
 * }
 * </pre>
 */
@FunctionalInterface
public interface AccessRules {

	void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);

}
