package io.souq.starter.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * A page of a list as the API contract writes it: {@code {content, page, size,
 * totalElements, totalPages}}.
 *
 * @param <T> the element type
 * @param content the elements of this page
 * @param page the page number, from 0
 * @param size the page size
 * @param totalElements elements in all pages
 * @param totalPages number of pages
 */
public record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

	/** The page, each element shown through {@code view}. */
	public static <S, T> PageView<T> of(Page<S> page, Function<S, T> view) {
		return new PageView<>(page.getContent().stream().map(view).toList(), page.getNumber(), page.getSize(),
				page.getTotalElements(), page.getTotalPages());
	}

}
