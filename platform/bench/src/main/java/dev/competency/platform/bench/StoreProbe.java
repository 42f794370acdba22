package dev.competency.platform.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Times, directly against the store, the three reads Axon's MongoDB event store makes: the tracking fetch near the
 * head (what the event store's producer thread runs after every commit), the tracking fetch from the start (what a
 * replay runs), and the load of one aggregate's events, each shaped as Axon sends it (the tracking fetch: after a
 * timestamp, known event ids excluded, sorted by timestamp and sequence number, no limit, one batch read and the
 * cursor closed). Without usable indexes each is a scan of the whole event collection under its lock, which appends
 * wait for.
 */
final class StoreProbe {

    private static final int REPEAT = 5;
    private static final int FETCH = 100;

    private StoreProbe() {
    }

    static void report(MongoDatabase database, Report report) {
        MongoCollection<Document> events = database.getCollection("domainevents");
        Document first = events.find().first();
        if (first == null) {
            return;
        }
        Object firstTimestamp = first.get("timestamp");
        Object recent = firstTimestamp instanceof Date ? Date.from(Instant.now().minusSeconds(1))
                : Instant.now().minusSeconds(1).toString();
        Bson order = Sorts.ascending("timestamp", "sequenceNumber");
        String aggregate = first.getString("aggregateIdentifier");
        long count = events.countDocuments();
        double head = median(() -> firstBatch(events, Filters.and(Filters.gte("timestamp", recent),
                Filters.nin("eventIdentifier", List.of())), order));
        double replay = median(() -> firstBatch(events, Filters.and(Filters.gte("timestamp", firstTimestamp),
                Filters.nin("eventIdentifier", List.of())), order));
        double load = median(() -> events.find(Filters.and(Filters.eq("aggregateIdentifier", aggregate),
                Filters.gte("sequenceNumber", 0L))).sort(Sorts.ascending("sequenceNumber")).into(new ArrayList<>()));
        report.add("store probe at %d stored events (median of %d): tracking fetch at the head %.1f ms, tracking"
                + " fetch of %d from the start %.1f ms, load of one learner's events %.1f ms", count, REPEAT, head,
                FETCH, replay, load);
    }

    /** What Axon's tracking fetch does: one batch of a sorted query without a limit, then the cursor closed. */
    private static List<Document> firstBatch(MongoCollection<Document> events, Bson filter, Bson order) {
        List<Document> batch = new ArrayList<>();
        try (MongoCursor<Document> cursor = events.find(filter).sort(order).batchSize(FETCH).iterator()) {
            while (batch.size() < FETCH && cursor.hasNext()) {
                batch.add(cursor.next());
            }
        }
        return batch;
    }

    private static double median(Runnable query) {
        double[] millis = new double[REPEAT];
        for (int i = 0; i < REPEAT; i++) {
            long started = System.nanoTime();
            query.run();
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        return millis[REPEAT / 2];
    }
}
