package dev.competency.platform.embedded.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.List;
import org.h2.mvstore.MVStore;

/**
 * The embedded server's file backend with {@linkplain OrderedIndex ordered} secondary indexes. They live in memory
 * and are rebuilt from the stored documents when the server opens the file; the unique indexes stay the backend's
 * own, stored in the file.
 */
public final class IndexedH2Backend extends H2Backend {

    public IndexedH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    private static final class IndexedH2Database extends H2Database {

        IndexedH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
            super(databaseName, store, cursorRegistry);
        }

        /** {@code dropIndexes "*"} drops this collection's indexes only ({@link CollectionIndexes}). */
        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
                Oplog oplog) {
            if (!CollectionIndexes.dropsAll(command, query)) {
                return super.handleCommand(channel, command, query, resolver, oplog);
            }
            String namespace = getFullCollectionNamespace((String) query.get(CollectionIndexes.DROP_INDEXES));
            for (String name : CollectionIndexes.droppableNames(indexes.get(), namespace)) {
                super.handleCommand(channel, command, CollectionIndexes.dropOne(query, name), resolver, oplog);
            }
            Document ok = new Document();
            ok.put("ok", 1.0);
            return ok;
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                List<IndexKey> keys, boolean sparse) {
            return new OrderedIndex<>(indexName, keys, sparse, false);
        }
    }
}
