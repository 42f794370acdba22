package dev.competency.platform.embedded.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code _id} index of the embedded server: a hash of each document's id, read straight from the document. The
 * server's own {@code _id} index works a document's key out through the general path resolution, a regular
 * expression split of the key and a stream, three times for every insert: a fifth of the store's time in a
 * read-model rebuild. Ids are compared as the server compares them (numbers by value, {@code 1} equal to
 * {@code 1.0}).
 *
 * <p>Answers equality on {@code _id} and {@code $in}; any other condition on {@code _id} (a range, a regular
 * expression) is left to a scan.
 */
final class IdIndex<P> extends Index<P> {

    private final Map<KeyValue, P> positions = new HashMap<>();

    IdIndex(String name, List<IndexKey> keys) {
        super(name, keys, false);
    }

    /** Whether an index with these keys and options can be this one: {@code _id} ascending, not sparse. */
    static boolean serves(List<IndexKey> keys, boolean sparse) {
        return !sparse && keys.size() == 1 && keys.get(0).getKey().equals("_id") && keys.get(0).isAscending();
    }

    @Override
    public boolean isUnique() {
        return true;
    }

    @Override
    public synchronized P getPosition(Document document) {
        return positions.get(keyOf(document.get("_id")));
    }

    @Override
    public synchronized void checkAdd(Document document, MongoCollection<P> collection) {
        KeyValue key = keyOf(document.get("_id"));
        if (positions.containsKey(key)) {
            throw new DuplicateKeyError(this, collection, getKeys(), key);
        }
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        KeyValue key = keyOf(document.get("_id"));
        P filed = positions.putIfAbsent(key, position);
        if (filed != null) {
            throw new DuplicateKeyError(this, collection, getKeys(), key);
        }
    }

    @Override
    public synchronized P remove(Document document) {
        return positions.remove(keyOf(document.get("_id")));
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        if (!query.keySet().equals(Set.of("_id"))) {
            return false;
        }
        Object condition = query.get("_id");
        if (condition instanceof Document operators && isOperatorDocument(operators)) {
            return operators.size() == 1 && operators.get("$in") instanceof Collection<?>;
        }
        return !(condition instanceof BsonRegularExpression);
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        Object condition = query.get("_id");
        List<P> found = new ArrayList<>();
        if (condition instanceof Document operators && isOperatorDocument(operators)) {
            for (Object id : (Collection<?>) operators.get("$in")) {
                P position = positions.get(keyOf(id));
                if (position != null && !found.contains(position)) {
                    found.add(position);
                }
            }
            return found;
        }
        P position = positions.get(keyOf(condition));
        return position == null ? List.of() : List.of(position);
    }

    @Override
    public synchronized long getCount() {
        return positions.size();
    }

    @Override
    public synchronized long getDataSize() {
        return positions.size();
    }

    @Override
    public synchronized void checkUpdate(Document oldDocument, Document newDocument,
            MongoCollection<P> collection) {
        KeyValue newKey = keyOf(newDocument.get("_id"));
        P filed = positions.get(newKey);
        if (filed != null && !filed.equals(positions.get(keyOf(oldDocument.get("_id"))))) {
            throw new DuplicateKeyError(this, collection, getKeys(), newKey);
        }
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
            MongoCollection<P> collection) {
        KeyValue oldKey = keyOf(oldDocument.get("_id"));
        KeyValue newKey = keyOf(newDocument.get("_id"));
        if (oldKey.equals(newKey)) {
            return;
        }
        positions.remove(oldKey);
        add(newDocument, position, collection);
    }

    @Override
    public synchronized void drop() {
        positions.clear();
    }

    /** A string id as it is; any other as the server normalises it (numbers as doubles, documents field by field). */
    private static KeyValue keyOf(Object id) {
        KeyValue key = new KeyValue(id);
        return id instanceof String ? key : key.normalized();
    }

    private static boolean isOperatorDocument(Document document) {
        return !document.isEmpty() && document.keySet().iterator().next().startsWith("$");
    }
}
