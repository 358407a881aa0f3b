package io.souq.mongo;

import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The {@code hello} command (MongoDB 4.4.2+, sent by Stable-API clients and Spring Boot's
 * health indicator), answered from the backend's {@code isMaster} reply.
 */
final class HelloCommand {

	static final String IS_MASTER = "isMaster";

	private HelloCommand() {
	}

	static boolean isHello(String command) {
		return "hello".equalsIgnoreCase(command);
	}

	/**
	 * Turns an {@code isMaster} reply into a {@code hello} reply: the same fields plus
	 * {@code isWritablePrimary: true}, with {@code ok} last.
	 * @param isMasterResponse the backend's reply to {@code isMaster}
	 * @return the reply to {@code hello}
	 */
	static Document helloResponse(Document isMasterResponse) {
		Document response = new Document("isWritablePrimary", Boolean.TRUE);
		for (Map.Entry<String, Object> entry : isMasterResponse.entrySet()) {
			if (!"ok".equals(entry.getKey())) {
				response.put(entry.getKey(), entry.getValue());
			}
		}
		response.put("ok", isMasterResponse.getOrDefault("ok", 1.0));
		return response;
	}

}
