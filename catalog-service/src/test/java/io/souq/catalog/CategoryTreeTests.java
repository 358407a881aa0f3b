package io.souq.catalog;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CategoryTreeTests {

	@Test
	void buildsTheTreeWithCountsThatIncludeSubCategories() {
		CategoryTree tree = CategoryTree
			.of(List.of(new CategoryTree.Count("kitchen/tea", 3), new CategoryTree.Count("kitchen", 1),
					new CategoryTree.Count("kitchen/tea/green", 2), new CategoryTree.Count("home-fragrance", 4)));
		assertThat(tree.categories()).extracting(CategoryTree.Category::path)
			.containsExactly("home-fragrance", "kitchen");
		CategoryTree.Category kitchen = tree.categories().get(1);
		assertThat(kitchen.productCount()).isEqualTo(6);
		assertThat(kitchen.children()).singleElement().satisfies((tea) -> {
			assertThat(tea.path()).isEqualTo("kitchen/tea");
			assertThat(tea.name()).isEqualTo("Tea");
			assertThat(tea.productCount()).isEqualTo(5);
			assertThat(tea.children()).extracting(CategoryTree.Category::path).containsExactly("kitchen/tea/green");
		});
		assertThat(tree.categories().get(0).name()).isEqualTo("Home fragrance");
	}

}
