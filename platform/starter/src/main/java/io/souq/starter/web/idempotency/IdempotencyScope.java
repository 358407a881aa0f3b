package io.souq.starter.web.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What identifies a key and a request: the key's syntax, the caller, the hashed scope
 * (caller, method, path, key) that is the stored record's {@code _id}, and the keyed hash
 * of the request that a repetition must match.
 */
final class IdempotencyScope {

	static final String ANONYMOUS = "anonymous";

	static final int MAX_KEY_LENGTH = 255;

	private static final String HMAC = "HmacSHA256";

	private IdempotencyScope() {
	}

	/** A key is 1 to 255 visible ASCII characters ({@code %x21-7E}). */
	static boolean isValidKey(@Nullable String key) {
		if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
			return false;
		}
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (c < 0x21 || c > 0x7E) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Who is calling: {@code sub:<subject>} for a token (or {@code sub:<name>} for any
	 * other authentication), {@value #ANONYMOUS} without one. Two callers never share a
	 * scope, and no subject can be mistaken for the anonymous caller.
	 */
	static String caller(@Nullable Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return ANONYMOUS;
		}
		if (authentication.getPrincipal() instanceof Jwt jwt && jwt.getSubject() != null) {
			return "sub:" + jwt.getSubject();
		}
		return "sub:" + authentication.getName();
	}

	/**
	 * The record's {@code _id}: the SHA-256 (hex) of the caller, method, path and key,
	 * each prefixed with its length so that no two different tuples hash the same input.
	 */
	static String scope(String caller, String method, String path, String key) {
		MessageDigest digest = sha256();
		for (String part : new String[] { caller, method, path, key }) {
			byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
			digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
			digest.update(bytes);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * The hash (hex) of what a repetition must send again: the query string (if any) and
	 * the body, as an HMAC-SHA-256 keyed with the client's key. Bodies can hold card
	 * numbers or passwords; keyed, their hash cannot be tested against guesses by anyone
	 * who reads the database, since the key itself is only stored inside the scope's
	 * hash.
	 */
	static String requestHash(String key, @Nullable String query, byte[] body) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), HMAC));
			byte[] queryBytes = (query != null) ? query.getBytes(StandardCharsets.UTF_8) : new byte[0];
			mac.update((queryBytes.length + ":").getBytes(StandardCharsets.US_ASCII));
			mac.update(queryBytes);
			mac.update(body);
			return HexFormat.of().formatHex(mac.doFinal());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is required of every Java platform", ex);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

}
