package dev.competency.platform.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.competency.platform.embedded.EmbeddedMongo;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;

/**
 * The heap the embedded store (memory backend) keeps for stored events: inserts documents shaped as the event
 * store writes them (a 700-character serialised payload, 40 events per aggregate, Axon's three indexes) into a
 * server in this JVM, collects, and prints the heap in use. Run it with
 * {@code mvn -B -q -pl platform/bench compile exec:java -Dbench.main=dev.competency.platform.bench.StoreFootprint
 * -Dexec.args=300000}; the JVM's heap is {@code MAVEN_OPTS}'.
 */
public final class StoreFootprint {

    private static final int BATCH = 1_000;

    private StoreFootprint() {
    }

    public static void main(String[] args) throws InterruptedException {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        Runtime runtime = Runtime.getRuntime();
        settle();
        long before = runtime.totalMemory() - runtime.freeMemory();
        try (EmbeddedMongo mongo = EmbeddedMongo.start(0, Optional.empty());
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> store = client.getDatabase("footprint").getCollection("domainevents");
            store.createIndex(Indexes.ascending("globalIndex"), new IndexOptions().unique(true).sparse(true));
            store.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"),
                    new IndexOptions().unique(true));
            store.createIndex(Indexes.ascending("timestamp"));
            String payload = "x".repeat(700);
            long started = System.nanoTime();
            for (long first = 0; first < events; first += BATCH) {
                List<Document> batch = new ArrayList<>(BATCH);
                for (long index = first; index < Math.min(first + BATCH, events); index++) {
                    batch.add(event(index, payload));
                }
                store.insertMany(batch);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            settle();
            long after = runtime.totalMemory() - runtime.freeMemory();
            System.out.printf("%,d events stored in %.1f s; heap kept by the store: %,.0f MB (%,.0f bytes per event)%n",
                    events, seconds, (after - before) / 1e6, (double) (after - before) / events);
        }
    }

    private static Document event(long index, String payload) {
        return new Document("type", "Learner").append("aggregateIdentifier", "learner-" + index / 40)
                .append("sequenceNumber", index % 40).append("eventIdentifier", UUID.randomUUID().toString())
                .append("timestamp", new Date(1_700_000_000_000L + index / 2))
                .append("payloadType", "dev.competency.learners.learner.domain.EvidenceAccepted")
                .append("payloadRevision", null).append("serializedPayload", payload)
                .append("serializedMetaData", "{}").append("globalIndex", index)
                .append("appendedAt", 1_700_000_000_000L + index);
    }

    /** Collects until what is in use stops falling. */
    private static void settle() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
    }
}
