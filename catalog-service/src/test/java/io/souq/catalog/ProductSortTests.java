package io.souq.catalog;

import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Sort.Direction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProductSortTests {

	@Test
	void readsKeyAndDirection() {
		assertThat(ProductSort.parse("price,asc")).isEqualTo(new ProductSort(ProductSort.Key.PRICE, Direction.ASC));
		assertThat(ProductSort.parse(" Name , DESC ")).isEqualTo(new ProductSort(ProductSort.Key.NAME, Direction.DESC));
		assertThat(ProductSort.parse("newest")).isEqualTo(new ProductSort(ProductSort.Key.NEWEST, Direction.DESC));
		assertThat(ProductSort.parse(null)).isEqualTo(ProductSort.DEFAULT);
	}

	@Test
	void refusesAnythingElse() {
		assertThatIllegalArgumentException().isThrownBy(() -> ProductSort.parse("colour,asc"));
		assertThatIllegalArgumentException().isThrownBy(() -> ProductSort.parse("price,up"));
		assertThatIllegalArgumentException().isThrownBy(() -> ProductSort.parse("price,asc,name"));
	}

}
