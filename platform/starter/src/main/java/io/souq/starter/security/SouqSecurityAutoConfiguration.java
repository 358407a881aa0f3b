package io.souq.starter.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service is an OAuth2 resource server: tokens are validated against the issuer's
 * JWK set ({@code SOUQ_JWK_SET_URI}, by default customer-service's), their {@code roles}
 * claim becomes {@code ROLE_*} authorities, every {@code /api/**} path needs a valid
 * token unless the service's {@link AccessRules} say otherwise, and 401 / 403 are problem
 * documents. Actuator paths stay open on the service's own port (the gateway does not
 * route them).
 */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SouqSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JwtAuthenticationConverter souqJwtAuthenticationConverter() {
		JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
		authorities.setAuthoritiesClaimName("roles");
		authorities.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(authorities);
		return converter;
	}

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain souqSecurityFilterChain(HttpSecurity http, ObjectProvider<AccessRules> serviceRules,
			JwtAuthenticationConverter converter) throws Exception {
		http.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(rules -> {
				rules.requestMatchers("/actuator/**", "/error").permitAll();
				serviceRules.orderedStream().forEach(service -> service.configure(rules));
				rules.requestMatchers("/api/**").authenticated().anyRequest().permitAll();
			})
			.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
				.authenticationEntryPoint(SecurityProblems.unauthorized())
				.accessDeniedHandler(SecurityProblems.forbidden()))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(SecurityProblems.unauthorized())
				.accessDeniedHandler(SecurityProblems.forbidden()));
		return http.build();
	}

}
