package dev.competency.platform.embedded.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A collection of the in-memory backend that answers queries from its {@linkplain OrderedIndex ordered indexes}
 * when one applies, and stops at the limit when the index order is the requested sort: Axon's tracking read
 * ({@code timestamp >= t}, sorted, limited to a batch) then reads a batch instead of sorting the whole store.
 * Its documents are kept encoded ({@link EncodedDocuments}).
 */
final class IndexedMemoryCollection extends MemoryCollection {

    private static final Comparator<OrderedIndex.Plan> BEST_FIRST = Comparator
            .comparingInt((OrderedIndex.Plan plan) -> plan.constrainedKeys())
            .thenComparing(OrderedIndex.Plan::servesOrder);

    private final CursorRegistry cursors;
    /** The documents themselves; the server's list in {@link MemoryCollection} stays empty. */
    private final EncodedDocuments documents = new EncodedDocuments();
    /** The last query matched and its compiled form: the server matches one query against many documents. */
    private Document lastQuery;
    private CompiledQuery lastCompiled;

    IndexedMemoryCollection(MongoDatabase database, String collectionName, CollectionOptions options,
            CursorRegistry cursorRegistry) {
        super(database, collectionName, options, cursorRegistry);
        this.cursors = cursorRegistry;
    }

    /**
     * The data size is the length of the stored encodings, kept as they change: the server would encode every
     * document it inserts, replaces or removes once more only to measure it.
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected synchronized int getDataSize() {
        return (int) Math.min(documents.bytes(), Integer.MAX_VALUE);
    }

    @Override
    protected synchronized Integer addDocumentInternal(Document document) {
        return documents.add(document);
    }

    /**
     * A copy of the stored document: what the server changes in it stays in the copy until it hands the changed
     * document back ({@link #handleUpdate}), and an answer written to the wire after the lock is released cannot
     * be changed by a later update. Null when no document is stored there any more.
     */
    @Override
    protected synchronized Document getDocument(Integer position) {
        return documents.get(position);
    }

    /** The server changed a copy it read from this collection; it is stored as changed. */
    @Override
    protected synchronized void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
        documents.replace(position, newDocument);
    }

    @Override
    protected synchronized void removeDocument(Integer position) {
        documents.remove(position);
    }

    @Override
    public synchronized int count() {
        return documents.count();
    }

    @Override
    public synchronized boolean isEmpty() {
        return documents.count() == 0;
    }

    /** Only asked for in a collection without indexes: the first document equal to it, as the server's backend. */
    @Override
    protected synchronized Integer findDocumentPosition(Document document) {
        return documents.positions().filter(position -> document.equals(documents.get(position))).boxed()
                .findFirst().orElse(null);
    }

    @Override
    protected synchronized Stream<DocumentWithPosition<Integer>> streamAllDocumentsWithPosition() {
        // Decoded under the lock: a stream read after it is released would see writes made in between.
        return documents.positions().mapToObj(position -> new DocumentWithPosition<>(documents.get(position),
                position)).toList().stream();
    }

    /** A query that no index serves: every document, in insertion order or its reverse ({@code $natural: -1}). */
    @Override
    protected synchronized QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip,
            int limit, int batchSize, Document fieldSelector) {
        int[] positions = documents.positions().toArray();
        IntStream order = isNaturalDescending(orderBy)
                ? IntStream.range(0, positions.length).map(i -> positions[positions.length - 1 - i])
                : IntStream.of(positions);
        return matchDocumentsFromStream(order.mapToObj(documents::get), query, orderBy, numberToSkip, limit,
                batchSize, fieldSelector);
    }

    @Override
    protected synchronized boolean documentMatchesQuery(Document document, Document query) {
        if (query != lastQuery) {
            lastCompiled = CompiledQuery.of(query);
            lastQuery = query;
        }
        return lastCompiled.matches(document, super::documentMatchesQuery);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
            int batchSize, Document fieldSelector) {
        // The server's _id index answers only {_id: value}; with any other condition beside it, it scanned.
        Optional<Object> id = query.keySet().equals(Set.of("_id")) ? Optional.empty() : idEquality(query);
        Optional<Index<Integer>> idIndex = id.flatMap(value -> getIndexes().stream()
                .filter(index -> index.getKeys().size() == 1 && index.getKeys().get(0).getKey().equals("_id"))
                .findFirst());
        if (idIndex.isPresent()) {
            Stream<Document> byId = Stream.ofNullable(idIndex.get().getPosition(new Document("_id", id.get())))
                    .map(this::getDocument);
            return matchDocumentsFromStream(byId, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        Optional<Candidate> best = getIndexes().stream()
                .filter(index -> index instanceof OrderedIndex<?>)
                .map(index -> (OrderedIndex<Integer>) index)
                .flatMap(index -> index.plan(query, orderBy, limit).map(plan -> new Candidate(index, plan)).stream())
                .max(Comparator.comparing(Candidate::plan, BEST_FIRST));
        if (best.isEmpty()) {
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        OrderedIndex<Integer> index = best.get().index();
        OrderedIndex.Plan plan = best.get().plan();
        boolean projected = fieldSelector != null && !fieldSelector.isEmpty();
        if (plan.servesOrder() && batchSize > 0 && (limit <= 0 || limit > batchSize) && !projected) {
            // Batch by batch: a reader that takes one batch and closes the cursor pays for one batch.
            ResumingCursor cursor = new ResumingCursor(cursors.generateCursorId(), this,
                    () -> index.positions(plan, true).map(this::getDocument)
                            .filter(document -> documentMatchesQuery(document, query)).skip(numberToSkip),
                    limit);
            List<Document> firstBatch = cursor.takeDocuments(batchSize);
            if (cursor.isEmpty()) {
                return new QueryResult(firstBatch);
            }
            cursors.add(cursor);
            return new QueryResult(firstBatch, cursor);
        }
        Stream<Document> documents = index.positions(plan, plan.servesOrder()).map(this::getDocument);
        if (plan.servesOrder()) {
            // Already in the requested order: filter, skip and limit lazily, no sort.
            return matchDocumentsFromStream(query, documents, numberToSkip, limit, batchSize, null, fieldSelector);
        }
        return matchDocumentsFromStream(documents, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /** An equality on {@code _id}, as a field of the query or of its {@code $and} clauses. */
    private static Optional<Object> idEquality(Document query) {
        for (Map.Entry<String, Object> condition : OrderedIndex.Conditions.fieldConditions(query)) {
            if (!condition.getKey().equals("_id")) {
                continue;
            }
            Object value = condition.getValue();
            if (value instanceof Document operators && OrderedIndex.Conditions.isOperatorDocument(operators)) {
                if (operators.size() == 1 && operators.containsKey("$eq")) {
                    return Optional.ofNullable(operators.get("$eq"));
                }
            } else if (OrderedIndex.Conditions.matchesByValue(value)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private record Candidate(OrderedIndex<Integer> index, OrderedIndex.Plan plan) {
    }
}
