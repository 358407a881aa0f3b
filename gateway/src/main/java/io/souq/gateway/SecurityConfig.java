package io.souq.gateway;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway validates bearer tokens against the issuer's JWK set before routing: open
 * paths (registration, sign-in, browsing, quotes) pass without one, admin paths need the
 * {@code ADMIN} role, everything else a valid token. The services check again (and check
 * ownership).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
		http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.authorizeExchange(exchanges -> exchanges.pathMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.pathMatchers(HttpMethod.POST, "/api/customers", "/api/auth/token")
				.permitAll()
				.pathMatchers(HttpMethod.GET, "/.well-known/jwks.json", "/api/products", "/api/products/**",
						"/api/categories", "/api/categories/**", "/api/shipping/quotes", "/api-docs/**")
				.permitAll()
				.pathMatchers("/api/admin/**", "/api/inventory", "/api/inventory/**", "/actuator/**")
				.hasRole("ADMIN")
				.pathMatchers(HttpMethod.POST, "/api/products", "/api/shipments/*/events")
				.hasRole("ADMIN")
				.pathMatchers(HttpMethod.PUT, "/api/products/**")
				.hasRole("ADMIN")
				.pathMatchers(HttpMethod.DELETE, "/api/products/**")
				.hasRole("ADMIN")
				.anyExchange()
				.authenticated())
			.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(roles()))
				.authenticationEntryPoint((exchange, ex) -> problem(exchange, HttpStatus.UNAUTHORIZED,
						"A valid bearer token is required."))
				.accessDeniedHandler((exchange, ex) -> problem(exchange, HttpStatus.FORBIDDEN,
						"This needs a role the token does not have.")))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(
					(exchange, ex) -> problem(exchange, HttpStatus.UNAUTHORIZED, "A valid bearer token is required."))
				.accessDeniedHandler((exchange, ex) -> problem(exchange, HttpStatus.FORBIDDEN,
						"This needs a role the token does not have.")));
		return http.build();
	}

	static Converter<Jwt, Mono<AbstractAuthenticationToken>> roles() {
		JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
		authorities.setAuthoritiesClaimName("roles");
		authorities.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(authorities);
		return new ReactiveJwtAuthenticationConverterAdapter(converter);
	}

	static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String detail) {
		return Problems.write(exchange, status, (status == HttpStatus.UNAUTHORIZED) ? "unauthorized" : "forbidden",
				detail);
	}

}
