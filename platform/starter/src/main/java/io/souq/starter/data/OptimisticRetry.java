package io.souq.starter.data;

import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.souq.starter.web.ProblemException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Read, change, save of one document ({@code @Version}), started again from the read when
 * a concurrent change won: a newer version was saved meanwhile, or another request
 * inserted the same new document first. After {@value #ATTEMPTS} lost races the caller
 * gets a 409 problem ({@code concurrent-change}).
 */
public final class OptimisticRetry {

	/** How many times a change is tried. */
	public static final int ATTEMPTS = 5;

	private OptimisticRetry() {
	}

	/**
	 * Changes a document and saves it.
	 * @param what the document, for the 409 detail, e.g. {@code "The stock of TEA-1"}
	 * @param load reads the current state (it may throw, e.g. a 404 problem)
	 * @param change changes it (it may throw, e.g. {@code Refused})
	 * @param save saves it
	 * @return the saved document
	 */
	public static <T> T change(String what, Supplier<T> load, Consumer<T> change, UnaryOperator<T> save) {
		return changeIf(what, load, (document) -> {
			change.accept(document);
			return true;
		}, save);
	}

	/**
	 * Changes a document and saves it when the change says so.
	 * @param what the document, for the 409 detail
	 * @param load reads the current state, or answers {@code null} when there is nothing
	 * to change (then nothing happens)
	 * @param change changes it and answers whether there is anything to save
	 * @param save saves it
	 * @return the saved document, the unchanged one when there was nothing to save, or
	 * {@code null} when {@code load} found nothing
	 */
	public static <T> T changeIf(String what, Supplier<T> load, Predicate<T> change, UnaryOperator<T> save) {
		for (int attempt = 1;; attempt++) {
			T document = load.get();
			if (document == null || !change.test(document)) {
				return document;
			}
			try {
				return save.apply(document);
			}
			catch (OptimisticLockingFailureException | DuplicateKeyException ex) {
				if (attempt == ATTEMPTS) {
					throw ProblemException.conflict("concurrent-change",
							what + " is changing too often right now; try again.");
				}
			}
		}
	}

}
