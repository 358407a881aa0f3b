package io.souq.catalog;

import java.util.Locale;

import org.springframework.data.domain.Sort;

/**
 * The order of a listing, written {@code key,direction} as in {@code price,asc} or
 * {@code name,desc}.
 *
 * @param key what to order by
 * @param direction ascending or descending
 */
public record ProductSort(Key key, Sort.Direction direction) {

	/** The default order: by name, A to Z. */
	public static final ProductSort DEFAULT = new ProductSort(Key.NAME, Sort.Direction.ASC);

	/** What a listing can be ordered by. */
	public enum Key {

		PRICE, NAME, NEWEST

	}

	/**
	 * Reads {@code price}, {@code name} or {@code newest}, optionally followed by
	 * {@code ,asc} or {@code ,desc}.
	 * @throws IllegalArgumentException for anything else
	 */
	public static ProductSort parse(String text) {
		if (text == null || text.isBlank()) {
			return DEFAULT;
		}
		String[] parts = text.strip().toLowerCase(Locale.ROOT).split("\\s*,\\s*");
		if (parts.length > 2) {
			throw new IllegalArgumentException(text);
		}
		Key key = switch (parts[0]) {
			case "price" -> Key.PRICE;
			case "name" -> Key.NAME;
			case "newest", "createdat" -> Key.NEWEST;
			default -> throw new IllegalArgumentException(text);
		};
		Sort.Direction direction = (parts.length == 1) ? defaultDirection(key) : switch (parts[1]) {
			case "asc" -> Sort.Direction.ASC;
			case "desc" -> Sort.Direction.DESC;
			default -> throw new IllegalArgumentException(text);
		};
		return new ProductSort(key, direction);
	}

	private static Sort.Direction defaultDirection(Key key) {
		return (key == Key.NEWEST) ? Sort.Direction.DESC : Sort.Direction.ASC;
	}

}
