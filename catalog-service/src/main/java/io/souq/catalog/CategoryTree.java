package io.souq.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The category tree of the catalog, built from the category paths of its products
 * ({@code kitchen/tea} lies under {@code kitchen}). A category counts its own products
 * and those of its sub-categories.
 *
 * @param categories the top-level categories, by path
 */
public record CategoryTree(List<Category> categories) {

	/**
	 * One category.
	 *
	 * @param path its full path, the value of the {@code category} filter
	 * @param slug the last segment of the path
	 * @param name a display name made from the slug
	 * @param productCount products in it and below it
	 * @param children its sub-categories, by path
	 */
	public record Category(String path, String slug, String name, long productCount, List<Category> children) {
	}

	/**
	 * Products per category path.
	 *
	 * @param path a category path
	 * @param products how many products have exactly this path
	 */
	public record Count(String path, long products) {
	}

	/** The tree of these counts. */
	public static CategoryTree of(List<Count> counts) {
		Node root = new Node("", "");
		for (Count count : counts) {
			if (count.path() == null || count.path().isBlank()) {
				continue;
			}
			Node node = root;
			StringBuilder path = new StringBuilder();
			for (String segment : count.path().split("/")) {
				path.append(path.isEmpty() ? "" : "/").append(segment);
				Node child = node.children.get(segment);
				if (child == null) {
					child = new Node(path.toString(), segment);
					node.children.put(segment, child);
				}
				child.total += count.products();
				node = child;
			}
		}
		return new CategoryTree(root.categories());
	}

	private static final class Node {

		private final String path;

		private final String slug;

		private final Map<String, Node> children = new TreeMap<>();

		private long total;

		private Node(String path, String slug) {
			this.path = path;
			this.slug = slug;
		}

		private List<Category> categories() {
			List<Category> list = new ArrayList<>();
			for (Node child : this.children.values()) {
				list.add(
						new Category(child.path, child.slug, displayName(child.slug), child.total, child.categories()));
			}
			list.sort(Comparator.comparing(Category::path));
			return List.copyOf(list);
		}

	}

	/** {@code home-fragrance} → {@code Home fragrance}. */
	static String displayName(String slug) {
		String words = String.join(" ", Arrays.asList(slug.split("-")));
		return words.isEmpty() ? words : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
	}

}
