package dev.competency.analytics.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.competency.analytics.state.AnalyticsState;
import dev.competency.analytics.state.ContractEvents;
import dev.competency.contracts.CloudEventHeaders;
import dev.competency.contracts.EventCatalog;
import dev.competency.contracts.IntegrationEvent;
import dev.competency.contracts.Topics;
import dev.competency.contracts.learners.LearnerErased;
import dev.competency.contracts.mastery.MasteryChanged;
import dev.competency.platform.service.messaging.ContractEventReader;
import dev.competency.platform.service.messaging.PoisonMessageException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RecordDecoderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant TIME = Instant.parse("2026-03-01T10:15:30.123Z");
    private static final MasteryChanged MASTERY = ContractEvents.mastery("learner-1", "c1", "COMPETENT", true, 0.6,
            Instant.parse("2026-03-01T10:00:00Z"));

    private final RecordDecoder decoder = new RecordDecoder(JSON);

    @Test
    void decodesAsThePlatformReaderDoes_whenTheRecordKeepsItsContract() {
        String id = UUID.randomUUID().toString();
        ConsumerRecord<String, byte[]> record = record(id, MASTERY, Topics.MASTERY, MASTERY.partitionKey(),
                headers -> { });

        RecordDecoder.Decoded decoded = decoder.decode(record);

        var expected = new ContractEventReader(JSON).read(record);
        assertThat(decoded.id()).isEqualTo(id).isEqualTo(expected.attributes().id());
        assertThat(decoded.type()).isEqualTo(expected.attributes().type());
        assertThat(decoded.payload()).isEqualTo(expected.payload()).isEqualTo(MASTERY);
        assertThat(decoded.timeMillis()).isEqualTo(TIME.toEpochMilli());
        assertThat(decoded.topic()).isEqualTo(Topics.MASTERY);
    }

    @Test
    void rejectsRecord_whenTheIdIsNoUuid() {
        assertPoison(record("not-a-uuid", MASTERY, Topics.MASTERY, MASTERY.partitionKey(), headers -> { }),
                CloudEventHeaders.ID);
    }

    @Test
    void rejectsRecord_whenTheTypeIsUnknown() {
        assertPoison(record(UUID.randomUUID().toString(), MASTERY, Topics.MASTERY, MASTERY.partitionKey(),
                headers -> headers.put(CloudEventHeaders.TYPE, "dev.competency.unknown.v1")), CloudEventHeaders.TYPE);
    }

    @Test
    void rejectsRecord_whenTheTimeIsNoTimestamp() {
        assertPoison(record(UUID.randomUUID().toString(), MASTERY, Topics.MASTERY, MASTERY.partitionKey(),
                headers -> headers.put(CloudEventHeaders.TIME, "yesterday")), CloudEventHeaders.TIME);
    }

    @Test
    void rejectsRecord_whenTheSourceIsMissing() {
        assertPoison(record(UUID.randomUUID().toString(), MASTERY, Topics.MASTERY, MASTERY.partitionKey(),
                headers -> headers.remove(CloudEventHeaders.SOURCE)), CloudEventHeaders.SOURCE);
    }

    @Test
    void rejectsRecord_whenTheTypeBelongsOnAnotherTopic() {
        assertPoison(record(UUID.randomUUID().toString(), MASTERY, Topics.EVIDENCE, MASTERY.partitionKey(),
                headers -> { }), "does not belong on topic");
    }

    @Test
    void rejectsRecord_whenTheKeyIsNotThePayloadsPartitionKey() {
        assertPoison(record(UUID.randomUUID().toString(), MASTERY, Topics.MASTERY, "learner-2", headers -> { }),
                "key 'learner-2'");
    }

    @Test
    void quotesOnlyTheStartOfTheKeys_whenThePayloadsKeyIsHuge() {
        MasteryChanged huge = ContractEvents.mastery("\u00e9".repeat(300_000), "c1", "COMPETENT", true, 0.6,
                Instant.parse("2026-03-01T10:00:00Z"));
        ConsumerRecord<String, byte[]> record = record(UUID.randomUUID().toString(), huge, Topics.MASTERY,
                "learner-2", headers -> { });

        // The reason goes into the dead-letter record's headers twice: 600 KB each would not fit the broker's limit.
        assertThatThrownBy(() -> decoder.decode(record)).isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("key 'learner-2'").hasMessageContaining("(300000 characters)")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(1_000));
        assertThatThrownBy(() -> new ContractEventReader(JSON).read(record))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("(300000 characters)")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(1_000));
    }

    @Test
    void readsACauseItDoesNotKnowAsRecomputed_whenAMasteryChangeCarriesANewCause() {
        ConsumerRecord<String, byte[]> record = record(UUID.randomUUID().toString(), MASTERY, Topics.MASTERY,
                MASTERY.partitionKey(), headers -> { });
        String newCause = new String(record.value(), StandardCharsets.UTF_8)
                .replace("\"EVIDENCE_RECORDED\"", "\"CAUSE_OF_A_LATER_VERSION\"");
        ConsumerRecord<String, byte[]> later = new ConsumerRecord<>(record.topic(), 0, 0, record.key(),
                newCause.getBytes(StandardCharsets.UTF_8));
        record.headers().forEach(header -> later.headers().add(header));

        assertThat(newCause).contains("CAUSE_OF_A_LATER_VERSION");
        assertThat(((MasteryChanged) decoder.decode(later).payload()).cause())
                .isEqualTo(MasteryChanged.ChangeCause.RECOMPUTED);
        assertThat(((MasteryChanged) new ContractEventReader(JSON).read(later).payload()).cause())
                .as("the platform's reader").isEqualTo(MasteryChanged.ChangeCause.RECOMPUTED);
    }

    @Test
    void rejectsRecord_whenThePayloadBreaksItsRecord() {
        ConsumerRecord<String, byte[]> record = record(UUID.randomUUID().toString(), MASTERY, Topics.MASTERY,
                MASTERY.partitionKey(), headers -> { });
        ConsumerRecord<String, byte[]> broken = new ConsumerRecord<>(record.topic(), 0, 0, record.key(),
                "{\"learnerId\": 42".getBytes(StandardCharsets.UTF_8));
        record.headers().forEach(header -> broken.headers().add(header));

        assertPoison(broken, "breaks its contract");
    }

    @Test
    void decodesErasureOfItsKey_whenTombstoneIsOnLearnersTopic() {
        ConsumerRecord<String, byte[]> tombstone = new ConsumerRecord<>(Topics.LEARNERS, 2, 17, TIME.toEpochMilli(),
                TimestampType.CREATE_TIME, 8, -1, "learner-1", null, new RecordHeaders(), Optional.empty());
        AnalyticsState state = ContractEvents.fold(List.of(ContractEvents.Event.of(
                ContractEvents.registered("learner-1", "eng")), ContractEvents.Event.of(MASTERY)));

        RecordDecoder.Decoded decoded = decoder.decode(tombstone);
        boolean changed = state.apply(decoded.id(), decoded.payload());

        assertThat(decoded.type()).isEqualTo(RecordDecoder.TOMBSTONE);
        assertThat(decoded.payload()).isEqualTo(new LearnerErased("learner-1", TIME));
        assertThat(decoded.id()).isEqualTo(decoder.decode(tombstone).id()).satisfies(UUID::fromString);
        assertThat(changed).isTrue();
        assertThat(state.learner("learner-1")).as("erased").isNull();
        assertThat(state.apply(decoded.id(), decoded.payload())).as("erasing again").isFalse();
    }

    @Test
    void rejectsRecordWithoutValue_whenTopicIsNotLearners() {
        ConsumerRecord<String, byte[]> tombstone = new ConsumerRecord<>(Topics.MASTERY, 0, 3, "learner-1", null);

        assertThatThrownBy(() -> decoder.decode(tombstone)).isInstanceOf(PoisonMessageException.class);
    }

    private void assertPoison(ConsumerRecord<String, byte[]> record, String naming) {
        assertThatThrownBy(() -> decoder.decode(record)).isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining(naming);
        assertThatThrownBy(() -> new ContractEventReader(JSON).read(record))
                .as("the platform's reader rejects it too").isInstanceOf(PoisonMessageException.class);
    }

    private static ConsumerRecord<String, byte[]> record(String id, IntegrationEvent payload, String topic, String key,
                                                         Consumer<Map<String, String>> change) {
        Map<String, String> headers = new java.util.HashMap<>(Map.of(
                CloudEventHeaders.ID, id,
                CloudEventHeaders.TYPE, EventCatalog.byPayloadType(payload.getClass()).type(),
                CloudEventHeaders.SOURCE, "/tests",
                CloudEventHeaders.TIME, TIME.toString(),
                CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE));
        change.accept(headers);
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(topic, 0, 0, key, JSON.writeValueAsBytes(payload));
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
