package io.souq.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;

/**
 * Chooses how a collection finds the documents of a filter: through the {@code _id} data
 * map or a secondary index, or by a scan.
 * <p>
 * It reads the filter's top level and its {@code $and} clauses for conditions on single
 * fields: equality and {@code $in} with plain values, one range ({@code $gt},
 * {@code $gte}, {@code $lt}, {@code $lte}, bounded to the type bracket of its value, as
 * MongoDB compares only within a bracket), and {@code $exists: true}. An index is scored
 * by the longest prefix of its fields fixed by equality (a unique index fixed on all its
 * fields wins), then a range on the next field, then whether walking it yields the
 * requested sort (then a limit stops the walk early). A sparse index is only used when a
 * condition on one of its fields implies that the field exists, as a sparse index holds
 * no entry for a document without its fields.
 * <p>
 * The plan only ever narrows the candidates: the collection applies the whole filter to
 * every candidate, so a planning mistake can cost speed but never change a result.
 */
final class QueryPlanner {

	/** The most index ranges one plan walks ({@code $in} lists multiply). */
	static final int MAX_RANGES = 1_000;

	private QueryPlanner() {
	}

	/**
	 * An inclusive stretch of an index, in index order.
	 *
	 * @param from the first key (values and bounds)
	 * @param to the last key
	 */
	record Range(Object[] from, Object[] to) {
	}

	/**
	 * How to find the candidates.
	 *
	 * @param indexName the index's name, for the counters
	 * @param index the secondary index to walk, {@code null} for the {@code _id} data map
	 * @param ranges the stretches to walk, in order
	 * @param reverse whether to walk each stretch (and the stretches) backwards
	 * @param ordered whether the walk yields the requested sort order
	 * @param distinct whether a document may come up more than once (multikey, several
	 * stretches)
	 * @param union the plans of the branches of a top-level {@code $or}, walked one after
	 * the other (then the other fields are unused), or {@code null}
	 */
	record Plan(String indexName, SecondaryIndex index, List<Range> ranges, boolean reverse, boolean ordered,
			boolean distinct, List<Plan> union) {

		Plan(String indexName, SecondaryIndex index, List<Range> ranges, boolean reverse, boolean ordered,
				boolean distinct) {
			this(indexName, index, ranges, reverse, ordered, distinct, null);
		}

	}

	/** What the filter says about one field. */
	static final class Condition {

		List<Object> equals;

		Object low;

		Object high;

		boolean exists;

		boolean constrains() {
			return this.equals != null || this.low != null || this.high != null || this.exists;
		}

		boolean hasRange() {
			return this.low != null || this.high != null;
		}

	}

	/**
	 * Plans a query.
	 * @param query the filter
	 * @param orderBy the requested sort, may be {@code null}
	 * @param limit the limit ({@code 0}: none), counting the skipped documents
	 * @param primary the {@code _id} index, may be {@code null}
	 * @param indexes the collection's secondary indexes
	 * @return the plan, or {@code null} for a scan
	 */
	static Plan plan(Document query, Document orderBy, int limit, PrimaryIndex primary, List<SecondaryIndex> indexes) {
		Candidate candidate = best(query, orderBy, limit, primary, indexes);
		return (candidate != null) ? candidate.plan : null;
	}

	private static Candidate best(Document query, Document orderBy, int limit, PrimaryIndex primary,
			List<SecondaryIndex> indexes) {
		if (orderBy != null && orderBy.containsKey("$natural")) {
			return null;
		}
		Map<String, Condition> conditions = new LinkedHashMap<>();
		if (query != null) {
			collect(query, conditions);
		}
		List<Map.Entry<String, Boolean>> sort = sortFields(orderBy);
		Candidate best = null;
		if (primary != null) {
			best = better(best, candidate(primary.getName(), null, List.of(primary.getKeys().get(0)), true, false,
					false, conditions, sort, limit));
		}
		for (SecondaryIndex index : indexes) {
			if (!index.built()) {
				continue;
			}
			best = better(best, candidate(index.getName(), index, index.getKeys(), index.isUnique(), index.sparse(),
					index.multikey(), conditions, sort, limit));
		}
		if (query != null && query.get("$or") instanceof List<?> branches && (best == null || best.score < 20)) {
			Candidate union = union(query, branches, primary, indexes, best);
			if (union != null) {
				return union;
			}
		}
		return best;
	}

	/**
	 * A plan for each branch of a top-level {@code $or} (with the filter's other
	 * conditions), when every branch has one that is narrower than the best plan of the
	 * whole filter: the union of their candidates holds every match.
	 */
	private static Candidate union(Document query, List<?> branches, PrimaryIndex primary, List<SecondaryIndex> indexes,
			Candidate best) {
		if (branches.isEmpty() || branches.size() > 16) {
			return null;
		}
		Document others = new Document(query);
		others.remove("$or");
		List<Plan> plans = new ArrayList<>();
		List<String> names = new ArrayList<>();
		int score = Integer.MAX_VALUE;
		for (Object branch : branches) {
			if (!(branch instanceof Document branchFilter)) {
				return null;
			}
			Document combined = new Document("$and", List.of(others, branchFilter));
			Candidate candidate = best(combined, null, 0, primary, indexes);
			if (candidate == null || (best != null && candidate.score <= best.score)) {
				return null;
			}
			plans.add(candidate.plan);
			names.add(candidate.plan.indexName());
			score = Math.min(score, candidate.score);
		}
		return new Candidate(
				new Plan("$or(" + String.join(",", names) + ")", null, List.of(), false, false, true, plans), score);
	}

