package dev.competency.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.competency.contracts.learners.LearnerErased;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventAttributesTest {

    private static final EventAttributes ATTRIBUTES = new EventAttributes(
            "3257d8d8-ef65-4765-930b-3a46d2472f80", EventTypes.EVIDENCE_RECORDED, "/services/assessments",
            Instant.parse("2025-03-10T13:42:18.412Z"), "7f2b7f39-c8c5-488a-994e-3c054105938f");

    @Test
    void writesEveryCloudEventsHeader_whenConvertedToHeaders() {
        assertThat(ATTRIBUTES.toHeaders()).containsOnly(
                entry("ce_specversion", "1.0"),
                entry("ce_id", "3257d8d8-ef65-4765-930b-3a46d2472f80"),
                entry("ce_type", "evidence.recorded"),
                entry("ce_source", "/services/assessments"),
                entry("ce_time", "2025-03-10T13:42:18.412Z"),
                entry("ce_subject", "7f2b7f39-c8c5-488a-994e-3c054105938f"),
                entry("content-type", "application/json"));
    }

    @Test
    void readsTheSameAttributes_whenHeadersWereWrittenByToHeaders() {
        assertThat(EventAttributes.fromHeaders(ATTRIBUTES.toHeaders())).isEqualTo(ATTRIBUTES);
    }

    @Test
    void leavesSubjectOut_whenThereIsNone() {
        EventAttributes withoutSubject = new EventAttributes(ATTRIBUTES.id(), ATTRIBUTES.type(), ATTRIBUTES.source(),
                ATTRIBUTES.time(), null);

        assertThat(withoutSubject.toHeaders()).doesNotContainKey(CloudEventHeaders.SUBJECT);
        assertThat(EventAttributes.fromHeaders(withoutSubject.toHeaders())).isEqualTo(withoutSubject);
    }

    @Test
    void convertsTimeToUtc_whenHeaderHasAnOffset() {
        Map<String, String> headers = headersWith(CloudEventHeaders.TIME, "2025-03-10T14:42:18.412+01:00");

        assertThat(EventAttributes.fromHeaders(headers).time()).isEqualTo(ATTRIBUTES.time());
    }

    @Test
    void acceptsHeaders_whenSpecVersionIsMissing() {
        Map<String, String> headers = headersWith(CloudEventHeaders.SPEC_VERSION, null);

        assertThat(EventAttributes.fromHeaders(headers)).isEqualTo(ATTRIBUTES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ce_id", "ce_type", "ce_source", "ce_time"})
    void rejectsHeaders_whenRequiredHeaderMissing(String header) {
        Map<String, String> headers = headersWith(header, null);

        assertThatThrownBy(() -> EventAttributes.fromHeaders(headers))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "3257d8d8ef654765930b3a46d2472f80", "1-2-3-4-5"})
    void rejectsHeaders_whenIdIsNotAUuid(String id) {
        Map<String, String> headers = headersWith(CloudEventHeaders.ID, id);

        assertThatThrownBy(() -> EventAttributes.fromHeaders(headers))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ce_id")
                .hasMessageContaining(id);
    }

    @Test
    void rejectsHeaders_whenTypeIsUnknown() {
        Map<String, String> headers = headersWith(CloudEventHeaders.TYPE, "evidence.deleted");

        assertThatThrownBy(() -> EventAttributes.fromHeaders(headers))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ce_type")
                .hasMessageContaining("evidence.deleted");
    }

    @Test
    void rejectsHeaders_whenTimeIsNotATimestamp() {
        Map<String, String> headers = headersWith(CloudEventHeaders.TIME, "yesterday");

        assertThatThrownBy(() -> EventAttributes.fromHeaders(headers))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ce_time");
    }

    @Test
    void rejectsHeaders_whenSpecVersionIsNotOnePointZero() {
        Map<String, String> headers = headersWith(CloudEventHeaders.SPEC_VERSION, "0.3");

        assertThatThrownBy(() -> EventAttributes.fromHeaders(headers))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ce_specversion");
    }

    @Test
    void rejectsAttributes_whenTypeIsUnknown() {
        assertThatThrownBy(() -> new EventAttributes(ATTRIBUTES.id(), "LearnerErased", ATTRIBUTES.source(),
                ATTRIBUTES.time(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("type");
    }

    @Test
    void takesTypeAndSubjectFromThePayload_whenCreatedForAnEvent() {
        LearnerErased event = new LearnerErased("7f2b7f39-c8c5-488a-994e-3c054105938f",
                Instant.parse("2025-09-30T16:20:00Z"));

        EventAttributes attributes = EventAttributes.of("f952aa00-45cb-4beb-a2c2-53e9b58d40cf", event,
                "/services/learner-profiles", event.erasedAt());

        assertThat(attributes.type()).isEqualTo(EventTypes.LEARNER_ERASED);
        assertThat(attributes.subject()).isEqualTo(event.learnerId());
    }

    private static Map<String, String> headersWith(String header, String value) {
        Map<String, String> headers = new HashMap<>(ATTRIBUTES.toHeaders());
        if (value == null) {
            headers.remove(header);
        } else {
            headers.put(header, value);
        }
        return headers;
    }
}
