package dev.competency.contracts;

import static dev.competency.contracts.ContractFixtures.MAPPER;
import static dev.competency.contracts.ContractFixtures.example;
import static dev.competency.contracts.ContractFixtures.read;
import static dev.competency.contracts.ContractFixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.competency.contracts.EventCatalog.EventDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Values no consumer may ever see: schema and record reject them alike. */
class InvariantsTest {

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            evidence.recorded           | /score                               | 1.2                 | score
            evidence.recorded           | /score                               | -0.1                | score
            evidence.recorded           | /maxScore                            | 0                   | maxScore
            evidence.recorded           | /ratedLevel                          | "PROFICIENT"        | ratedLevel
            framework.published         | /version                             | 0                   | version
            framework.published         | /competencies/1/position             | -1                  | position
            framework.published         | /scale/levels                        | []                  | levels
            framework.published         | /scale/levels/1/threshold            | 1.5                 | threshold
            framework.published         | /masteryPolicy/method                | {"type":"N_MASTERY"} | n
            framework.published         | /masteryPolicy/method                | {"type":"WEIGHTED_AVERAGE","weight":1.5} | weight
            framework.published         | /masteryPolicy/method                | {"type":"BKT"}      | bkt
            framework.published         | /competencies/3/policyOverride/method/bkt/pS | 1.1       | pS
            framework.published         | /masteryPolicy/rollUp                | {"type":"POINTS"}   | pointsTarget
            framework.published         | /masteryPolicy/sourceWeights/PEER    | -0.5                | sourceWeights
            framework.published         | /masteryPolicy/policyVersion         | 0                   | policyVersion
            role-profile.published      | /requirements/0/weight               | -1.0                | weight
            learner.role-assigned       | /roleProfileVersion                  | 0                   | roleProfileVersion
            learner.registered          | /mbox_sha1sum                        | "amara.okafor@example.com" | mbox_sha1sum
            learner.registered          | /mbox_sha1sum                        | "D4B1AAB293226ED2AE0874D0BE3D42587E5B4AE2" | mbox_sha1sum
            mastery.changed             | /evidenceCount                       | -1                  | evidenceCount
            mastery.changed             | /previousScore                       | 1.01                | previousScore
            """)
    void rejectsPayload_whenInvariantBroken(String type, String pointer, String json, String field) {
        EventDescriptor descriptor = EventCatalog.byType(type);
        ObjectNode payload = example(descriptor);
        replace(payload, pointer, MAPPER.readTree(json));

        assertThat(validate(descriptor, payload)).as("schema errors").isNotEmpty();
        assertThatThrownBy(() -> read(descriptor, payload))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining(field);
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            evidence.recorded           | /evidenceId                           | "42"
            evidence.recorded           | /occurredAt                           | "10 March 2025"
            evidence.recorded           | /provenance/statementId               | "statement-1"
            framework.published         | /masteryPolicy/validityPeriod         | "365 days"
            learning-resource.published | /url                                  | "evolving http apis"
            learning-resource.published | /duration                             | "3.5 hours"
            learner.registered          | /email                                | "amara.okafor"
            mastery.changed             | /triggeringEvidenceId                 | "01a45858"
            """)
    void rejectsPayloadBySchema_whenFormatBroken(String type, String pointer, String json) {
        EventDescriptor descriptor = EventCatalog.byType(type);
        ObjectNode payload = example(descriptor);
        replace(payload, pointer, MAPPER.readTree(json));

        assertThat(validate(descriptor, payload)).as("schema errors").isNotEmpty();
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            /competencies/1/id         | "414e5166-b309-46fe-8194-ed22825f5936" | twice
            /competencies/1/parentId   | "no-such-competency"                   | parentId
            /relations/0/targetId      | "no-such-competency"                   | relation
            /scale/levels/2/threshold  | 0.4                                    | thresholds
            /scale/levels/3/code       | "NOVICE"                               | twice
            """)
    void rejectsFramework_whenStructureInconsistent(String pointer, String json, String message) {
        EventDescriptor descriptor = EventCatalog.byType(EventTypes.FRAMEWORK_PUBLISHED);
        ObjectNode payload = example(descriptor);
        replace(payload, pointer, MAPPER.readTree(json));

        assertThatThrownBy(() -> read(descriptor, payload))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining(message);
    }

    @Test
    void rejectsScale_whenNoLevelMeansMastery() {
        EventDescriptor descriptor = EventCatalog.byType(EventTypes.FRAMEWORK_PUBLISHED);
        ObjectNode payload = example(descriptor);
        payload.at("/scale/levels").forEach(level -> ((ObjectNode) level).put("mastery", false));

        assertThatThrownBy(() -> read(descriptor, payload))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("mastery = true");
    }

    private static void replace(ObjectNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash == 0 ? root : root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }
}