	private record Candidate(Plan plan, int score) {
	}

	private static Candidate better(Candidate best, Candidate candidate) {
		if (candidate == null) {
			return best;
		}
		return (best == null || candidate.score > best.score) ? candidate : best;
	}

	private static Candidate candidate(String name, SecondaryIndex index, List<IndexKey> keys, boolean unique,
			boolean sparse, boolean multikey, Map<String, Condition> conditions, List<Map.Entry<String, Boolean>> sort,
			int limit) {
		int fields = keys.size();
		int prefix = 0;
		long combinations = 1;
		while (prefix < fields) {
			Condition condition = conditions.get(keys.get(prefix).getKey());
			if (condition == null || condition.equals == null || combinations * condition.equals.size() > MAX_RANGES) {
				break;
			}
			combinations *= condition.equals.size();
			prefix++;
		}
		Condition next = (prefix < fields) ? conditions.get(keys.get(prefix).getKey()) : null;
		boolean range = next != null && next.hasRange();
		boolean exists = false;
		boolean constrained = prefix > 0 || range;
		for (IndexKey key : keys) {
			Condition condition = conditions.get(key.getKey());
			if (condition != null && condition.constrains()) {
				constrained = true;
				exists |= condition.exists;
			}
		}
		if (sparse && !constrained) {
			// a sparse index misses the documents without its fields
			return null;
		}
		boolean usefulExists = sparse && exists;
		int order = (combinations == 1 && !multikey) ? servedOrder(keys, prefix, conditions, sort) : 0;
		boolean ordered = order != 0;
		if (!(prefix > 0 || range || usefulExists || (ordered && limit > 0))) {
			return null;
		}
		List<Range> ranges = ranges(keys, prefix, range ? next : null, conditions);
		boolean reverse = order < 0;
		boolean distinct = multikey || ranges.size() > 1;
		int score = ((unique && prefix == fields) ? 1_000 : 0) + prefix * 20 + (range ? 10 : 0) + (ordered ? 4 : 0)
				+ (usefulExists ? 2 : 0) - fields;
		return new Candidate(new Plan(name, index, ranges, reverse, ordered, distinct), score);
	}

	/**
	 * Whether walking the index after its equality prefix yields the sort: {@code 1}
	 * forwards, {@code -1} backwards, {@code 0} no (or no sort asked for).
	 */
	private static int servedOrder(List<IndexKey> keys, int prefix, Map<String, Condition> conditions,
			List<Map.Entry<String, Boolean>> sort) {
		if (sort.isEmpty()) {
			return 0;
		}
		List<String> columns = new ArrayList<>();
		List<Boolean> ascending = new ArrayList<>();
		for (int i = prefix; i < keys.size(); i++) {
			columns.add(keys.get(i).getKey());
			ascending.add(keys.get(i).isAscending());
		}
		// entries with equal keys follow in _id order
		columns.add("_id");
		ascending.add(Boolean.TRUE);
		int direction = 0;
		int column = 0;
		for (Map.Entry<String, Boolean> field : sort) {
			String name = field.getKey();
			if (column < columns.size() && columns.get(column).equals(name)) {
				int fieldDirection = field.getValue().equals(ascending.get(column)) ? 1 : -1;
				if (direction != 0 && fieldDirection != direction) {
					return 0;
				}
				direction = fieldDirection;
				column++;
				if (name.equals("_id")) {
					// unique: whatever follows cannot reorder
					return direction;
				}
				continue;
			}
			Condition condition = conditions.get(name);
			boolean fixed = condition != null && condition.equals != null && condition.equals.size() == 1
					&& keyIndexOf(keys, name) >= 0 && keyIndexOf(keys, name) < prefix;
			if (!fixed) {
				return 0;
			}
		}
		return direction;
	}

	private static int keyIndexOf(List<IndexKey> keys, String name) {
		for (int i = 0; i < keys.size(); i++) {
			if (keys.get(i).getKey().equals(name)) {
				return i;
			}
		}
		return -1;
	}

