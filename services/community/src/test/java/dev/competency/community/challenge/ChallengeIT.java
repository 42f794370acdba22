package dev.competency.community.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.competency.platform.test.ServiceHttp;
import dev.competency.community.support.SharedService;
import dev.competency.community.support.Streams;
import dev.competency.contracts.EventCatalog;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.Topics;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.contracts.learners.LearnerTeamChanged;
import dev.competency.contracts.mastery.MasteryChanged;
import dev.competency.platform.test.KafkaTestClient;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Group challenges on the real broker and store: progress from the mastery stream, the end, the published events. */
class ChallengeIT {

    private static FrameworkPublished framework;
    private static String c1;
    private static String c2;

    @BeforeAll
    static void publishFramework() {
        framework = Streams.framework();
        c1 = framework.competencies().get(0).id();
        c2 = framework.competencies().get(1).id();
    }

    private static List<String> team(String teamId, int size) {
        String unit = "Unit-" + teamId;
        List<String> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String learnerId = SharedService.registerLearner(unit);
            SharedService.joinTeam(learnerId, teamId);
            members.add(learnerId);
        }
        return members;
    }

    private static String challenge(Map<String, Object> fields) {
        return SharedService.JSON.writeValueAsString(fields);
    }

    private static Map<String, Object> atLevel(String teamId, int target, Instant endsAt, boolean onLeaderboard) {
        return Map.of("title", "Estimate with confidence", "groupKind", "TEAM", "groupId", teamId,
                "goal", "MEMBERS_AT_LEVEL", "competencyIds", List.of(c1, c2), "level", "PROFICIENT",
                "target", target, "startsAt", Instant.now().minusSeconds(60).toString(),
                "endsAt", endsAt.toString(), "onLeaderboard", onLeaderboard);
    }

    private static String start(ServiceHttp http, String body) {
        HttpResponse<String> created = http.post("/api/community/challenges", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return http.json(created).get("challengeId").asString();
    }

    private static void publish(MasteryChanged changed) {
        SharedService.publish(changed);
    }

    private static List<JsonNode> published(String type, String challengeId) {
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : KafkaTestClient.records(Topics.COMMUNITY,
                record -> challengeId.equals(record.key())
                        && type.equals(KafkaTestClient.header(record, "ce_type")))) {
            validate(type, new String(record.value(), StandardCharsets.UTF_8));
            events.add(SharedService.JSON.readTree(record.value()));
        }
        return events;
    }

    private static void validate(String type, String json) {
        try (InputStream in = ChallengeIT.class.getClassLoader()
                .getResourceAsStream(EventCatalog.byType(type).schemaResource())) {
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(SharedService.JSON.readTree(in));
            assertThat(schema.validate(SharedService.JSON.readTree(json))).as("%s against its schema", type).isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void countsLastLevelsOfMembers_whenMasteryArrivesWithCopiesAndAMemberLeaves() {
        String teamId = "team-" + UUID.randomUUID();
        List<String> members = team(teamId, 6);
        String ada = members.get(0);
        String bob = members.get(1);
        String cleo = members.get(2);
        ServiceHttp manager = SharedService.asManager("maria-" + teamId, "Unit-" + teamId, teamId);
        Instant now = Instant.now();
        publish(Streams.mastery(cleo, c1, "EXPERT", true, now));
        String id = start(manager, challenge(atLevel(teamId, 2, now.plus(Duration.ofHours(1)), true)));

        publish(Streams.mastery(ada, c1, "PROFICIENT", true, now.plusSeconds(1)));
        publish(Streams.mastery(ada, c2, "EXPERT", true, now.plusSeconds(2)));
        MasteryChanged bobLow = Streams.mastery(bob, c2, "NOVICE", false, now.plusSeconds(9));
        MasteryChanged bobHigh = Streams.mastery(bob, c2, "PROFICIENT", true, now.plusSeconds(3));
        publish(Streams.mastery(bob, c1, "EXPERT", true, now.plusSeconds(1)));
        publish(bobLow);
        publish(bobHigh);
        var copy = KafkaTestClient.contractRecord(EventTypes.MASTERY_CHANGED, ada,
                SharedService.JSON.writeValueAsBytes(Streams.mastery(ada, c2, "NOVICE", false, now)));
        SharedService.kafka().send(copy);
        SharedService.kafka().send(copy);
        publish(Streams.mastery(ada, c2, "EXPERT", true, now.plusSeconds(4)));
        publish(Streams.mastery(cleo, c2, "PROFICIENT", true, now.plusSeconds(5)));
        SharedService.publish(new LearnerTeamChanged(cleo, "elsewhere", teamId, null, now.plusSeconds(6)));

        // Awaited whole: on the way, ada's duplicated NOVICE briefly uncounts her, and the two topics arrive in any
        // order, so only the end state is asserted.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode view = manager.json(manager.get("/api/community/challenges/" + id));
            assertThat(view.get("status").asString()).isEqualTo("RUNNING");
            assertThat(view.get("contributions")).hasSize(5);
            assertThat(view.get("total").asInt()).isEqualTo(2);
            List<String> counted = new ArrayList<>();
            view.get("contributions").forEach(part -> {
                if (part.get("count").asInt() == 1) {
                    counted.add(part.get("learnerId").asString());
                }
            });
            assertThat(counted).as("bob's last change in the stream is PROFICIENT, whatever its timestamp")
                    .containsExactlyInAnyOrder(ada, bob);
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> published(EventTypes.CHALLENGE_PROGRESSED, id).stream()
                .anyMatch(event -> event.get("total").asInt() == 2));
        assertThat(published(EventTypes.CHALLENGE_STARTED, id)).hasSize(1);
        JsonNode board = manager.json(manager.get("/api/community/leaderboard"));
        List<String> listed = new ArrayList<>();
        board.get("entries").forEach(entry -> listed.add(entry.get("challengeId").asString()));
        assertThat(listed).contains(id);
    }

    @Test
    void answersForbiddenOrBadRequest_whenChallengeIsNotTheCallersToSet() {
        String teamId = "team-" + UUID.randomUUID();
        ServiceHttp otherManager = SharedService.asManager("mo-" + teamId, "Unit-x", "some-other-team");
        ServiceHttp manager = SharedService.asManager("maria-" + teamId, "Unit-x", teamId);
        Instant end = Instant.now().plus(Duration.ofDays(1));

        assertThat(otherManager.post("/api/community/challenges", challenge(atLevel(teamId, 1, end, false)))
                .statusCode()).isEqualTo(403);
        assertThat(SharedService.asLearner(UUID.randomUUID().toString()).post("/api/community/challenges",
                challenge(atLevel(teamId, 1, end, false))).statusCode()).isEqualTo(403);
        Map<String, Object> unitWide = new java.util.HashMap<>(atLevel(teamId, 1, end, false));
        unitWide.put("groupKind", "UNIT");
        assertThat(manager.post("/api/community/challenges", challenge(unitWide)).statusCode()).isEqualTo(403);
        Map<String, Object> unknown = new java.util.HashMap<>(atLevel(teamId, 1, end, false));
        unknown.put("competencyIds", List.of(c1, "no-such-competency"));
        HttpResponse<String> refused = manager.post("/api/community/challenges", challenge(unknown));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(manager.json(refused).get("errors").get(0).get("field").asString()).isEqualTo("competencyIds[1]");
        Map<String, Object> badLevel = new java.util.HashMap<>(atLevel(teamId, 1, end, false));
        badLevel.put("level", "GRANDMASTER");
        HttpResponse<String> level = manager.post("/api/community/challenges", challenge(badLevel));
        assertThat(level.statusCode()).isEqualTo(400);
        assertThat(manager.json(level).get("errors").get(0).get("field").asString()).isEqualTo("level");
        Map<String, Object> past = new java.util.HashMap<>(atLevel(teamId, 1, end, false));
        past.put("endsAt", Instant.now().minusSeconds(1).toString());
        assertThat(manager.post("/api/community/challenges", challenge(past)).statusCode()).isEqualTo(400);
        assertThat(manager.post("/api/community/challenges", "{\"goal\":\"WIN\"}").statusCode()).isEqualTo(400);
        assertThat(manager.json(manager.get("/api/community/challenges")).size()).as("nothing stored").isZero();
    }

    @Test
    void decidesOutcomeAtReadTime_whenEndPassesWithoutFurtherEvents() {
        String teamId = "team-" + UUID.randomUUID();
        List<String> members = team(teamId, 2);
        ServiceHttp manager = SharedService.asManager("maria-" + teamId, "Unit-" + teamId, teamId);
        Instant endsAt = Instant.now().plusSeconds(4);
        Map<String, Object> count = new java.util.HashMap<>(atLevel(teamId, 1, endsAt, true));
        count.put("goal", "MASTERED_COUNT");
        count.remove("level");
        String id = start(manager, challenge(count));
        publish(Streams.mastery(members.get(0), c1, "PROFICIENT", true, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                manager.json(manager.get("/api/community/challenges/" + id)).get("total").asInt() == 1);
        ServiceHttp stranger = SharedService.asLearner(SharedService.registerLearner("Unit-" + teamId));

        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(endsAt));
        JsonNode ended = manager.json(manager.get("/api/community/challenges/" + id));

        assertThat(ended.get("status").asString()).isEqualTo("MET");
        assertThat(SharedService.asLearner(members.get(1)).get("/api/community/challenges/" + id).statusCode())
                .isEqualTo(200);
        assertThat(stranger.get("/api/community/challenges/" + id).statusCode()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(30)).until(() -> !published(EventTypes.CHALLENGE_ENDED, id).isEmpty());
        assertThat(published(EventTypes.CHALLENGE_ENDED, id)).singleElement()
                .satisfies(event -> assertThat(event.get("outcome").asString()).isEqualTo("MET"));
        JsonNode board = manager.json(manager.get("/api/community/leaderboard"));
        board.get("entries").forEach(entry -> assertThat(entry.get("challengeId").asString()).isNotEqualTo(id));
        assertThat(board.get("hiddenGroups").asInt()).as("a team of two is too small to show").isPositive();
    }
}
