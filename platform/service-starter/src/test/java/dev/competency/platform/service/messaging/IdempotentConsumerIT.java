package dev.competency.platform.service.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.competency.contracts.EventAttributes;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.Topics;
import dev.competency.platform.test.KafkaTestClient;
import dev.competency.platform.test.ScratchDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The idempotent consumer and its processed-events log against the MongoDB-compatible test store: which deliveries
 * are applied, one write per record, and the TTL index that bounds the log. The embedded store does not expire
 * documents itself; the tests remove what MongoDB's TTL monitor would.
 */
class IdempotentConsumerIT {

    private static final String CONSUMER = "starter-test.learner-directory";
    private static final Duration RETENTION = Duration.ofDays(14);
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ScratchDatabase database = ScratchDatabase.create("processed-events");
    private final MongoCollection<Document> entries = database.database().getCollection(ProcessedEventLog.COLLECTION);
    private final ProcessedEventLog log = new ProcessedEventLog(database.database(),
            Clock.fixed(NOW, ZoneOffset.UTC), RETENTION);
    private final IdempotentConsumer consumer = new IdempotentConsumer(new ContractEventReader(JSON), log);
    private final List<Long> applied = new ArrayList<>();

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void appliesOnce_whenProducerPublishesTheSameEventAgain() {
        String eventId = UUID.randomUUID().toString();

        consume(learnerRecord(eventId, 5));
        consume(learnerRecord(eventId, 9));

        assertThat(applied).containsExactly(5L);
        assertThat(entries.countDocuments()).isEqualTo(1);
    }

    @Test
    void appliesAgain_whenTheSameRecordIsDeliveredAgain() {
        String eventId = UUID.randomUUID().toString();

        consume(learnerRecord(eventId, 5));
        consume(learnerRecord(eventId, 5));

        assertThat(applied).containsExactly(5L, 5L);
    }

    @Test
    void keepsConsumersApart_whenTwoConsumeTheSameEvent() {
        String eventId = UUID.randomUUID().toString();
        ConsumerRecord<String, byte[]> record = learnerRecord(eventId, 5);

        consume(record);
        consumer.consume("starter-test.other", record, event -> applied.add(-event.offset()));

        assertThat(applied).containsExactly(5L, -5L);
    }

    @Test
    void appliesAnotherCopy_whenApplyingTheFirstFailed() {
        String eventId = UUID.randomUUID().toString();

        assertThatThrownBy(() -> consumer.consume(CONSUMER, learnerRecord(eventId, 5), event -> {
            throw new IllegalStateException("store unavailable");
        })).isInstanceOf(IllegalStateException.class).hasMessage("store unavailable");
        assertThat(entries.countDocuments()).isZero();
        consume(learnerRecord(eventId, 9));

        assertThat(applied).containsExactly(9L);
    }

    @Test
    void appliesCopyAgainOnly_whenItsEntryHasExpired() {
        String eventId = UUID.randomUUID().toString();
        consume(learnerRecord(eventId, 5));

        expireEntriesAsOf(NOW.plus(RETENTION).minusSeconds(1));
        consume(learnerRecord(eventId, 9));
        expireEntriesAsOf(NOW.plus(RETENTION).plusSeconds(1));
        consume(learnerRecord(eventId, 12));

        assertThat(applied).containsExactly(5L, 12L);
    }

    @Test
    void writesOneEntryPerEventWithItsRecordAndTime_whenApplied() {
        String eventId = UUID.randomUUID().toString();

        consume(learnerRecord(eventId, 5));

        Document entry = entries.find(Filters.eq("_id", CONSUMER + ":" + eventId)).first();
        assertThat(entry).isNotNull();
        assertThat(entry.getString("consumer")).isEqualTo(CONSUMER);
        assertThat(entry.getString("topic")).isEqualTo(Topics.LEARNERS);
        assertThat(entry.getInteger("partition")).isEqualTo(2);
        assertThat(entry.getLong("offset")).isEqualTo(5L);
        // A BSON date: MongoDB's TTL monitor expires only documents whose indexed field is a date.
        assertThat(entry.get("processedAt")).isEqualTo(Date.from(NOW));
    }

    @Test
    void createsTtlIndexExpiringAfterTheRetention_whenEnsuringIndexes() {
        log.ensureIndexes();
        log.ensureIndexes();

        assertThat(ttlIndexes()).singleElement().satisfies(index -> {
            assertThat(index.get("key", Document.class)).isEqualTo(new Document("processedAt", 1));
            assertThat(index.get("expireAfterSeconds", Number.class).longValue()).isEqualTo(RETENTION.toSeconds());
        });
    }

    @Test
    void replacesTtlIndex_whenRetentionChanges() {
        log.ensureIndexes();

        new ProcessedEventLog(database.database(), Clock.systemUTC(), Duration.ofHours(1)).ensureIndexes();

        assertThat(ttlIndexes()).singleElement().satisfies(index ->
                assertThat(index.get("expireAfterSeconds", Number.class).longValue()).isEqualTo(3600L));
    }

    @Test
    void refusesRetention_whenShorterThanASecond() {
        assertThatThrownBy(() -> new ProcessedEventLog(database.database(), Clock.systemUTC(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least a second");
    }

    private void consume(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, event -> applied.add(event.offset()));
    }

    /** What MongoDB's TTL monitor does at {@code instant}. */
    private void expireEntriesAsOf(Instant instant) {
        entries.deleteMany(Filters.lt("processedAt", Date.from(instant.minus(RETENTION))));
    }

    private List<Document> ttlIndexes() {
        List<Document> indexes = new ArrayList<>();
        entries.listIndexes().forEach(index -> {
            if (index.containsKey("expireAfterSeconds")) {
                indexes.add(index);
            }
        });
        return indexes;
    }

    private static ConsumerRecord<String, byte[]> learnerRecord(String eventId, long offset) {
        byte[] payload = KafkaTestClient.example(EventTypes.LEARNER_REGISTERED);
        String learnerId = JSON.readTree(payload).path("learnerId").asString();
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.LEARNERS, 2, offset, learnerId, payload);
        new EventAttributes(eventId, EventTypes.LEARNER_REGISTERED, "/tests", NOW, learnerId).toHeaders()
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
