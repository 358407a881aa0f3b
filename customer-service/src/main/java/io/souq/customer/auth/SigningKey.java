package io.souq.customer.auth;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The RSA key pair that signs access tokens, created on first use and kept, so tokens
 * survive restarts and every instance signs with the same key.
 *
 * @param id always {@link #PRIMARY}
 * @param kid the key id published in the JWK set and the token header
 * @param privateKey PKCS#8, Base64
 * @param publicKey X.509, Base64
 * @param createdAt when
 */
@Document("signing_keys")
record SigningKey(@Id String id, String kid, String privateKey, String publicKey, Instant createdAt) {

	static final String PRIMARY = "primary";

}
