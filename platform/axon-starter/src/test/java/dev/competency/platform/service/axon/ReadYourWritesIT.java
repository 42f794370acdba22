package dev.competency.platform.service.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import dev.competency.platform.test.ScratchDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests wait for the read models' processor as its tokens are stored in the token store (by whichever instance
 * holds them), compared with the event store's global sequence; on the real store or the embedded server.
 */
class ReadYourWritesIT {

    private static final String PROCESSOR = "read-models";
    /** Aggregates whose events are for segment 0 and for segment 1 of two (the hash of the id, even or odd). */
    private static final String SEGMENT_0 = "b";
    private static final String SEGMENT_1 = "a";

    private final Serializer serializer = new AxonMongoConfiguration().serializer();
    private ScratchDatabase scratch;
    private MongoDatabase database;
    private SequencedMongoEventStorageEngine store;
    private MongoTokenStore tokens;
    private ReadYourWrites readYourWrites;

    @BeforeEach
    void freshStores() {
        scratch = ScratchDatabase.create("read-your-writes");
        database = scratch.database();
        store = new SequencedMongoEventStorageEngine(database, serializer, 100, Clock.systemUTC(),
                Duration.ofSeconds(60));
        store.ensureIndexes();
        MongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(database).build();
        tokens = MongoTokenStore.builder().mongoTemplate(template).serializer(serializer).build();
        tokens.initializeTokenSegments(PROCESSOR, 2);
        tokens.fetchToken(PROCESSOR, 0);
        tokens.fetchToken(PROCESSOR, 1);
        readYourWrites = new ReadYourWrites(PROCESSOR, template, serializer, store, Duration.ofMillis(300));
    }

    @AfterEach
    void dropStores() {
        store.close();
        scratch.close();
    }

    @Test
    void returns_whenEverySegmentHasReadTheLastStoredEvent() {
        append("a", 0);
        append("a", 1);
        readTo(0, token(1));
        readTo(1, token(1));

        readYourWrites.awaitCurrent();
    }

    @Test
    void answersReadModelBehind_whenOneSegmentHasNotReadThatFar() {
        append("a", 0);
        append("a", 1);
        readTo(0, token(1));
        readTo(1, token(0));

        assertThatThrownBy(readYourWrites::awaitCurrent).isInstanceOf(ReadModelBehind.class)
                .hasMessageContaining("event 1");
    }

    @Test
    void holdsRequestsBack_whenTheTokensAreBeingReset() {
        append("a", 0);
        readTo(0, store.createTailToken());
        readTo(1, store.createTailToken());

        assertThatThrownBy(readYourWrites::awaitCurrent).isInstanceOf(ReadModelBehind.class);
    }

    @Test
    void returnsOnceTheProcessorHandledTheWrite_whenItsTokenIsStoredLater() {
        append("a", 0);
        readTo(0, token(0));
        readTo(1, token(0));
        ReadYourWrites patient = new ReadYourWrites(PROCESSOR, DefaultMongoTemplate.builder().mongoDatabase(database)
                .build(), serializer, store, Duration.ofSeconds(20));

        CompletableFuture<String> write = CompletableFuture.supplyAsync(() -> patient.afterWrite(() -> {
            append("a", 1);
            return "stored";
        }));
        await().atMost(Duration.ofSeconds(10)).until(() -> store.createHeadToken().position().orElse(-1) == 1);
        assertThat(write).isNotDone();
        readTo(0, token(1));
        readTo(1, token(1));

        await().atMost(Duration.ofSeconds(10)).until(write::isDone);
        assertThat(write.join()).isEqualTo("stored");
    }

    @Test
    void waitsForTheWrite_whenTheProcessorReadPastItAsAGap() {
        append("a", 0);
        readTo(0, token(0));
        readTo(1, token(0));

        assertThatThrownBy(() -> readYourWrites.afterWrite(() -> {
            append(SEGMENT_0, 0);
            append("a", 1);
            // Segment 0 read past event 1, its own, while it was still being written: 1 is a gap of its token at 2.
            readTo(0, GapAwareTrackingToken.newInstance(2, List.of(1L)));
            readTo(1, token(2));
            return null;
        })).isInstanceOf(ReadModelBehind.class);
    }

    @Test
    void returns_whenTheSegmentBehindHasOnlyAnotherSegmentsEventsLeftToRead() {
        append("a", 0);
        readTo(0, token(0));
        readTo(1, token(0));

        String result = readYourWrites.afterWrite(() -> {
            append(SEGMENT_1, 1);
            // Only the segment of the event stored its token; segment 0 stores it at its next claim extension.
            readTo(1, token(1));
            return "stored";
        });

        assertThat(result).isEqualTo("stored");
    }

    @Test
    void waits_whenTheSegmentBehindHasAnEventOfItsOwnLeftToRead() {
        append("a", 0);
        readTo(0, token(0));
        readTo(1, token(0));

        assertThatThrownBy(() -> readYourWrites.afterWrite(() -> {
            append(SEGMENT_1, 1);
            append(SEGMENT_0, 0);
            readTo(1, token(2));
            return null;
        })).isInstanceOf(ReadModelBehind.class).hasMessageContaining("event 2");
    }

    @Test
    void waits_whenTheSegmentBehindIsTooFarBehindToAskWhichEventsAreItsOwn() {
        store.appendEvents(LongStream.rangeClosed(0, ReadYourWrites.MAX_UNREAD_LOOKUP)
                .mapToObj(sequence -> new GenericDomainEventMessage<>("Thing", SEGMENT_1, sequence, "event"))
                .toList());
        readTo(0, token(-1));
        readTo(1, token(ReadYourWrites.MAX_UNREAD_LOOKUP));

        assertThatThrownBy(readYourWrites::awaitCurrent).isInstanceOf(ReadModelBehind.class);
        readTo(0, token(ReadYourWrites.MAX_UNREAD_LOOKUP - 5));
        readYourWrites.awaitCurrent();
    }

    @Test
    void ignoresGapsBeforeTheWrite_whenTheyBelongToOtherAppends() {
        append("a", 0);
        append("a", 1);
        readTo(0, GapAwareTrackingToken.newInstance(1, List.of(0L)));
        readTo(1, token(1));

        String result = readYourWrites.afterWrite(() -> {
            append("b", 0);
            readTo(0, GapAwareTrackingToken.newInstance(2, List.of(0L)));
            readTo(1, token(2));
            return "stored";
        });

        assertThat(result).isEqualTo("stored");
    }

    private void append(String aggregateId, long sequence) {
        store.appendEvents(List.of(new GenericDomainEventMessage<>("Thing", aggregateId, sequence,
                aggregateId + "-" + sequence)));
    }

    private void readTo(int segment, TrackingToken token) {
        tokens.storeToken(token, PROCESSOR, segment);
    }

    private static TrackingToken token(long index) {
        return GapAwareTrackingToken.newInstance(index, List.of());
    }
}
