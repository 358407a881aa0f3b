package io.souq.customer.auth;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The signing key, loaded from the database on first use, or created there when there is
 * none yet (the first instance to insert wins; the others read its key).
 */
@Component
public class SigningKeys {

	private final MongoTemplate mongo;

	private final Clock clock;

	private volatile RSAKey key;

	SigningKeys(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** The key pair, with its private part: for signing only. */
	RSAKey signingKey() {
		RSAKey current = this.key;
		if (current == null) {
			synchronized (this) {
				current = this.key;
				if (current == null) {
					current = toJwk(loadOrCreate());
					this.key = current;
				}
			}
		}
		return current;
	}

	/** The public keys, as published at {@code /.well-known/jwks.json}. */
	public JWKSet publicKeys() {
		return new JWKSet(signingKey().toPublicJWK());
	}

	private SigningKey loadOrCreate() {
		SigningKey existing = this.mongo.findById(SigningKey.PRIMARY, SigningKey.class);
		if (existing != null) {
			return existing;
		}
		KeyPair pair = generate();
		SigningKey created = new SigningKey(SigningKey.PRIMARY, UUID.randomUUID().toString(),
				Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
				Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()), this.clock.instant());
		try {
			return this.mongo.insert(created);
		}
		catch (DuplicateKeyException ex) {
			return this.mongo.findById(SigningKey.PRIMARY, SigningKey.class);
		}
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("RSA is not available", ex);
		}
	}

	private static RSAKey toJwk(SigningKey stored) {
		try {
			KeyFactory rsa = KeyFactory.getInstance("RSA");
			RSAPublicKey publicKey = (RSAPublicKey) rsa
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(stored.publicKey())));
			RSAPrivateKey privateKey = (RSAPrivateKey) rsa
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(stored.privateKey())));
			return new RSAKey.Builder(publicKey).privateKey(privateKey)
				.keyID(stored.kid())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.build();
		}
		catch (NoSuchAlgorithmException | InvalidKeySpecException ex) {
			throw new IllegalStateException("the stored signing key cannot be read", ex);
		}
	}

}
