package io.souq.local;

import java.util.Optional;

/**
 * Reads the top-level {@code status} of a Spring Boot health response such as
 * {@code {"status":"UP","components":{...}}}, without a JSON library: nested
 * {@code status} fields are ignored.
 */
final class HealthJson {

	private HealthJson() {
	}

	/**
	 * The top-level {@code status} string of a JSON object.
	 * @param json the response body
	 * @return the status, or empty if the body is not an object with a string status
	 */
	static Optional<String> status(String json) {
		if (json == null) {
			return Optional.empty();
		}
		int i = skipWhitespace(json, 0);
		if (i >= json.length() || json.charAt(i) != '{') {
			return Optional.empty();
		}
		int depth = 0;
		boolean expectKey = false;
		while (i < json.length()) {
			char c = json.charAt(i);
			switch (c) {
				case '{', '[' -> {
					depth++;
					expectKey = (c == '{');
					i++;
				}
				case '}', ']' -> {
					depth--;
					i++;
				}
				case ',' -> {
					expectKey = true;
					i++;
				}
				case '"' -> {
					int end = endOfString(json, i);
					if (end < 0) {
						return Optional.empty();
					}
					String text = unescape(json.substring(i + 1, end));
					i = end + 1;
					if (depth == 1 && expectKey) {
						expectKey = false;
						int colon = skipWhitespace(json, i);
						if (colon < json.length() && json.charAt(colon) == ':' && text.equals("status")) {
							int value = skipWhitespace(json, colon + 1);
							if (value < json.length() && json.charAt(value) == '"') {
								int valueEnd = endOfString(json, value);
								return (valueEnd < 0) ? Optional.empty()
										: Optional.of(unescape(json.substring(value + 1, valueEnd)));
							}
							return Optional.empty();
						}
					}
				}
				default -> i++;
			}
			if (depth == 0) {
				break;
			}
		}
		return Optional.empty();
	}

	private static int skipWhitespace(String json, int from) {
		int i = from;
		while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
			i++;
		}
		return i;
	}

	private static int endOfString(String json, int quote) {
		for (int i = quote + 1; i < json.length(); i++) {
			char c = json.charAt(i);
			if (c == '\\') {
				i++;
			}
			else if (c == '"') {
				return i;
			}
		}
		return -1;
	}

	private static String unescape(String text) {
		if (text.indexOf('\\') < 0) {
			return text;
		}
		StringBuilder result = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\' && i + 1 < text.length()) {
				char next = text.charAt(++i);
				switch (next) {
					case 'n' -> result.append('\n');
					case 't' -> result.append('\t');
					case 'u' -> {
						if (i + 4 < text.length()) {
							result.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
							i += 4;
						}
					}
					default -> result.append(next);
				}
			}
			else {
				result.append(c);
			}
		}
		return result.toString();
	}

}