	private static List<Range> ranges(List<IndexKey> keys, int prefix, Condition range,
			Map<String, Condition> conditions) {
		int fields = keys.size();
		List<Object[]> combinations = new ArrayList<>();
		combinations.add(new Object[0]);
		for (int i = 0; i < prefix; i++) {
			List<Object> values = conditions.get(keys.get(i).getKey()).equals;
			List<Object[]> longer = new ArrayList<>(combinations.size() * values.size());
			for (Object[] combination : combinations) {
				for (Object value : values) {
					Object[] extended = java.util.Arrays.copyOf(combination, i + 1);
					extended[i] = value;
					longer.add(extended);
				}
			}
			combinations = longer;
		}
		List<Range> ranges = new ArrayList<>(combinations.size());
		for (Object[] combination : combinations) {
			Object[] from = new Object[fields + 1];
			Object[] to = new Object[fields + 1];
			for (int i = 0; i < prefix; i++) {
				from[i] = combination[i];
				to[i] = combination[i];
			}
			for (int i = prefix; i < fields; i++) {
				Object low = KeyOrder.Bound.LOWEST;
				Object high = KeyOrder.Bound.HIGHEST;
				if (i == prefix && range != null) {
					low = (range.low != null) ? range.low : KeyOrder.Bound.before(range.high);
					high = (range.high != null) ? range.high : KeyOrder.Bound.after(range.low);
				}
				boolean ascending = keys.get(i).isAscending();
				from[i] = ascending ? low : high;
				to[i] = ascending ? high : low;
			}
			from[fields] = KeyOrder.Bound.LOWEST;
			to[fields] = KeyOrder.Bound.HIGHEST;
			ranges.add(new Range(from, to));
		}
		return ranges;
	}

	private static List<Map.Entry<String, Boolean>> sortFields(Document orderBy) {
		List<Map.Entry<String, Boolean>> fields = new ArrayList<>();
		if (orderBy == null) {
			return fields;
		}
		for (Map.Entry<String, Object> entry : orderBy.entrySet()) {
			if (!(entry.getValue() instanceof Number direction)) {
				// e.g. {$meta: ...}: not something an index serves
				return List.of(Map.entry("$unserved", Boolean.TRUE));
			}
			fields.add(Map.entry(entry.getKey(), direction.doubleValue() > 0));
		}
		return fields;
	}

	static void collect(Document query, Map<String, Condition> conditions) {
		for (Map.Entry<String, Object> entry : query.entrySet()) {
			String key = entry.getKey();
			Object value = entry.getValue();
			if (key.equals("$and") && value instanceof Collection<?> clauses) {
				for (Object clause : clauses) {
					if (clause instanceof Document clauseDocument) {
						collect(clauseDocument, conditions);
					}
				}
			}
			else if (!key.startsWith("$")) {
				field(key, value, conditions);
			}
		}
	}

	private static void field(String path, Object value, Map<String, Condition> conditions) {
		if (isPlain(value)) {
			equalTo(conditions.computeIfAbsent(path, (name) -> new Condition()), List.of(value));
			return;
		}
		if (!(value instanceof Document operators) || operators.isEmpty()
				|| !operators.keySet().iterator().next().startsWith("$")) {
			return;
		}
		Condition condition = conditions.computeIfAbsent(path, (name) -> new Condition());
		for (Map.Entry<String, Object> operator : operators.entrySet()) {
			Object operand = operator.getValue();
			switch (operator.getKey()) {
				case "$eq" -> {
					if (isPlain(operand)) {
						equalTo(condition, List.of(operand));
					}
				}
				case "$in" -> {
					if (operand instanceof Collection<?> values && !values.isEmpty() && values.size() <= MAX_RANGES
							&& values.stream().allMatch(QueryPlanner::isPlain)) {
						equalTo(condition, distinctValues(values));
					}
				}
				case "$gt", "$gte" -> {
					if (isPlain(operand) && condition.low == null) {
						condition.low = operand;
					}
				}
				case "$lt", "$lte" -> {
					if (isPlain(operand) && condition.high == null) {
						condition.high = operand;
					}
				}
				case "$exists" -> condition.exists |= Utils.isTrue(operand);
				default -> {
					// the filter applies it to every candidate
				}
			}
		}
	}

	private static void equalTo(Condition condition, List<Object> values) {
		if (condition.equals == null || values.size() < condition.equals.size()) {
			condition.equals = values;
		}
	}

	private static List<Object> distinctValues(Collection<?> values) {
		List<Object> sorted = new ArrayList<>(values);
		sorted.sort(KeyOrder::compare);
		List<Object> distinct = new ArrayList<>();
		for (Object value : sorted) {
			if (distinct.isEmpty() || KeyOrder.compare(distinct.get(distinct.size() - 1), value) != 0) {
				distinct.add(value);
			}
		}
		return distinct;
	}

	/**
	 * Whether a filter value stands for plain equality (or a range bound) that index keys
	 * answer exactly: not null or missing (which also match absent fields), not an array
	 * or subdocument, not a regular expression, not a bound of the whole order.
	 */
	static boolean isPlain(Object value) {
		if (Missing.isNullOrMissing(value) || value instanceof Collection || value instanceof Map
				|| value instanceof Pattern || value instanceof BsonRegularExpression || value instanceof MinKey
				|| value instanceof MaxKey) {
			return false;
		}
		try {
			KeyOrder.typeOrder(value);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
