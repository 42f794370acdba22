package dev.competency.learners.learner;

import static dev.competency.learners.learner.Examples.JSON;
import static dev.competency.learners.learner.Examples.evidence;
import static dev.competency.learners.learner.Examples.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.competency.contracts.EventTypes;
import dev.competency.contracts.evidence.EvidenceRecorded;
import dev.competency.contracts.mastery.MasteryChanged;
import dev.competency.contracts.mastery.ParentMasteryChanged;
import dev.competency.learners.LearnerProfilesApplication;
import dev.competency.platform.test.KafkaTestClient;
import dev.competency.platform.test.RunningService;
import dev.competency.platform.test.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Decay reaches every view. The example policy decays scores with a half-life of 365 days; a learner's two scores of
 * 0.85 on the required child of DEV.API (rolled up by POINTS) are dated so that the decayed score falls below
 * PROFICIENT's 0.75 about 45 s after they are sent. The service is restarted before that moment: the check scheduled
 * in MongoDB survives, runs, and publishes {@code mastery.changed} and {@code parent-mastery.changed} with cause
 * {@code DECAYED}. Before and after, {@code /mastery}, the profile and the team view count the same mastered
 * competencies, and the topic says the same.
 */
class TimeDrivenMasteryIT {

    private static final String DATABASE = "learner-profiles-time-it";
    private static final String CHILD = "f82522b5-8a39-49ed-8fc9-acfef26216d4";
    private static final String PARENT = "414e5166-b309-46fe-8194-ed22825f5936";
    private static final String TEAM = "team-time";
    private static final String ADMIN = TestTokens.token("admin-1", "ADMIN");
    private static final Duration HALF_LIFE = Duration.ofDays(365);
    private static final String[] PROPERTIES = {"learner-profiles.deadlines.poll-interval=PT5S"};

    @Test
    void publishesDecayAndEveryViewAgrees_whenTheLevelCrossesAThresholdAfterARestart() {
        String learner = UUID.randomUUID().toString();
        // 0.85 * 0.5^(age / 365 d) falls below 0.75 at age 365 d * log2(0.85 / 0.75)
        Duration toCrossing = Duration.ofMillis((long) (HALF_LIFE.toMillis() * Math.log(0.85 / 0.75) / Math.log(2)));
        Instant crossing = Instant.now().plusSeconds(45);
        Instant last = crossing.minus(toCrossing);

        try (KafkaTestClient kafka = new KafkaTestClient()) {
            try (RunningService service = RunningService.start(LearnerProfilesApplication.class, DATABASE,
                    PROPERTIES)) {
                Examples.publishFramework(kafka, service, Examples.framework());
                register(service, learner);
                EvidenceRecorded first = evidence(learner, 0.85, last.minusSeconds(3600), last.minusSeconds(3590));
                EvidenceRecorded second = evidence(learner, 0.85, last, last.plusSeconds(10));
                send(kafka, EventTypes.EVIDENCE_RECORDED, learner, first);
                send(kafka, EventTypes.EVIDENCE_RECORDED, learner, second);

                await().atMost(Duration.ofSeconds(30)).until(() -> masteredInProfile(service, learner) == 2);
                assertThat(masteredInMastery(service, learner)).isEqualTo(2);
                assertThat(masteredInTeam(service, learner)).isEqualTo(2);
            }
            assertThat(Instant.now()).as("restarted before the crossing").isBefore(crossing);
            assertThat(changes(learner, MasteryChanged.ChangeCause.DECAYED, Duration.ofSeconds(1))).isEmpty();

            try (RunningService restarted = RunningService.start(LearnerProfilesApplication.class, DATABASE,
                    PROPERTIES)) {
                List<MasteryChanged> decayed = changes(learner, MasteryChanged.ChangeCause.DECAYED,
                        Duration.ofSeconds(120));
                assertThat(decayed).singleElement().satisfies(change -> {
                    assertThat(change.competencyId()).isEqualTo(CHILD);
                    assertThat(change.previousLevel()).isEqualTo("PROFICIENT");
                    assertThat(change.level()).isEqualTo("DEVELOPING");
                    assertThat(change.mastered()).isFalse();
                    assertThat(change.validAt()).isBetween(crossing.minusSeconds(1), crossing.plusSeconds(1));
                });
                List<ConsumerRecord<String, byte[]>> parents = ServiceClient.parentMasteryRecords(learner,
                        found -> found.stream().anyMatch(r -> parent(r).cause()
                                == MasteryChanged.ChangeCause.DECAYED), Duration.ofSeconds(30));
                ParentMasteryChanged parentDecayed = parent(parents.get(parents.size() - 1));
                assertThat(parentDecayed.cause()).isEqualTo(MasteryChanged.ChangeCause.DECAYED);
                assertThat(parentDecayed.mastered()).isFalse();
                assertThat(parentDecayed.previouslyMastered()).isTrue();

                await().atMost(Duration.ofSeconds(30)).until(() -> masteredInProfile(restarted, learner) == 0);
                assertThat(masteredInMastery(restarted, learner)).isZero();
                assertThat(masteredInTeam(restarted, learner)).isZero();
                assertThat(levelInProfile(restarted, learner, CHILD)).isEqualTo("DEVELOPING")
                        .isEqualTo(levelInMastery(restarted, learner, CHILD));
            }
        }
    }

