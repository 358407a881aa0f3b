package io.souq.catalog.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * A page of a list as the API contract writes it.
 *
 * @param <T> the element type
 * @param content the elements of this page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param totalElements elements in all pages
 * @param totalPages number of pages
 */
record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

	static <S, T> PageView<T> of(Page<S> page, Function<S, T> view) {
		return new PageView<>(page.getContent().stream().map(view).toList(), page.getNumber(), page.getSize(),
				page.getTotalElements(), page.getTotalPages());
	}

}
