package io.souq.catalog;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProductSearchTests {

	@Test
	void findsWordsLiterallyWhateverCharactersTheyHold() {
		for (String word : new String[] { "(tea", "a+b", "5.5$", "[x]", "\\d", "c++", "النعناع", "^mint|.*" }) {
			String regex = ProductSearch.literal(word);
			assertThat(Pattern.compile(regex).matcher("say " + word + " again").find()).as(word).isTrue();
			assertThat(Pattern.compile(regex).matcher("no match here").find()).as(word).isFalse();
		}
	}

	@Test
	void splitsTheTextIntoAtMostTenWords() {
		assertThat(search("  mint   tea ").words()).containsExactly("mint", "tea");
		assertThat(search("a b c d e f g h i j k l").words()).hasSize(10);
		assertThat(search(" ").words()).isEmpty();
	}

	private static ProductSearch search(String text) {
		return new ProductSearch(text, null, null, null, null, ProductSort.DEFAULT);
	}

}
