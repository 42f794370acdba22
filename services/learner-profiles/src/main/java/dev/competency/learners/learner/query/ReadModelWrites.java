package dev.competency.learners.learner.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * The read-model processor's writes, kept in the batch's unit of work and handed over when its last event has been
 * handled: one bulk write per collection instead of one round trip per event. A batch of a pooled processor's segment
 * is sent by {@link WriteBehind} while the segment handles its next batch, and the segment's token is stored behind
 * it ({@link WriteBehindTokenStore}): a failed write fails the segment's next batch and keeps its token before the
 * failed one, so both are handled again, and a crash loses nothing that a token says was done. Each batch keeps its
 * writes in its own unit of work and each segment has its own line of pending writes, so the processor may run
 * several threads over several segments. A batch with no segment (another kind of processor) is sent on the
 * processor's thread before its unit of work commits; outside a unit of work (tests calling a projection directly)
 * each write is sent at once.
 *
 * <p>Two kinds of writes: {@linkplain #inOrder in order}, for writes that must apply in sequence (a void after its
 * evidence); and {@linkplain #newest the newest per key}, for replacements guarded by a sequence number, where only
 * the newest of a batch matters and a duplicate-key refusal means that a newer one is stored already.
 */
@Component
public class ReadModelWrites implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String RESOURCE = ReadModelWrites.class.getName();
    /** Where a pooled processor's batch keeps its segment's id (Axon's {@code WorkPackage}). */
    private static final String SEGMENT = "Processor[" + ReadModels.PROCESSING_GROUP + "]/SegmentId";

    private final WriteBehind writeBehind;

    public ReadModelWrites(WriteBehind writeBehind) {
        this.writeBehind = writeBehind;
    }

    /** Adds a write to send after the ones added before it to the same collection. */
    <T> void inOrder(MongoCollection<T> collection, WriteModel<T> write) {
        Batch batch = currentBatch();
        if (batch == null) {
            collection.bulkWrite(List.of(write));
            return;
        }
        batch.of(collection).ordered.add(write);
    }

    /** Adds a guarded replacement; of several for one key in a batch, only the highest {@code order} is sent. */
    <T> void newest(MongoCollection<T> collection, String key, long order, WriteModel<T> write) {
        Batch batch = currentBatch();
        if (batch == null) {
            sendIgnoringDuplicateKeys(collection, List.of(write));
            return;
        }
        batch.of(collection).newest.merge(key, new Keyed<>(order, write), (a, b) -> a.order() >= b.order() ? a : b);
    }

    /**
     * Drops the pending newest-per-key writes whose key matches, before a deletion of the same entries is added in
     * order: the in-order writes are sent first, so a pending replacement would otherwise bring them back.
     */
    void discardNewest(MongoCollection<?> collection, Predicate<String> keys) {
        Batch batch = currentBatch();
        if (batch != null) {
            batch.of(collection).newest.keySet().removeIf(keys);
        }
    }

    /** As the read-model processor's handler interceptor: sends the batch's writes after its last event. */
    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        Object result = interceptorChain.proceed();
        afterEvent(unitOfWork);
        return result;
    }

    /**
     * Hands over what the batch holds when the event being handled is its last; called after every event. A failure
     * of the segment's batch before is raised here, to the handling of that event, and so fails this batch.
     */
    void afterEvent(UnitOfWork<?> unitOfWork) {
        if (unitOfWork instanceof BatchingUnitOfWork<?> batching && !batching.isLastMessage()) {
            return;
        }
        Batch batch = (Batch) unitOfWork.root().resources().remove(RESOURCE);
        if (batch == null) {
            return;
        }
        if (unitOfWork.root().resources().get(SEGMENT) instanceof Integer segment) {
            writeBehind.send(segment, batch::send);
        } else {
            batch.send();
        }
    }

    /** Unordered: each key appears once, so order does not matter and one refusal does not stop the others. */
    private static <T> void sendIgnoringDuplicateKeys(MongoCollection<T> collection, List<WriteModel<T>> writes) {
        try {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            if (e.getWriteConcernError() != null) {
                throw e;
            }
        }
    }

    private static Batch currentBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return (Batch) CurrentUnitOfWork.get().root().resources().computeIfAbsent(RESOURCE, k -> new Batch());
    }

    private static final class Batch {
        private final Map<MongoCollection<?>, Writes<?>> byCollection = new LinkedHashMap<>();

        /** The writes to this collection; keyed by the collection, so they are of its document type. */
        @SuppressWarnings("unchecked")
        <T> Writes<T> of(MongoCollection<T> collection) {
            return (Writes<T>) byCollection.computeIfAbsent(collection, c -> new Writes<>(collection));
        }

        void send() {
            byCollection.values().forEach(Writes::send);
        }
    }

    private record Writes<T>(MongoCollection<T> collection, List<WriteModel<T>> ordered, Map<String, Keyed<T>> newest) {

        Writes(MongoCollection<T> collection) {
            this(collection, new ArrayList<>(), new LinkedHashMap<>());
        }

        void send() {
            if (!ordered.isEmpty()) {
                collection.bulkWrite(ordered);
            }
            if (!newest.isEmpty()) {
                sendIgnoringDuplicateKeys(collection, newest.values().stream().map(Keyed::write).toList());
            }
        }
    }

    private record Keyed<T>(long order, WriteModel<T> write) {
    }
}
