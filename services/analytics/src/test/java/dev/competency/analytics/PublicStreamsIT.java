package dev.competency.analytics;

import static dev.competency.platform.test.KafkaTestClient.contractRecord;
import static dev.competency.platform.test.KafkaTestClient.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.competency.analytics.evidence.query.EvidenceVolume;
import dev.competency.analytics.learners.query.LearnerDirectory;
import dev.competency.analytics.mastery.query.CurrentMastery;
import dev.competency.contracts.EventAttributes;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.evidence.EvidenceRecorded;
import dev.competency.contracts.learners.LearnerRegistered;
import dev.competency.contracts.learners.LearnerTeamChanged;
import dev.competency.contracts.mastery.MasteryChanged;
import dev.competency.contracts.mastery.ParentMasteryChanged;
import dev.competency.contracts.mastery.ParentRollupEnded;
import dev.competency.platform.test.KafkaTestClient;
import dev.competency.platform.test.RunningService;
import dev.competency.platform.test.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The evidence, learners and mastery topics as analytics consumes them through its real listeners: read models
 * fed by contract events, unchanged by redelivery, and still there after a restart.
 */
class PublicStreamsIT {

    private static final String DATABASE = "analytics-streams-it";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static KafkaTestClient kafka;

    @BeforeAll
    static void startClient() {
        kafka = new KafkaTestClient();
    }

    @AfterAll
    static void stopClient() {
        kafka.close();
    }

    @Test
    void countsEvidenceOnce_whenSameEventIsRedeliveredAndAfterRestart() {
        EvidenceRecorded evidence = withFreshId(EventTypes.EVIDENCE_RECORDED, "evidenceId", EvidenceRecorded.class);
        EventAttributes attributes = new EventAttributes(UUID.randomUUID().toString(), EventTypes.EVIDENCE_RECORDED,
                "/services/assessments", Instant.now(), evidence.learnerId());
        ProducerRecord<String, byte[]> record = contractRecord(attributes, evidence.learnerId(),
                JSON.writeValueAsBytes(evidence));

        long before;
        try (RunningService service = RunningService.start(AnalyticsApplication.class, DATABASE)) {
            EvidenceVolume volume = service.bean(EvidenceVolume.class);
            before = volume.bySource().getOrDefault(evidence.sourceType(), 0L);
            kafka.send(record);
            await().atMost(WAIT).until(() ->
                    volume.bySource().getOrDefault(evidence.sourceType(), 0L) == before + 1);

            kafka.send(record);
            kafka.send(contractRecord(EventTypes.EVIDENCE_RECORDED, evidence.learnerId(),
                    JSON.writeValueAsBytes(evidence)));
            EvidenceRecorded marker = withFreshId(EventTypes.EVIDENCE_RECORDED, "evidenceId", EvidenceRecorded.class);
            kafka.send(contractRecord(EventTypes.EVIDENCE_RECORDED, marker.learnerId(),
                    JSON.writeValueAsBytes(marker)));
            await().atMost(WAIT).until(() ->
                    volume.bySource().getOrDefault(marker.sourceType(), 0L) == before + 2);
        }

        try (RunningService restarted = RunningService.start(AnalyticsApplication.class, DATABASE)) {
            kafka.send(record);
            EvidenceRecorded marker = withFreshId(EventTypes.EVIDENCE_RECORDED, "evidenceId", EvidenceRecorded.class);
            kafka.send(contractRecord(EventTypes.EVIDENCE_RECORDED, marker.learnerId(),
                    JSON.writeValueAsBytes(marker)));
            EvidenceVolume volume = restarted.bean(EvidenceVolume.class);
            await().atMost(WAIT).until(() ->
                    volume.bySource().getOrDefault(marker.sourceType(), 0L) == before + 3);
        }
    }

    @Test
    void keepsLearnerGroupingWithoutPersonalData_whenLearnerIsRegistered() {
        LearnerRegistered registered = withFreshId(EventTypes.LEARNER_REGISTERED, "learnerId",
                LearnerRegistered.class);
        try (RunningService service = RunningService.start(AnalyticsApplication.class, DATABASE)) {
            kafka.send(contractRecord(EventTypes.LEARNER_REGISTERED, registered.learnerId(),
                    JSON.writeValueAsBytes(registered)));

            LearnerDirectory directory = service.bean(LearnerDirectory.class);
            await().atMost(WAIT).until(() -> directory.find(registered.learnerId()).isPresent());
            Document learner = directory.find(registered.learnerId()).orElseThrow();
            assertThat(learner.getString("organisationUnit")).isEqualTo(registered.organisationUnit());
            assertThat(learner.toJson()).doesNotContain("displayName").doesNotContain("email");
        }
    }

