package dev.competency.learners.learner.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.DeleteManyModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import dev.competency.platform.test.ScratchDatabase;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes of a batch reach the store once its last event is handled, in order, newest per key, sent while the next
 * batch is handled; a failure reaches the next batch.
 */
class ReadModelWritesIT {

    private final WriteBehind writeBehind = new WriteBehind("read-model-writes");
    private final ReadModelWrites writes = new ReadModelWrites(writeBehind);
    private ScratchDatabase scratch;
    private MongoDatabase database;
    private MongoCollection<Document> collection;

    @BeforeEach
    void connect() {
        scratch = ScratchDatabase.create("read-model-writes");
        database = scratch.database();
        collection = database.getCollection("entries");
    }

    @AfterEach
    void drop() throws InterruptedException {
        writeBehind.close();
        scratch.close();
    }

    @Test
    void aBatchIsSentAfterItsLastEventInOrder() throws Exception {
        List<Long> storedBeforeEachEvent = new ArrayList<>();
        BatchingUnitOfWork<EventMessage<?>> batch = batchOf("a", "b", "c");
        batch.executeWithResult(() -> {
            storedBeforeEachEvent.add(collection.countDocuments());
            String id = (String) batch.getMessage().getPayload();
            writes.inOrder(collection, new InsertOneModel<>(new Document("_id", id).append("state", "new")));
            if (id.equals("c")) {
                // A later write in the same batch applies after the earlier ones.
                writes.inOrder(collection, new DeleteManyModel<>(Filters.eq("_id", "a")));
            }
            writes.afterEvent(batch);
            return null;
        });
        writeBehind.awaitPending();
        assertThat(storedBeforeEachEvent).containsExactly(0L, 0L, 0L);
        assertThat(collection.find().map(d -> d.getString("_id")).into(new ArrayList<>()))
                .containsExactlyInAnyOrder("b", "c");
    }

    @Test
    void onlyTheNewestGuardedReplacementPerKeyIsSentAndAnOlderOneIsRefusedQuietly() throws Exception {
        collection.insertOne(new Document("_id", "stored").append("sequence", 10L));
        BatchingUnitOfWork<EventMessage<?>> batch = batchOf(1L, 3L, 2L, 5L);
        batch.executeWithResult(() -> {
            long sequence = (Long) batch.getMessage().getPayload();
            writes.newest(collection, "k", sequence, guarded("k", sequence));
            writes.newest(collection, "stored", sequence, guarded("stored", sequence));
            if (sequence == 2L) {
                writes.newest(collection, "gone", sequence, guarded("gone", sequence));
                writes.discardNewest(collection, key -> key.equals("gone"));
            }
            writes.afterEvent(batch);
            return null;
        });
        writeBehind.awaitPending();
        assertThat(collection.find(Filters.eq("_id", "k")).first().getLong("sequence")).isEqualTo(5L);
        assertThat(collection.find(Filters.eq("_id", "stored")).first().getLong("sequence")).isEqualTo(10L);
        assertThat(collection.countDocuments(Filters.eq("_id", "gone"))).isZero();
    }

    @Test
    void theNextBatchWaitsForTheWritesOfTheOneBeforeAndSeesTheirFailure() throws Exception {
        collection.insertOne(new Document("_id", "taken"));
        BatchingUnitOfWork<EventMessage<?>> failing = batchOf("taken", "after-it");
        ResultMessage<?> handedOver = failing.executeWithResult(() -> {
            String id = (String) failing.getMessage().getPayload();
            writes.inOrder(collection, new InsertOneModel<>(new Document("_id", id)));
            writes.afterEvent(failing);
            return null;
        });
        // Handed over, not yet known to fail: the unit of work committed.
        assertThat(handedOver.isExceptional()).isFalse();
        BatchingUnitOfWork<EventMessage<?>> next = batchOf("next");
        ResultMessage<?> result = next.executeWithResult(() -> {
            writes.inOrder(collection, new InsertOneModel<>(new Document("_id", "next")));
            writes.afterEvent(next);
            return null;
        });
        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(MongoBulkWriteException.class);
        // An ordered bulk write stops at its first refusal; the failed next batch sent nothing.
        assertThat(collection.find().map(d -> d.getString("_id")).into(new ArrayList<>()))
                .containsExactly("taken");
        // Raised once: the batches handled again go through.
        collection.deleteOne(Filters.eq("_id", "taken"));
        BatchingUnitOfWork<EventMessage<?>> again = batchOf("taken", "after-it", "next");
        again.executeWithResult(() -> {
            String id = (String) again.getMessage().getPayload();
            writes.inOrder(collection, new InsertOneModel<>(new Document("_id", id)));
            writes.afterEvent(again);
            return null;
        });
        writeBehind.awaitPending();
        assertThat(collection.find().map(d -> d.getString("_id")).into(new ArrayList<>()))
                .containsExactlyInAnyOrder("taken", "after-it", "next");
    }

    @Test
    void withoutAUnitOfWorkEachWriteIsSentAtOnce() {
        writes.inOrder(collection, new InsertOneModel<>(new Document("_id", "now").append("sequence", 0L)));
        writes.newest(collection, "now", 1L, guarded("now", 1L));
        assertThat(collection.find(Filters.eq("_id", "now")).first().getLong("sequence")).isEqualTo(1L);
    }

    private static ReplaceOneModel<Document> guarded(String id, long sequence) {
        return new ReplaceOneModel<>(Filters.and(Filters.eq("_id", id), Filters.lt("sequence", sequence)),
                new Document("_id", id).append("sequence", sequence), new ReplaceOptions().upsert(true));
    }

    private static BatchingUnitOfWork<EventMessage<?>> batchOf(Object... payloads) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (Object payload : payloads) {
            messages.add(GenericEventMessage.asEventMessage(payload));
        }
        return new BatchingUnitOfWork<>(messages);
    }
}
