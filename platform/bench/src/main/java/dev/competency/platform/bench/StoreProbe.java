package dev.competency.platform.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Arrays;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Times, directly against the store, the three reads the event store makes: the tracking fetch at the head (what
 * the event store's producer thread runs after every commit), a tracking fetch from the start (what a rebuild runs),
 * and the load of one aggregate's events, each shaped as the service sends it (a range of the global sequence,
 * sorted and limited; the aggregate's events by id and sequence number).
 */
final class StoreProbe {

    private static final int REPEAT = 5;
    private static final int FETCH = 1_000;

    private StoreProbe() {
    }

    static void report(MongoDatabase database, Report report) {
        MongoCollection<Document> events = database.getCollection("domainevents");
        Bson numbered = Filters.exists("globalIndex");
        Document first = events.find(numbered).sort(Sorts.ascending("globalIndex")).limit(1).first();
        Document last = events.find(numbered).sort(Sorts.descending("globalIndex")).limit(1).first();
        if (first == null || last == null) {
            report.note("  no store probe: the event store holds no numbered events");
            return;
        }
        Bson order = Sorts.ascending("globalIndex");
        String aggregate = last.getString("aggregateIdentifier");
        long count = events.countDocuments();
        double head = median(() -> events.find(Filters.gt("globalIndex", last.getLong("globalIndex") - 10))
                .sort(order).limit(FETCH).into(new ArrayList<>()));
        double replay = median(() -> events.find(Filters.gt("globalIndex", first.getLong("globalIndex") - 1))
                .sort(order).limit(FETCH).into(new ArrayList<>()));
        double load = median(() -> events.find(Filters.and(Filters.eq("aggregateIdentifier", aggregate),
                Filters.gte("sequenceNumber", 0L))).sort(Sorts.ascending("aggregateIdentifier", "sequenceNumber"))
                .into(new ArrayList<>()));
        report.add("store probe at %d stored events (median of %d): tracking fetch at the head %.1f ms, tracking"
                + " fetch of %d from the start %.1f ms, load of one learner's events %.1f ms", count, REPEAT, head,
                FETCH, replay, load);
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
