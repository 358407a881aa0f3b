package io.souq.customer.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.souq.customer.Customer;
import io.souq.customer.config.AuthProperties;

import org.springframework.stereotype.Component;

/**
 * Issues RS256 access tokens: {@code sub} = customer id, {@code roles}, {@code iss},
 * {@code iat}, {@code exp}, and the key id in the header.
 */
@Component
public class TokenIssuer {

	private final SigningKeys keys;

	private final AuthProperties properties;

	private final Clock clock;

	public TokenIssuer(SigningKeys keys, AuthProperties properties, Clock clock) {
		this.keys = keys;
		this.properties = properties;
		this.clock = clock;
	}

	public IssuedToken issue(Customer customer) {
		Instant now = this.clock.instant();
		Instant expires = now.plus(this.properties.tokenTtl());
		RSAKey key = this.keys.signingKey();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(customer.id())
			.issuer(this.properties.issuer())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(expires))
			.jwtID(UUID.randomUUID().toString())
			.claim("roles", customer.roles().stream().map(Enum::name).sorted().toList())
			.build();
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
				claims);
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("cannot sign the token", ex);
		}
		return new IssuedToken(jwt.serialize(), this.properties.tokenTtl().toSeconds());
	}

	/**
	 * A signed access token.
	 *
	 * @param value the compact JWT
	 * @param expiresIn seconds until it expires
	 */
	public record IssuedToken(String value, long expiresIn) {
	}

}
