package io.souq.starter.web.idempotency;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to the first request with a key, as it is replayed to repetitions.
 *
 * @param status the HTTP status
 * @param headers the stored headers (Content-Type, Location) by name, in order
 * @param body the body's bytes
 */
record StoredResponse(int status, Map<String, String> headers, byte[] body) {

	StoredResponse {
		headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
		body = body.clone();
	}

	@Override
	public byte[] body() {
		return this.body.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof StoredResponse that && this.status == that.status && this.headers.equals(that.headers)
				&& Arrays.equals(this.body, that.body);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * this.status + this.headers.hashCode()) + Arrays.hashCode(this.body);
	}

	@Override
	public String toString() {
		return "StoredResponse[status=" + this.status + ", headers=" + this.headers + ", body=" + this.body.length
				+ " bytes]";
	}

}
