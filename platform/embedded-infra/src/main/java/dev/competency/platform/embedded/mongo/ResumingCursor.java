package dev.competency.platform.embedded.mongo;

import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A cursor over an index walk that computes each batch when it is asked for, instead of the whole result up front.
 * Axon's tracking read asks for everything after a position, sorted, and reads one batch: with the server's
 * cursors, each read of a replay built the rest of the store in memory. Each batch walks the index again under
 * the collection's lock and skips what was already returned, so a batch sees the collection as it is then, as a
 * MongoDB cursor may.
 */
final class ResumingCursor extends AbstractCursor {

    private final Object collectionLock;
    private final Supplier<Stream<Document>> matches;
    private final int limit;
    private long returned;
    private boolean exhausted;

    /**
     * @param matches the matching documents in the requested order, from the first, read under the lock
     * @param limit the most documents to return over all batches, 0 for no limit
     */
    ResumingCursor(long id, Object collectionLock, Supplier<Stream<Document>> matches, int limit) {
        super(id);
        this.collectionLock = collectionLock;
        this.matches = matches;
        this.limit = limit;
    }

    @Override
    public synchronized boolean isEmpty() {
        return exhausted;
    }

    @Override
    public synchronized List<Document> takeDocuments(int numberToReturn) {
        long wanted = numberToReturn > 0 ? numberToReturn : Long.MAX_VALUE - 1;
        if (limit > 0) {
            wanted = Math.min(wanted, limit - returned);
        }
        List<Document> batch;
        synchronized (collectionLock) {
            // One more than asked for tells whether anything is left.
            batch = matches.get().skip(returned).limit(wanted + 1).collect(Collectors.toList());
        }
        boolean more = batch.size() > wanted;
        if (more) {
            batch = batch.subList(0, (int) wanted);
        }
        returned += batch.size();
        exhausted = !more || (limit > 0 && returned >= limit);
        return batch;
    }
}
