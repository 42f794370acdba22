package dev.competency.platform.embedded.mongo;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.List;

/**
 * The embedded server's in-memory backend with {@linkplain OrderedIndex ordered} secondary and compound unique
 * indexes, so that the indexes the services and Axon declare serve their queries as they do on MongoDB.
 */
public final class IndexedMemoryBackend extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedMemoryDatabase(databaseName, getCursorRegistry());
    }

    private static final class IndexedMemoryDatabase extends MemoryDatabase {

        IndexedMemoryDatabase(String databaseName, CursorRegistry cursorRegistry) {
            super(databaseName, cursorRegistry);
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new IndexedMemoryCollection(this, collectionName, options, cursorRegistry);
        }

        @Override
        protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
                List<IndexKey> keys, boolean sparse) {
            return new OrderedIndex<>(indexName, keys, sparse, false);
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

        /** The {@code _id} index is a hash of the ids ({@link IdIndex}); other unique indexes are ordered too. */
        @Override
        protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName,
                List<IndexKey> keys, boolean sparse) {
            if (IdIndex.serves(keys, sparse)) {
                return new IdIndex<>(indexName, keys);
            }
            return new OrderedIndex<>(indexName, keys, sparse, true);
        }
    }
}
