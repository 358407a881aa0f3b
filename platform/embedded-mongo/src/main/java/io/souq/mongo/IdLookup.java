package io.souq.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Chooses how a collection finds the documents of a filter. mongo-java-server only uses
 * an index whose keys are exactly the filter's fields, so {@code {_id: 7, version: 3}}
 * scans the whole collection. When a filter pins {@code _id} to one value ({@code {_id:
 * v}} or {@code {_id: {$eq: v}}}, at the top level or inside a top-level {@code $and}) or
 * to a list ({@code {_id: {$in: [...]}}}), the documents are looked up through the
 * {@code _id} index instead, and the full filter is then applied to them only.
 * <p>
 * The candidates are exactly what the server's own index path returns for the {@code _id}
 * condition alone, and the full filter is a conjunction containing that condition, so the
 * result is the same as the full scan's.
 */
final class IdLookup {

	private IdLookup() {
	}

	/**
	 * The part of {@code query} that the {@code _id} index can answer, as a filter on the
	 * id field alone, or {@code null} when the filter must be answered by the server's
	 * usual strategy.
	 * @param query the filter
	 * @param idField the collection's id field ({@code _id}), may be {@code null}
	 * @param orderBy the requested order, may be {@code null}
	 * @return {@code {idField: value}}, {@code {idField: {$in: values}}} or {@code null}
	 */
	static Document idIndexFilter(Document query, String idField, Document orderBy) {
		if (query == null || idField == null) {
			return null;
		}
		Document filter = idCondition(query, idField);
		if (filter != null && filter.get(idField) instanceof Document && isNaturalOrder(orderBy)) {
			// $in candidates come in _id order: keep the server's path for $natural
			return null;
		}
		return filter;
	}

	private static Document idCondition(Document query, String idField) {
		if (query.containsKey(idField)) {
			Document filter = narrow(idField, query.get(idField));
			if (filter != null) {
				return filter;
			}
		}
		if (query.get("$and") instanceof List<?> clauses) {
			for (Object clause : clauses) {
				if (clause instanceof Document clauseDocument) {
					Document filter = idCondition(clauseDocument, idField);
					if (filter != null) {
						return filter;
					}
				}
			}
		}
		return null;
	}

	private static Document narrow(String idField, Object condition) {
		if (isPlainValue(condition)) {
			return new Document(idField, condition);
		}
		if (condition instanceof Document operators && operators.size() == 1) {
			if (operators.containsKey("$eq") && isPlainValue(operators.get("$eq"))) {
				return new Document(idField, operators.get("$eq"));
			}
			if (operators.get("$in") instanceof Collection<?> values
					&& values.stream().allMatch(IdLookup::isPlainValue)) {
				return new Document(idField, new Document("$in", new ArrayList<>(values)));
			}
		}
		return null;
	}

	/**
	 * Whether a filter value means plain equality that the index answers exactly: not
	 * null/missing (which also matches absent fields), not a regular expression, not an
	 * array, not a document holding query operators.
	 */
	private static boolean isPlainValue(Object value) {
		if (value == null || value instanceof Missing || value instanceof Collection || value instanceof Pattern
				|| BsonRegularExpression.isRegularExpression(value)) {
			return false;
		}
		if (value instanceof Document document) {
			return !containsOperator(document);
		}
		return !(value instanceof Map);
	}

	private static boolean containsOperator(Document document) {
		for (Map.Entry<String, Object> entry : document.entrySet()) {
			if (entry.getKey().startsWith("$")) {
				return true;
			}
			if (entry.getValue() instanceof Document nested && containsOperator(nested)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isNaturalOrder(Document orderBy) {
		return orderBy != null && orderBy.containsKey("$natural");
	}

	/**
	 * The positions of the documents that can match {@code query}, looked up through the
	 * collection's unique index on the id field, or {@code null} when the filter does not
	 * pin the id or the collection has no such index.
	 * @param <P> the backend's position type
	 * @param indexes the collection's indexes
	 * @param idField the collection's id field
	 * @param query the filter
	 * @param orderBy the requested order, may be {@code null}
	 * @return the candidate positions or {@code null}
	 */
	static <P> Iterable<P> candidatePositions(List<Index<P>> indexes, String idField, Document query,
			Document orderBy) {
		Document filter = idIndexFilter(query, idField, orderBy);
		if (filter == null) {
			return null;
		}
		for (Index<P> index : indexes) {
			if (isIdIndex(index, idField) && index.canHandle(filter)) {
				return index.getPositions(filter);
			}
		}
		return null;
	}

	private static boolean isIdIndex(Index<?> index, String idField) {
		List<IndexKey> keys = index.getKeys();
		return index.isUnique() && keys.size() == 1 && keys.get(0).getKey().equals(idField);
	}

}
