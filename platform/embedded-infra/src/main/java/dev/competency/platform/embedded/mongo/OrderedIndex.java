package dev.competency.platform.embedded.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A B-tree-like index for the embedded server: keys in BSON order in a sorted map, so that equality on a prefix of
 * the keys, a range on the next key and a sort along the keys are answered without reading the whole collection.
 * The server's own indexes only answer exact matches of all their keys; every other query scanned the collection
 * under its lock, which made each of Axon's event-store reads cost time in proportion to the store's size.
 *
 * <p>The index only narrows: the server still matches every candidate against the whole query, so a plan may
 * return more documents than match (types outside a range's type, for example), never fewer. Indexes with a
 * descending key are kept but never planned.
 */
final class OrderedIndex<P> extends Index<P> {

    private static final Comparator<Object> BSON_ORDER = ValueComparator.asc();
    private static final Comparator<KeyValue> KEY_ORDER = OrderedIndex::compareKeys;

    private final boolean unique;
    private final boolean ascending;
    /**
     * The positions filed under each key: a position itself when it is the only one (always, in a unique index), or
     * a {@link Shared} set of them. A set per key cost four objects per document and index, kept as long as the
     * document, which the collector copied and marked.
     */
    private final NavigableMap<KeyValue, Object> entries = new TreeMap<>(KEY_ORDER);
    /** Where each indexed document is and under which keys, by {@code _id}. */
    private final Map<Object, Filed<P>> filedById = new HashMap<>();
    /** Documents filed under more than one key (array values): while there are any, walks must skip repeats. */
    private int multiKeyDocuments;
    /** The document whose keys {@link #keysOf} worked out last, and those keys. */
    private Document lastChecked;
    private Set<KeyValue> lastCheckedKeys;
    /** The keys when all of them are top-level fields (no dotted path), else null. */
    private final String[] fields;

    OrderedIndex(String name, List<IndexKey> keys, boolean sparse, boolean unique) {
        super(name, keys, sparse);
        this.unique = unique;
        this.ascending = keys.stream().allMatch(IndexKey::isAscending);
        this.fields = keys.stream().anyMatch(key -> key.getKey().contains("."))
                ? null : keys.stream().map(IndexKey::getKey).toArray(String[]::new);
    }

    /**
     * The document's key, read straight from its fields when every key is a top-level field and no value is an
     * array or a document; otherwise as the server works keys out (paths, one key per array element). The server's
     * way resolves each key as a path, by regular expression: in a read-model rebuild, most of the time of filing a
     * document. Values are normalised as the server normalises them (numbers as doubles, missing as null).
     */
    @Override
    public Set<KeyValue> getKeyValues(Document document) {
        if (fields == null) {
            return super.getKeyValues(document);
        }
        Object[] values = new Object[fields.length];
        boolean normalised = true;
        for (int i = 0; i < fields.length; i++) {
            Object value = document.get(fields[i]);
            if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
                return super.getKeyValues(document);
            }
            if (value instanceof Missing) {
                value = null;
            } else if (value != null && !(value instanceof String || value instanceof Instant
                    || value instanceof Boolean)) {
                normalised = false;
            }
            values[i] = value;
        }
        KeyValue key = new KeyValue(values);
        return Set.of(normalised ? key : key.normalized());
    }

    @Override
    public boolean isUnique() {
        return unique;
    }

    @Override
    public synchronized P getPosition(Document document) {
        Filed<P> filed = filedById.get(document.get("_id"));
        return filed == null ? null : filed.position();
    }

    @Override
    public synchronized void checkAdd(Document document, MongoCollection<P> collection) {
        if (!unique || skipped(document)) {
            return;
        }
        Set<KeyValue> keys = getKeyValues(document);
        requireNoneFiled(keys, collection);
        lastChecked = document;
        lastCheckedKeys = keys;
    }

    /**
     * Files the document under its keys. A unique index refuses a key that is filed already; a document with one key
     * (no array value) is checked and filed in the same walk of the tree.
     */
    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        if (skipped(document)) {
            return;
        }
        Set<KeyValue> keys = keysOf(document);
        if (unique && keys.size() > 1) {
            requireNoneFiled(keys, collection);
        }
        for (KeyValue key : keys) {
            if (unique) {
                if (entries.putIfAbsent(key, position) != null) {
                    throw new DuplicateKeyError(this, collection, getKeys(), key);
                }
            } else {
                entries.merge(key, position, OrderedIndex::fileBeside);
            }
        }
        filedById.put(document.get("_id"), new Filed<>(position, keys));
        if (keys.size() > 1) {
            multiKeyDocuments++;
        }
    }

    private void requireNoneFiled(Set<KeyValue> keys, MongoCollection<P> collection) {
        for (KeyValue key : keys) {
            if (entries.containsKey(key)) {
                throw new DuplicateKeyError(this, collection, getKeys(), key);
            }
        }
    }

    /**
     * The document's keys. The server checks every index before it adds a document to any, so the keys worked out
     * by {@link #checkAdd} are kept for the add that follows it, for that same document object only, and used once.
     */
    private Set<KeyValue> keysOf(Document document) {
        Set<KeyValue> keys = document == lastChecked ? lastCheckedKeys : getKeyValues(document);
        lastChecked = null;
        lastCheckedKeys = null;
        return keys;
    }

    @Override
    public synchronized P remove(Document document) {
        Object id = document.get("_id");
        Filed<P> filed = filedById.remove(id);
        if (filed == null) {
            return null;
        }
        P position = filed.position();
        Set<KeyValue> keys = filed.keys();
        if (keys.size() > 1) {
            multiKeyDocuments--;
        }
        for (KeyValue key : keys) {
            entries.computeIfPresent(key, (k, held) -> withoutPosition(held, position));
        }
        return position;
    }

    @Override
    public synchronized void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        if (!unique || skipped(newDocument)) {
            return;
        }
        P own = getPosition(oldDocument);
        for (KeyValue key : getKeyValues(newDocument)) {
            Object existing = entries.get(key);
            if (existing != null && positionsIn(existing).anyMatch(position -> !position.equals(own))) {
                throw new DuplicateKeyError(this, collection, getKeys(), key);
            }
        }
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
            MongoCollection<P> collection) {
        if (getKeyValues(oldDocument).equals(getKeyValues(newDocument))
                && filedById.containsKey(oldDocument.get("_id"))) {
            return;
        }
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    /** Whether {@link #getPositions} narrows this query: some key is constrained and {@code _id} is not. */
    @Override
    public synchronized boolean canHandle(Document query) {
        return plan(query, null, 0).filter(plan -> plan.constrainedKeys() > 0).isPresent();
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        Plan plan = plan(query, null, 0).orElseThrow();
        return positions(plan, false).collect(Collectors.toList());
    }

    @Override
    public synchronized long getCount() {
        return filedById.size();
    }

    @Override
    public synchronized long getDataSize() {
        return entries.size();
    }

    @Override
    public synchronized void drop() {
        entries.clear();
        filedById.clear();
        multiKeyDocuments = 0;
    }

    /**
     * How this index would answer a query with an optional sort and limit, or empty when it cannot help: no key is
     * constrained and the sort is not the index's order (or there is no limit to stop early at).
     */
    synchronized Optional<Plan> plan(Document query, Document orderBy, int limit) {
        if (!ascending || query.containsKey("_id") || (orderBy != null && orderBy.containsKey("$natural"))) {
            return Optional.empty();
        }
        Map<String, Bounds> conditions = Conditions.of(query);
        List<String> keyNames = keys();
        int equalities = 0;
        while (equalities < keyNames.size()) {
            Bounds bounds = conditions.get(keyNames.get(equalities));
            if (bounds == null || !bounds.isEquality()) {
                break;
            }
            equalities++;
        }
        Bounds range = equalities < keyNames.size() ? conditions.get(keyNames.get(equalities)) : null;
        int constrained = equalities + (range != null ? 1 : 0);
        Boolean order = orderServed(orderBy, keyNames, equalities);
        if (constrained == 0 && (order == null || limit <= 0 || orderBy == null || orderBy.isEmpty())) {
            return Optional.empty();
        }
        List<Object> lower = new ArrayList<>();
        List<Object> upper = new ArrayList<>();
        for (int i = 0; i < equalities; i++) {
            Object value = conditions.get(keyNames.get(i)).lower();
            lower.add(value);
            upper.add(value);
        }
        boolean lowerInclusive = true;
        boolean upperInclusive = true;
        if (range != null) {
            lower.add(range.lower() != null ? range.lower() : MinKey.getInstance());
            upper.add(range.upper() != null ? range.upper() : MaxKey.getInstance());
            lowerInclusive = range.lower() == null || range.lowerInclusive();
            upperInclusive = range.upper() == null || range.upperInclusive();
        }
        // Pad to the full key: an exclusive bound steps over every key that shares the bound's prefix.
        while (lower.size() < keyNames.size()) {
            lower.add(lowerInclusive ? MinKey.getInstance() : MaxKey.getInstance());
            upper.add(upperInclusive ? MaxKey.getInstance() : MinKey.getInstance());
        }
        return Optional.of(new Plan(new KeyValue(lower), new KeyValue(upper), constrained,
                order != null, order != null && !order));
    }

    /**
     * Candidate positions of a plan, in index order (or reversed), each once. Lazy: the caller consumes the stream
     * while it holds the collection's lock, the only place the index changes.
     *
     * <p>The stream does not know its size. A stream over the range's own view would: it reports itself sized, and
     * every terminal operation asks for the size first, which a range of a tree map counts by walking all of it. A
     * read of one batch after a position then cost a walk to the end of the index, and a replay read the store
     * about as many times over as it had batches.
     */
    synchronized Stream<P> positions(Plan plan, boolean inOrder) {
        if (compareKeys(plan.lower(), plan.upper()) > 0) {
            return Stream.empty();
        }
        NavigableMap<KeyValue, Object> range = entries.subMap(plan.lower(), true, plan.upper(), true);
        if (inOrder && plan.descending()) {
            range = range.descendingMap();
        }
        Stream<P> positions = StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(range.values().iterator(), Spliterator.ORDERED), false)
                .flatMap(this::positionsIn);
        return multiKeyDocuments == 0 ? positions : positions.distinct();
    }

    /** The positions filed under one key, in the order they were filed. */
    @SuppressWarnings("unchecked")
    private Stream<P> positionsIn(Object filed) {
        return filed instanceof Shared<?> shared ? ((Shared<P>) shared).stream() : Stream.of((P) filed);
    }

    /** What a key holds once another position is filed beside what it held: a set of both. */
    @SuppressWarnings("unchecked")
    private static Object fileBeside(Object filed, Object position) {
        Shared<Object> shared = filed instanceof Shared<?> already ? (Shared<Object>) already : new Shared<>(filed);
        shared.add(position);
        return shared;
    }

    /** What a key holds once the position is taken out of it: null (the key goes) when nothing is left. */
    private static Object withoutPosition(Object filed, Object position) {
        if (!(filed instanceof Shared<?> shared)) {
            return filed.equals(position) ? null : filed;
        }
        shared.remove(position);
        if (shared.size() > 1) {
            return shared;
        }
        return shared.isEmpty() ? null : shared.iterator().next();
    }

    /** Several positions under one key, in the order they were filed. */
    private static final class Shared<P> extends LinkedHashSet<P> {

        Shared(P first) {
            add(first);
        }
    }

    /**
     * Whether iterating the index gives the requested sort: after the keys fixed by equality, the sort's keys must
     * be the index's next keys in order, all ascending (true) or all descending (false); null when not served.
     * No sort at all is served by any order.
     */
    private static Boolean orderServed(Document orderBy, List<String> keyNames, int equalities) {
        if (orderBy == null || orderBy.isEmpty()) {
            return Boolean.TRUE;
        }
        List<String> fixed = keyNames.subList(0, equalities);
        int next = equalities;
        Boolean ascending = null;
        for (Map.Entry<String, Object> sort : orderBy.entrySet()) {
            if (fixed.contains(sort.getKey())) {
                continue;
            }
            if (next >= keyNames.size() || !keyNames.get(next).equals(sort.getKey())
                    || !(sort.getValue() instanceof Number direction)) {
                return null;
            }
            boolean up = direction.doubleValue() > 0;
            if (ascending != null && ascending != up) {
                return null;
            }
            ascending = up;
            next++;
        }
        return ascending == null ? Boolean.TRUE : ascending;
    }

    private boolean skipped(Document document) {
        return isSparse() && keys().stream().allMatch(key -> Missing.isNullOrMissing(document.get(key)));
    }

    private static int compareKeys(KeyValue a, KeyValue b) {
        int length = Math.min(a.size(), b.size());
        for (int i = 0; i < length; i++) {
            int result = compareValues(a.get(i), b.get(i));
            if (result != 0) {
                return result;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /**
     * BSON order with the bounds around it: MinKey, then null and missing, then values, then MaxKey. Two strings, two
     * longs or two ints, most of the keys an index compares, are compared directly, as the server's comparator
     * would after finding their types equal and normalising the numbers.
     */
    static int compareValues(Object a, Object b) {
        if (a instanceof String first && b instanceof String second) {
            return first.compareTo(second);
        }
        if (a instanceof Long first && b instanceof Long second) {
            return Long.compare(first, second);
        }
        if (a instanceof Integer first && b instanceof Integer second) {
            return Integer.compare(first, second);
        }
        // The server keeps numbers in an index as doubles. NaN sorts before every number there; -0.0 equals 0.0.
        if (a instanceof Double first && b instanceof Double second && !first.isNaN() && !second.isNaN()) {
            double x = first;
            double y = second;
            return x < y ? -1 : x > y ? 1 : 0;
        }
        if (a instanceof Instant first && b instanceof Instant second) {
            return first.compareTo(second);
        }
        int rankA = rank(a);
        int rankB = rank(b);
        if (rankA != rankB || rankA != 2) {
            return Integer.compare(rankA, rankB);
        }
        return BSON_ORDER.compare(a, b);
    }

    private static int rank(Object value) {
        if (value instanceof MinKey) {
            return 0;
        }
        if (Missing.isNullOrMissing(value)) {
            return 1;
        }
        return value instanceof MaxKey ? 3 : 2;
    }

    /** A document's position and the keys it is filed under. */
    private record Filed<P>(P position, Set<KeyValue> keys) {
    }

    /** A key range, the number of keys it constrains, and whether walking it gives the requested sort. */
    record Plan(KeyValue lower, KeyValue upper, int constrainedKeys, boolean servesOrder, boolean descending) {
    }

    /** The values a field may take: one value, or a range with optional ends. */
    record Bounds(Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive, boolean isEquality) {

        static Bounds equalTo(Object value) {
            return new Bounds(value, true, value, true, true);
        }
    }

    /** Reads the conditions an index can use from a query: plain equalities and $eq/$gt/$gte/$lt/$lte, in $and too. */
    static final class Conditions {

        private Conditions() {
        }

        static Map<String, Bounds> of(Document query) {
            Map<String, Bounds> conditions = new HashMap<>();
            // The first condition on a field wins; a later one could only narrow it further.
            fieldConditions(query).forEach(condition -> bounds(condition.getValue())
                    .ifPresent(bounds -> conditions.putIfAbsent(condition.getKey(), bounds)));
            return Collections.unmodifiableMap(conditions);
        }

        /** Every {field: condition} that must hold: the query's own fields and those of its {@code $and} clauses. */
        static List<Map.Entry<String, Object>> fieldConditions(Document query) {
            List<Map.Entry<String, Object>> conditions = new ArrayList<>();
            collect(query, conditions);
            return conditions;
        }

        private static void collect(Document query, List<Map.Entry<String, Object>> conditions) {
            for (Map.Entry<String, Object> condition : query.entrySet()) {
                String field = condition.getKey();
                if (field.equals("$and") && condition.getValue() instanceof List<?> clauses) {
                    for (Object clause : clauses) {
                        if (clause instanceof Document document) {
                            collect(document, conditions);
                        }
                    }
                } else if (!field.startsWith("$")) {
                    conditions.add(condition);
                }
            }
        }

        private static Optional<Bounds> bounds(Object value) {
            if (value instanceof Document operators && isOperatorDocument(operators)) {
                if (operators.containsKey("$eq") && indexable(operators.get("$eq"))) {
                    return Optional.of(Bounds.equalTo(operators.get("$eq")));
                }
                Object lower = null;
                Object upper = null;
                boolean lowerInclusive = true;
                boolean upperInclusive = true;
                if (indexable(operators.get("$gte"))) {
                    lower = operators.get("$gte");
                } else if (indexable(operators.get("$gt"))) {
                    lower = operators.get("$gt");
                    lowerInclusive = false;
                }
                if (indexable(operators.get("$lte"))) {
                    upper = operators.get("$lte");
                } else if (indexable(operators.get("$lt"))) {
                    upper = operators.get("$lt");
                    upperInclusive = false;
                }
                if (lower == null && upper == null) {
                    return Optional.empty();
                }
                return Optional.of(new Bounds(lower, lowerInclusive, upper, upperInclusive, false));
            }
            return indexable(value) ? Optional.of(Bounds.equalTo(value)) : Optional.empty();
        }

        static boolean isOperatorDocument(Document document) {
            return !document.isEmpty() && document.keySet().stream().allMatch(key -> key.startsWith("$"));
        }

        /** Scalars only: arrays, documents and patterns do not match by one point of the index's order. */
        private static boolean indexable(Object value) {
            return matchesByValue(value) && !(value instanceof Document);
        }

        /**
         * Whether a plain {field: value} condition means equality with that value: not null (which also matches a
         * missing field), not an array (which matches by element) and not a pattern (which matches by expression).
         */
        static boolean matchesByValue(Object value) {
            return value != null && !Missing.isNullOrMissing(value) && !(value instanceof List)
                    && !(value instanceof java.util.regex.Pattern)
                    && !(value instanceof de.bwaldvogel.mongo.bson.BsonRegularExpression);
        }
    }
}
