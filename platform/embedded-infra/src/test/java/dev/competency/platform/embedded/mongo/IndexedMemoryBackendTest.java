package dev.competency.platform.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The indexed backend must answer every query exactly as the server's own backend does, only faster: the same
 * documents, in the same sort order, the same limits, the same duplicate-key errors. Each test writes the same
 * documents to both and compares.
 */
class IndexedMemoryBackendTest {

    private static MongoServer plainServer;
    private static MongoServer indexedServer;
    private static MongoClient plainClient;
    private static MongoClient indexedClient;

    @BeforeAll
    static void start() {
        plainServer = new MongoServer(new MemoryBackend());
        indexedServer = new MongoServer(new IndexedMemoryBackend());
        plainClient = MongoClients.create("mongodb://" + address(plainServer.bind()));
        indexedClient = MongoClients.create("mongodb://" + address(indexedServer.bind()));
    }

    private static String address(java.net.InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    @AfterAll
    static void stop() {
        plainClient.close();
        indexedClient.close();
        plainServer.shutdownNow();
        indexedServer.shutdownNow();
    }

    /**
     * {@code dropIndexes "*"} drops the collection's own indexes, as MongoDB does. The server's own command walks
     * every index of the database and failed on another collection's ("index not found"), which stopped JobRunr's
     * schema migrations on the embedded store.
     */
    @Test
    void dropsOnlyTheCollectionsIndexes_whenAllIndexesAreDropped() {
        MongoCollection<Document> jobs = indexedClient.getDatabase("drop-all").getCollection("jobs");
        MongoCollection<Document> metadata = indexedClient.getDatabase("drop-all").getCollection("metadata");
        jobs.createIndex(Indexes.ascending("state", "scheduledAt"));
        metadata.createIndex(Indexes.ascending("name", "owner"));

        jobs.dropIndexes();

        assertThat(jobs.listIndexes()).extracting(index -> index.getString("name")).containsExactly("_id_");
        assertThat(metadata.listIndexes()).extracting(index -> index.getString("name"))
                .containsExactlyInAnyOrder("_id_", "name_1_owner_1");
    }

    /** Documents shaped like Axon's events: unique (aggregate, sequence), non-unique (timestamp, sequence). */
    @Test
    void answersAsTheServersOwnBackendDoes_whenTheEventStoreReads() {
        Pair events = pair("events");
        events.both(c -> c.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"),
                new IndexOptions().unique(true)));
        events.both(c -> c.createIndex(Indexes.ascending("timestamp", "sequenceNumber")));
        Random random = new Random(42);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<Document> documents = new ArrayList<>();
        int[] sequences = new int[20];
        for (int i = 0; i < 3_000; i++) {
            int aggregate = random.nextInt(20);
            documents.add(new Document("_id", "event-" + i).append("eventIdentifier", "event-" + i)
                    .append("aggregateIdentifier", "learner-" + aggregate)
                    .append("sequenceNumber", (long) sequences[aggregate]++)
                    .append("timestamp", start.plusMillis(random.nextInt(60_000)).toString())
                    .append("payload", "p" + i));
        }
        events.both(c -> c.insertMany(documents.stream().map(Document::new).toList()));

        String middle = start.plusMillis(30_000).toString();
        List<Bson> filters = List.of(
                new Document(),
                Filters.gte("timestamp", middle),
                Filters.gt("timestamp", middle),
                Filters.lt("timestamp", middle),
                Filters.and(Filters.gte("timestamp", middle), Filters.lte("timestamp", start.plusMillis(31_000).toString())),
                Filters.and(Filters.gte("timestamp", middle), Filters.nin("eventIdentifier", "event-1", "event-2")),
                Filters.eq("aggregateIdentifier", "learner-3"),
                Filters.and(Filters.eq("aggregateIdentifier", "learner-3"), Filters.gte("sequenceNumber", 40L)),
                Filters.and(Filters.eq("aggregateIdentifier", "learner-3"), Filters.gte("sequenceNumber", 40)),
                Filters.and(Filters.eq("aggregateIdentifier", "learner-3"), Filters.gt("sequenceNumber", 40.5)),
                Filters.and(Filters.eq("aggregateIdentifier", "nobody"), Filters.gte("sequenceNumber", 0L)),
                Filters.gte("timestamp", 5),
                Filters.eq("sequenceNumber", 7L));
        List<Bson> sorts = List.of(Sorts.ascending("timestamp", "sequenceNumber"),
                Sorts.ascending("sequenceNumber"), Sorts.descending("sequenceNumber"),
                Sorts.ascending("aggregateIdentifier", "sequenceNumber"));
        for (Bson filter : filters) {
            assertThat(events.ids(c -> c.find(filter))).as("ids of %s", filter)
                    .isEqualTo(events.plainIds(c -> c.find(filter)));
            for (Bson sort : sorts) {
                for (int limit : new int[] {0, 1, 100}) {
                    for (int batchSize : new int[] {0, 7}) {
                        Function<MongoCollection<Document>, FindIterable<Document>> query =
                                c -> c.find(filter).sort(sort).limit(limit).batchSize(batchSize);
                        assertThat(events.sortKeys(query, sort))
                                .as("%s sorted by %s, limit %d, batches of %d", filter, sort, limit, batchSize)
                                .isEqualTo(events.plainSortKeys(query, sort));
                    }
                }
            }
        }
    }

