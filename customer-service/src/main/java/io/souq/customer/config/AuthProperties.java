package io.souq.customer.config;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Token issuing and the seeded admin account.
 *
 * @param issuer the {@code iss} claim of issued tokens
 * @param tokenTtl how long an access token is valid
 * @param adminEmail the seeded admin's email ({@code SOUQ_ADMIN_EMAIL})
 * @param adminPassword the seeded admin's password ({@code SOUQ_ADMIN_PASSWORD})
 */
@Validated
@ConfigurationProperties("souq.auth")
public record AuthProperties(@DefaultValue("souq") @NotBlank String issuer, @DefaultValue("1h") Duration tokenTtl,
		@DefaultValue("admin@souq.local") @NotBlank String adminEmail,
		@DefaultValue("admin") @NotBlank String adminPassword) {
}