    @Test
    void keepsNewestMasteryCell_whenOlderChangeArrivesLater() {
        MasteryChanged newer = withFreshId(EventTypes.MASTERY_CHANGED, "learnerId", MasteryChanged.class);
        ObjectNode olderTree = JSON.valueToTree(newer);
        olderTree.put("changedAt", newer.changedAt().minusSeconds(3600).toString());
        olderTree.put("level", "older-level");
        MasteryChanged older = JSON.treeToValue(olderTree, MasteryChanged.class);
        // Same learner, so same key and partition: once the marker is applied, the older change was handled too.
        ObjectNode markerTree = JSON.valueToTree(newer);
        markerTree.put("competencyId", "marker-" + UUID.randomUUID());
        MasteryChanged marker = JSON.treeToValue(markerTree, MasteryChanged.class);

        try (RunningService service = RunningService.start(AnalyticsApplication.class, DATABASE)) {
            for (MasteryChanged change : new MasteryChanged[] {newer, older, marker}) {
                kafka.send(contractRecord(EventTypes.MASTERY_CHANGED, change.learnerId(),
                        JSON.writeValueAsBytes(change)));
            }

            CurrentMastery mastery = service.bean(CurrentMastery.class);
            await().atMost(WAIT).until(() -> mastery.find(marker.learnerId(), marker.competencyId()).isPresent());
            Document cell = mastery.find(newer.learnerId(), newer.competencyId()).orElseThrow();
            assertThat(cell.getString("level")).isEqualTo(newer.level());
            assertThat(cell.getBoolean("mastered")).isEqualTo(newer.mastered());
        }
    }

    @Test
    void keepsParentCellWithoutScore_untilItsRollUpEnds() {
        ParentMasteryChanged parent = withFreshId(EventTypes.PARENT_MASTERY_CHANGED, "learnerId",
                ParentMasteryChanged.class);

        try (RunningService service = RunningService.start(AnalyticsApplication.class, DATABASE)) {
            kafka.send(contractRecord(EventTypes.PARENT_MASTERY_CHANGED, parent.learnerId(),
                    JSON.writeValueAsBytes(parent)));

            CurrentMastery mastery = service.bean(CurrentMastery.class);
            await().atMost(WAIT).until(() -> mastery.find(parent.learnerId(), parent.competencyId()).isPresent());
            Document cell = mastery.find(parent.learnerId(), parent.competencyId()).orElseThrow();
            assertThat(cell.getString("level")).isEqualTo(parent.level());
            assertThat(cell.getBoolean("mastered")).isEqualTo(parent.mastered());
            assertThat(cell.getBoolean("rolledUp")).isTrue();
            assertThat(cell.get("score")).isNull();

            // A later framework version drops the rule: the parent, without evidence of its own, has no cell.
            ParentRollupEnded ended = new ParentRollupEnded(parent.learnerId(), parent.competencyId(),
                    parent.frameworkId(), parent.frameworkVersion() + 1, parent.frameworkVersion(), parent.level(),
                    parent.mastered(), parent.points(), parent.changedAt().plusSeconds(60));
            kafka.send(contractRecord(EventTypes.PARENT_ROLLUP_ENDED, parent.learnerId(),
                    JSON.writeValueAsBytes(ended)));
            await().atMost(WAIT).until(() -> mastery.find(parent.learnerId(), parent.competencyId()).isEmpty());
        }
    }

    @Test
    void answersTeamCapabilityFromStreams_onlyToCallersAllowedToSeeIt() {
        String teamId = UUID.randomUUID().toString();
        String competencyId = UUID.randomUUID().toString();
        try (RunningService service = RunningService.start(AnalyticsApplication.class, DATABASE)) {
            for (int i = 0; i < 3; i++) {
                LearnerTeamChanged joined = withFreshId(EventTypes.LEARNER_TEAM_CHANGED, "learnerId",
                        LearnerTeamChanged.class);
                joined = new LearnerTeamChanged(joined.learnerId(), teamId, null, joined.managerId(),
                        joined.changedAt());
                kafka.send(contractRecord(EventTypes.LEARNER_TEAM_CHANGED, joined.learnerId(),
                        JSON.writeValueAsBytes(joined)));
                ObjectNode change = JSON.valueToTree(exampleOf(EventTypes.MASTERY_CHANGED, MasteryChanged.class));
                change.put("learnerId", joined.learnerId());
                change.put("competencyId", competencyId);
                change.put("mastered", i < 2);
                kafka.send(contractRecord(EventTypes.MASTERY_CHANGED, joined.learnerId(),
                        JSON.writeValueAsBytes(JSON.treeToValue(change, MasteryChanged.class))));
            }
            String path = "/api/analytics/teams/" + teamId + "/capability";
            String analyst = TestTokens.token("analyst-1", "ANALYST");
            await().atMost(WAIT).until(() -> service.get(path, analyst).body().contains("\"rated\":3"));

            JsonNode report = JSON.readTree(service.get(path, analyst).body());
            assertThat(report.path("memberCount").asInt()).isEqualTo(3);
            JsonNode competency = report.path("competencies").get(0);
            assertThat(competency.path("competencyId").asString()).isEqualTo(competencyId);
            assertThat(competency.path("mastered").asInt()).isEqualTo(2);
            assertThat(report.toString()).doesNotContain("learnerId");

            HttpResponse<String> anonymous = service.get(path);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(service.get(path, TestTokens.token("learner-1", "LEARNER")).statusCode()).isEqualTo(403);
            assertThat(service.get(path, TestTokens.expired("analyst-1", "ANALYST")).statusCode()).isEqualTo(401);
        }
    }

    /** The contract's example payload of a type, with a fresh value in one id field so tests do not collide. */
    private static <T> T exampleOf(String type, Class<T> payloadType) {
        return JSON.readValue(KafkaTestClient.example(type), payloadType);
    }

    private static <T> T withFreshId(String type, String idField, Class<T> payloadType) {
        ObjectNode tree = (ObjectNode) JSON.readTree(example(type));
        tree.put(idField, UUID.randomUUID().toString());
        return JSON.treeToValue(tree, payloadType);
    }
}