    /** Axon reads one batch of a sorted, unlimited query and closes the cursor; the rest is never computed. */
    @Test
    void answersTheFirstBatchInOrder_whenTheReaderStopsAfterIt() {
        Pair events = pair("tracking");
        events.both(c -> c.createIndex(Indexes.ascending("timestamp", "sequenceNumber")));
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            documents.add(new Document("_id", "e" + i).append("timestamp", String.format("2026-01-01T00:%02d:%02dZ",
                    i / 60, i % 60)).append("sequenceNumber", (long) i));
        }
        events.both(c -> c.insertMany(documents.stream().map(Document::new).toList()));
        Bson order = Sorts.ascending("timestamp", "sequenceNumber");
        Bson afterToken = Filters.and(Filters.gte("timestamp", "2026-01-01T00:02:00Z"),
                Filters.nin("eventIdentifier", List.of("x")));
        for (MongoCollection<Document> collection : events.collections()) {
            List<Object> firstBatch = new ArrayList<>();
            try (var cursor = collection.find(afterToken).sort(order).batchSize(10).iterator()) {
                while (cursor.hasNext() && firstBatch.size() < 10) {
                    firstBatch.add(cursor.next().get("sequenceNumber"));
                }
            }
            assertThat(firstBatch).containsExactly(120L, 121L, 122L, 123L, 124L, 125L, 126L, 127L, 128L, 129L);
        }
        events.both(c -> c.insertOne(new Document("_id", "late").append("timestamp", "2026-01-01T00:09:00Z")
                .append("sequenceNumber", 999L)));
        assertThat(events.sortKeys(c -> c.find(afterToken).sort(order).batchSize(50), order))
                .isEqualTo(events.plainSortKeys(c -> c.find(afterToken).sort(order).batchSize(50), order))
                .hasSize(381);
    }

    @Test
    void refusesDuplicates_whenUniqueIndexedValuesAreInsertedUpdatedOrDeleted() {
        Pair snapshots = pair("snapshots");
        snapshots.both(c -> c.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"),
                new IndexOptions().unique(true)));
        snapshots.both(c -> c.insertOne(new Document("_id", "s1").append("aggregateIdentifier", "a").append("sequenceNumber", 1L)));
        snapshots.both(c -> c.insertOne(new Document("aggregateIdentifier", "a").append("sequenceNumber", 2L)));

        for (MongoCollection<Document> collection : snapshots.collections()) {
            assertThatThrownBy(() -> collection.insertOne(
                    new Document("aggregateIdentifier", "a").append("sequenceNumber", 2.0)))
                    .isInstanceOfSatisfying(MongoWriteException.class, e ->
                            assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            assertThatThrownBy(() -> collection.updateOne(Filters.eq("sequenceNumber", 1L),
                    Updates.set("sequenceNumber", 2L))).isInstanceOf(MongoWriteException.class);
        }
        snapshots.both(c -> c.updateOne(Filters.eq("sequenceNumber", 1L), Updates.set("sequenceNumber", 5L)));
        snapshots.both(c -> c.deleteOne(Filters.and(Filters.eq("aggregateIdentifier", "a"),
                Filters.eq("sequenceNumber", 2L))));
        snapshots.both(c -> c.insertOne(new Document("aggregateIdentifier", "a").append("sequenceNumber", 2L)));

        // A conditional replace by _id: applied when older, refused as a duplicate key when newer is stored.
        snapshots.both(c -> c.replaceOne(Filters.and(Filters.eq("_id", "s1"), Filters.lt("sequenceNumber", 9L)),
                new Document("_id", "s1").append("aggregateIdentifier", "a").append("sequenceNumber", 7L),
                new ReplaceOptions().upsert(true)));
        for (MongoCollection<Document> collection : snapshots.collections()) {
            assertThatThrownBy(() -> collection.replaceOne(Filters.and(Filters.eq("_id", "s1"),
                    Filters.lt("sequenceNumber", 3L)), new Document("_id", "s1").append("aggregateIdentifier", "a")
                    .append("sequenceNumber", 3L), new ReplaceOptions().upsert(true)))
                    .isInstanceOfSatisfying(MongoWriteException.class, e ->
                            assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        }
        snapshots.both(c -> c.updateOne(Filters.and(Filters.eq("_id", "s1"), Filters.eq("sequenceNumber", 7L)),
                Updates.set("sequenceNumber", 5L)));

        Bson sort = Sorts.descending("sequenceNumber");
        Function<MongoCollection<Document>, FindIterable<Document>> latest =
                c -> c.find(Filters.eq("aggregateIdentifier", "a")).sort(sort).limit(1);
        assertThat(snapshots.sortKeys(latest, sort)).containsExactly(List.of(5L));
        assertThat(snapshots.sortKeys(c -> c.find(Filters.eq("aggregateIdentifier", "a")).sort(Sorts.ascending(
                "sequenceNumber")), Sorts.ascending("sequenceNumber"))).containsExactly(List.of(2L), List.of(5L));
    }

    /** Axon's counter of event numbers: each increment answers the value it made, under concurrent updates. */
    @Test
    void answersEachIncrementItsOwnValue_whenIncrementsRunConcurrently() throws Exception {
        MongoCollection<Document> counters = indexedClient.getDatabase("test").getCollection("counters");
        counters.insertOne(new Document("_id", "events").append("next", 0L));
        int threads = 4;
        int each = 250;
        Set<Long> answered = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        answered.add(counters.findOneAndUpdate(Filters.eq("_id", "events"), Updates.inc("next", 1L),
                                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)).getLong("next"));
                    }
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answered).as("no value answered twice").hasSize(threads * each);
    }

    /** Read models: equality on a secondary key, values of mixed types, missing fields and arrays. */
    @Test
    void answersEquality_whenValuesAreMixedArraysOrMissing() {
        Pair timeline = pair("timeline");
        timeline.both(c -> c.createIndex(Indexes.ascending("learnerId", "occurredAt")));
        timeline.both(c -> c.createIndex(Indexes.ascending("tags")));
        Random random = new Random(7);
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Document document = new Document("_id", "e" + i);
            switch (i % 5) {
                case 0 -> document.append("learnerId", "learner-" + random.nextInt(10));
                case 1 -> document.append("learnerId", random.nextInt(10));
                case 2 -> document.append("learnerId", (double) random.nextInt(10));
                case 3 -> document.append("learnerId", null);
                default -> { }
            }
            document.append("occurredAt", Date.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(500))));
            if (i % 3 == 0) {
                document.append("tags", List.of("t" + random.nextInt(4), "t" + random.nextInt(4)));
            }
            documents.add(document);
        }
        documents.add(new Document("_id", new Document("stamp", "learner-1")).append("stamp", "s1"));
        timeline.both(c -> c.insertMany(documents.stream().map(Document::new).toList()));
        timeline.both(c -> c.deleteMany(Filters.eq("learnerId", "learner-3")));
        timeline.both(c -> c.updateMany(Filters.eq("learnerId", 4), Updates.set("learnerId", "learner-4")));

        Date middle = Date.from(Instant.parse("2026-01-01T00:04:00Z"));
        List<Bson> filters = List.of(Filters.eq("learnerId", "learner-4"), Filters.eq("learnerId", 2),
                Filters.eq("learnerId", 2.0), Filters.eq("learnerId", 2L), Filters.eq("learnerId", null),
                Filters.exists("learnerId", false), Filters.eq("learnerId", "learner-3"),
                Filters.and(Filters.eq("learnerId", "learner-5"), Filters.gte("occurredAt", middle)),
                Filters.eq("tags", "t1"), Filters.gte("tags", "t2"), Filters.in("learnerId", "learner-1", 1),
                // $nin over strings is matched with a hash set: against strings, numbers, null, missing and arrays.
                Filters.nin("tags", "t1"), Filters.nin("learnerId", "learner-1", "learner-2"),
                Filters.and(Filters.nin("learnerId", "learner-1"), Filters.nin("tags", "t2", "t3")),
                Filters.and(Filters.eq("learnerId", "learner-5"), Filters.nin("_id", "e5", "e10")),
                Filters.nin("learnerId", 1, "learner-1"),
                // _id beside other conditions: the server's own _id index answers only {_id: value}.
                Filters.and(Filters.eq("_id", "e10"), Filters.exists("learnerId")),
                Filters.and(Filters.eq("_id", "e11"), Filters.eq("learnerId", "nobody")),
                new Document("_id", "e12").append("occurredAt", new Document("$gte", middle)),
                Filters.and(Filters.eq("_id", new Document("stamp", "learner-1")), Filters.exists("stamp")),
                Filters.and(Filters.in("_id", "e1", "e2"), Filters.eq("learnerId", "learner-1")));
        for (Bson filter : filters) {
            assertThat(timeline.ids(c -> c.find(filter))).as("ids of %s", filter)
                    .isEqualTo(timeline.plainIds(c -> c.find(filter)));
            assertThat(timeline.ids(c -> c.find(filter).sort(Sorts.ascending("occurredAt", "_id")).limit(7)))
                    .as("first 7 of %s", filter)
                    .isEqualTo(timeline.plainIds(c -> c.find(filter).sort(Sorts.ascending("occurredAt", "_id")).limit(7)));
        }
        assertThat(timeline.ids(c -> c.find(Filters.eq("learnerId", "learner-4")))).isNotEmpty();
        assertThat(timeline.indexed().countDocuments(Filters.eq("tags", "t1")))
                .isEqualTo(timeline.plain().countDocuments(Filters.eq("tags", "t1")));
    }

    /** Ids of every kind the services store: the {@code _id} index answers, refuses and follows as the server's. */
    @Test
    void findsAndRefusesIdsAsTheServersOwnIndexDoes_whenIdsAreOfEveryKind() {
        Pair entries = pair("ids");
        List<Object> ids = List.of("e1", "e2", "e10", 1, 2L, 3.5, new Document("stamp", "learner-1"),
                new Document("stamp", "learner-2"), new ObjectId("5f0000000000000000000001"), true);
        entries.both(c -> c.insertMany(ids.stream().map(id -> new Document("_id", id).append("v", 1)).toList()));

        // Numbers are one key by value, whatever their type; a document id by its fields.
        for (Object duplicate : List.of("e1", 1L, 1.0, 2, 2.0, new Document("stamp", "learner-1"))) {
            for (MongoCollection<Document> collection : entries.collections()) {
                assertThatThrownBy(() -> collection.insertOne(new Document("_id", duplicate)))
                        .as("insert of %s", duplicate)
                        .isInstanceOfSatisfying(MongoWriteException.class, e ->
                                assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            }
        }
        entries.both(c -> c.deleteOne(Filters.eq("_id", 2.0)));
        entries.both(c -> c.insertOne(new Document("_id", 2).append("v", 2)));
        entries.both(c -> c.replaceOne(Filters.eq("_id", new Document("stamp", "learner-2")),
                new Document("_id", new Document("stamp", "learner-2")).append("v", 3), new ReplaceOptions().upsert(true)));
        entries.both(c -> c.replaceOne(Filters.eq("_id", new Document("stamp", "learner-3")),
                new Document("_id", new Document("stamp", "learner-3")).append("v", 4), new ReplaceOptions().upsert(true)));
        entries.both(c -> c.updateOne(Filters.eq("_id", "e10"), Updates.set("v", 5), new UpdateOptions().upsert(true)));
        entries.both(c -> c.updateOne(Filters.eq("_id", "e11"), Updates.set("v", 6), new UpdateOptions().upsert(true)));

        List<Bson> filters = List.of(Filters.eq("_id", "e1"), Filters.eq("_id", 1L), Filters.eq("_id", 2.0),
                Filters.eq("_id", 3.5), Filters.eq("_id", "nobody"), Filters.eq("_id", new Document("stamp", "learner-2")),
                Filters.eq("_id", new ObjectId("5f0000000000000000000001")), Filters.eq("_id", true),
                Filters.in("_id", "e1", 1.0, "nobody", new Document("stamp", "learner-3"), "e1"),
                Filters.regex("_id", "^e1"), Filters.gt("_id", "e10"), Filters.lt("_id", 3));
        for (Bson filter : filters) {
            assertThat(entries.ids(c -> c.find(filter))).as("ids of %s", filter)
                    .isEqualTo(entries.plainIds(c -> c.find(filter)));
        }
        assertThat(entries.indexed().find(Filters.eq("_id", 2L)).first().getInteger("v")).isEqualTo(2);
        assertThat(entries.indexed().countDocuments()).isEqualTo(entries.plain().countDocuments()).isEqualTo(12);

        // Sizes are worked out when asked for, and agree with the sizes the server keeps up at every write.
        Function<MongoClient, Object> size = client -> client.getDatabase("test")
                .runCommand(new Document("collStats", "ids")).get("size");
        assertThat(size.apply(indexedClient)).isEqualTo(size.apply(plainClient)).isNotEqualTo(0);
    }

    /** A non-unique key filed for one document, then several, then one again as they change and go. */
    @Test
    void followsInsertsUpdatesAndDeletes_whenDocumentsShareAKey() {
        Pair shared = pair("shared");
        shared.both(c -> c.createIndex(Indexes.ascending("team", "at")));
        shared.both(c -> c.insertMany(List.of(new Document("_id", 1).append("team", "t1").append("at", 5L),
                new Document("_id", 2).append("team", "t1").append("at", 5L),
                new Document("_id", 3).append("team", "t1").append("at", 5L),
                new Document("_id", 4).append("team", "t2").append("at", 5L))));
        Bson sameKey = Filters.and(Filters.eq("team", "t1"), Filters.eq("at", 5L));
        assertThat(shared.ids(c -> c.find(sameKey))).containsExactlyInAnyOrder(1, 2, 3);

        shared.both(c -> c.deleteOne(Filters.eq("_id", 2)));
        shared.both(c -> c.updateOne(Filters.eq("_id", 3), Updates.set("team", "t2")));
        shared.both(c -> c.updateOne(Filters.eq("_id", 4), Updates.set("note", "same key, other field")));
        for (Bson filter : List.of(sameKey, Filters.eq("team", "t2"), Filters.gte("team", "t1"),
                Filters.and(Filters.eq("team", "t2"), Filters.lt("at", 6L)))) {
            assertThat(shared.ids(c -> c.find(filter))).as("ids of %s", filter)
                    .isEqualTo(shared.plainIds(c -> c.find(filter)));
        }
        assertThat(shared.ids(c -> c.find(sameKey))).containsExactly(1);

        shared.both(c -> c.deleteOne(Filters.eq("_id", 1)));
        shared.both(c -> c.deleteMany(Filters.eq("team", "t2")));
        assertThat(shared.ids(c -> c.find(Filters.gte("team", "")))).isEmpty();
        shared.both(c -> c.insertOne(new Document("_id", 5).append("team", "t1").append("at", 5L)));
        assertThat(shared.ids(c -> c.find(sameKey))).containsExactly(5);
    }

    /**
     * Documents are kept encoded: every value type the services store comes back as it was stored and as updates
     * changed it, in the order of a scan either way, exactly as from the server's own backend.
     */
    @Test
    void returnsDocumentsAsStored_whenTheyHoldValuesOfEveryType() {
        Pair documents = pair("encoded");
        Document nested = new Document("level", "proficient").append("score", 0.75)
                .append("evidence", List.of("e1", "e2", new Document("weight", 2)));
        documents.both(c -> c.insertMany(List.of(
                new Document("_id", "a").append("long", 1L).append("int", 2).append("double", 3.5)
                        .append("string", "é ✓ text").append("flag", true).append("none", null)
                        .append("date", Date.from(Instant.parse("2026-03-01T10:15:30.123Z")))
                        .append("nested", nested).append("objectId", new ObjectId("5f0000000000000000000002"))
                        .append("decimal", new org.bson.types.Decimal128(new java.math.BigDecimal("12.50")))
                        .append("binary", new org.bson.types.Binary(new byte[] {1, 2, 3})),
                new Document("_id", new Document("stamp", "learner-1")).append("list", List.of(1, 2L, "three")),
                new Document("_id", 3).append("removed", "soon"))));
        documents.both(c -> c.updateOne(Filters.eq("_id", "a"), Updates.combine(Updates.inc("long", 5L),
                Updates.set("nested.level", "expert"), Updates.push("nested.evidence", "e3"),
                Updates.unset("none"), Updates.currentDate("changedAt"))));
        documents.both(c -> c.replaceOne(Filters.eq("_id", new Document("stamp", "learner-1")),
                new Document("replaced", List.of()).append("at", 7L)));
        documents.both(c -> c.deleteOne(Filters.eq("_id", 3)));
        documents.both(c -> c.insertOne(new Document("_id", 4).append("reuses", "a freed place")));
        documents.both(c -> c.updateOne(Filters.eq("_id", 5), Updates.set("upserted", true),
                new UpdateOptions().upsert(true)));

        for (Bson order : List.of(new Document("$natural", 1), new Document("$natural", -1))) {
            List<Document> indexed = documents.indexed().find().sort(order).into(new ArrayList<>());
            List<Document> plain = documents.plain().find().sort(order).into(new ArrayList<>());
            indexed.forEach(document -> document.remove("changedAt"));
            plain.forEach(document -> document.remove("changedAt"));
            assertThat(indexed).as("scan in %s", order).isEqualTo(plain).hasSize(4);
        }
        Document changed = documents.indexed().find(Filters.eq("_id", "a")).first();
        assertThat(changed.getLong("long")).isEqualTo(6L);
        assertThat(changed.get("nested", Document.class).getList("evidence", Object.class)).hasSize(4).last()
                .isEqualTo("e3");
        assertThat(changed.get("changedAt")).isInstanceOf(Date.class);
        assertThat(changed).doesNotContainKey("none");
    }

    private static Pair pair(String name) {
        return new Pair(plainClient.getDatabase("test").getCollection(name),
                indexedClient.getDatabase("test").getCollection(name));
    }

    /** The same collection on both servers. */
    private record Pair(MongoCollection<Document> plain, MongoCollection<Document> indexed) {

        List<MongoCollection<Document>> collections() {
            return List.of(plain, indexed);
        }

        void both(java.util.function.Consumer<MongoCollection<Document>> action) {
            action.accept(plain);
            action.accept(indexed);
        }

        Set<Object> ids(Function<MongoCollection<Document>, FindIterable<Document>> query) {
            return idsOf(query.apply(indexed));
        }

        Set<Object> plainIds(Function<MongoCollection<Document>, FindIterable<Document>> query) {
            return idsOf(query.apply(plain));
        }

        /** The sort keys of each result in order: what a sort defines, whatever order ties come in. */
        List<List<Object>> sortKeys(Function<MongoCollection<Document>, FindIterable<Document>> query, Bson sort) {
            return keysOf(query.apply(indexed), sort);
        }

        List<List<Object>> plainSortKeys(Function<MongoCollection<Document>, FindIterable<Document>> query,
                Bson sort) {
            return keysOf(query.apply(plain), sort);
        }

        private static Set<Object> idsOf(FindIterable<Document> results) {
            Set<Object> ids = new HashSet<>();
            results.forEach(document -> ids.add(document.get("_id")));
            return ids;
        }

        private static List<List<Object>> keysOf(FindIterable<Document> results, Bson sort) {
            Set<String> fields = sort.toBsonDocument().keySet();
            List<List<Object>> keys = new ArrayList<>();
            results.forEach(document -> keys.add(fields.stream().map(document::get).toList()));
            return keys;
        }
    }
}