    private static List<MasteryChanged> changes(String learner, MasteryChanged.ChangeCause cause, Duration timeout) {
        return ServiceClient.masteryRecords(learner, found -> found.stream()
                        .anyMatch(r -> JSON.readValue(r.value(), MasteryChanged.class).cause() == cause), timeout)
                .stream().map(r -> JSON.readValue(r.value(), MasteryChanged.class))
                .filter(change -> change.cause() == cause).toList();
    }

    private static ParentMasteryChanged parent(ConsumerRecord<String, byte[]> record) {
        return JSON.readValue(record.value(), ParentMasteryChanged.class);
    }

    private static void register(RunningService service, String learner) {
        assertThat(ServiceClient.post(service.port(), "/api/learners", ADMIN, "{\"learnerId\":\"" + learner
                + "\",\"displayName\":\"Amara\",\"email\":\"amara@example.org\",\"organisationUnit\":\"ENG\"}")
                .statusCode()).isEqualTo(201);
        HttpRequest team = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/api/learners/"
                        + learner + "/team")).header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"teamId\":\"" + TEAM + "\",\"managerId\":\"m-1\"}"))
                .build();
        try {
            assertThat(HttpClient.newHttpClient().send(team, HttpResponse.BodyHandlers.discarding()).statusCode())
                    .isLessThan(300);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long masteredInProfile(RunningService service, String learner) {
        JsonNode profile = JSON.readTree(service.get("/api/learners/" + learner, ADMIN).body());
        long mastered = 0;
        for (JsonNode entry : profile.path("mastery")) {
            mastered += entry.path("mastered").asBoolean() ? 1 : 0;
        }
        return mastered;
    }

    private static String levelInProfile(RunningService service, String learner, String competencyId) {
        for (JsonNode entry : JSON.readTree(service.get("/api/learners/" + learner, ADMIN).body()).path("mastery")) {
            if (entry.path("competencyId").asString().equals(competencyId)) {
                return entry.path("level").asString();
            }
        }
        return null;
    }

    private static long masteredInMastery(RunningService service, String learner) {
        long mastered = 0;
        for (JsonNode entry : JSON.readTree(service.get("/api/learners/" + learner + "/mastery", ADMIN).body())) {
            mastered += entry.path("mastered").asBoolean() ? 1 : 0;
        }
        return mastered;
    }

    private static String levelInMastery(RunningService service, String learner, String competencyId) {
        for (JsonNode entry : JSON.readTree(service.get("/api/learners/" + learner + "/mastery", ADMIN).body())) {
            if (entry.path("competencyId").asString().equals(competencyId)) {
                return entry.path("level").asString();
            }
        }
        return null;
    }

    private static int masteredInTeam(RunningService service, String learner) {
        for (JsonNode member : JSON.readTree(service.get("/api/teams/" + TEAM, ADMIN).body()).path("members")) {
            if (member.path("learnerId").asString().equals(learner)) {
                return member.path("masteredCompetencies").asInt();
            }
        }
        return -1;
    }
}
