package dev.competency.platform.service.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.competency.platform.test.ScratchDatabase;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a record-typed collection writes and reads, against the MongoDB-compatible test store. */
class RecordCollectionsIT {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00.123Z");

    private final ScratchDatabase database = ScratchDatabase.create("record-collections");
    private final MongoCollection<Stored> typed = RecordCollections.collection(database.database(), "stored",
            Stored.class);
    private final MongoCollection<Document> raw = database.database().getCollection("stored");

    public record ThingId(String value) implements StringIdentifier {
    }

    public enum Colour { RED }

    public record Part(String name, Integer rank) {
    }

    public record Stored(@BsonId ThingId id, String title, int count, Colour colour, Instant at, List<Part> parts) {
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void storesIdsAsStringsDatesAsDatesAndEnumsByName_whenRecordIsInserted() {
        typed.insertOne(new Stored(new ThingId("t-1"), "One", 3, Colour.RED, AT, List.of(new Part("p", 1))));

        Document stored = raw.find().first();
        assertThat(stored).isNotNull();
        assertThat(stored.get("_id")).isEqualTo("t-1");
        assertThat(stored.get("count")).isEqualTo(3);
        assertThat(stored.get("colour")).isEqualTo("RED");
        assertThat(stored.get("at")).isEqualTo(Date.from(AT));
        assertThat(stored.getList("parts", Document.class)).containsExactly(new Document("name", "p").append("rank", 1));
        assertThat(typed.find(Filters.eq("_id", new ThingId("t-1"))).first())
                .isEqualTo(new Stored(new ThingId("t-1"), "One", 3, Colour.RED, AT, List.of(new Part("p", 1))));
    }

    @Test
    void readsNullAndAbsentFieldsAsNull_whenDocumentWasWrittenByHand() {
        raw.insertOne(new Document("_id", "t-2").append("title", null).append("count", 0).append("colour", null)
                .append("parts", List.of(new Document("name", null))));

        assertThat(typed.find(Filters.eq("_id", new ThingId("t-2"))).first())
                .isEqualTo(new Stored(new ThingId("t-2"), null, 0, null, null, List.of(new Part(null, null))));
    }

    @Test
    void leavesNullComponentsOut_whenRecordIsInserted() {
        typed.insertOne(new Stored(new ThingId("t-3"), null, 1, null, null, null));

        assertThat(raw.find().first()).isEqualTo(new Document("_id", "t-3").append("count", 1));
    }
}
