package io.souq.starter.outbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the messages this relay has recently seen acknowledged by the broker. When a
 * save that raced with the relay puts an entry back that was just removed, the relay
 * removes it again without publishing it twice. Only the relay's thread uses it.
 */
final class PublishedIds {

	private final Map<String, Boolean> ids;

	PublishedIds(int capacity) {
		this.ids = new LinkedHashMap<>(16, 0.75f, false) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
				return size() > capacity;
			}

		};
	}

	void add(String id) {
		this.ids.put(id, Boolean.TRUE);
	}

	boolean contains(String id) {
		return this.ids.containsKey(id);
	}

	int size() {
		return this.ids.size();
	}

}
