package dev.competency.community.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.competency.community.challenge.query.CompetencyScales;
import dev.competency.community.people.query.PeopleDirectory;
import dev.competency.platform.test.ServiceHttp;
import dev.competency.community.support.SharedService;
import dev.competency.community.support.Streams;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.platform.service.id.CompetencyId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The read models kept from the streams, dropped and read again from the start, end as they were. */
class StreamRebuildIT {

    @Test
    void endsWithSamePeopleScalesAndProgress_whenStreamsAreReadAgain() {
        FrameworkPublished framework = Streams.framework();
        String competency = framework.competencies().get(0).id();
        String teamId = "team-" + UUID.randomUUID();
        String ada = SharedService.registerLearner("Unit-" + teamId);
        SharedService.joinTeam(ada, teamId);
        ServiceHttp manager = SharedService.asManager("maria-" + teamId, "Unit-" + teamId, teamId);
        var created = manager.post("/api/community/challenges", SharedService.JSON.writeValueAsString(
                Map.of("title", "Count", "groupKind", "TEAM", "groupId", teamId, "goal", "MASTERED_COUNT",
                        "competencyIds", List.of(competency), "target", 3,
                        "startsAt", Instant.now().minusSeconds(60).toString(),
                        "endsAt", Instant.now().plus(Duration.ofDays(1)).toString())));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = manager.json(created).get("challengeId").asString();
        SharedService.publish(Streams.mastery(ada, competency, "PROFICIENT", true, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                manager.json(manager.get("/api/community/challenges/" + id)).get("total").asInt() == 1);
        ServiceHttp admin = SharedService.asAdmin();

        assertThat(SharedService.asLearner(ada).post("/api/community/admin/rebuild-streams", null).statusCode())
                .isEqualTo(403);
        assertThat(admin.post("/api/community/admin/rebuild-streams", null).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode status = admin.json(admin.get("/api/community/admin/rebuild-streams"));
            return status.get("caughtUp").valueStream().allMatch(JsonNode::asBoolean);
        });

        PeopleDirectory people = SharedService.get().bean(PeopleDirectory.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> people.find(ada).isPresent());
        assertThat(people.find(ada).orElseThrow().teamId()).isEqualTo(teamId);
        assertThat(SharedService.get().bean(CompetencyScales.class).find(new CompetencyId(competency))).isPresent();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                manager.json(manager.get("/api/community/challenges/" + id)).get("total").asInt() == 1);
        assertThat(manager.json(manager.get("/api/community/challenges/" + id)).get("contributions"))
                .singleElement().satisfies(part -> assertThat(part.get("learnerId").asString()).isEqualTo(ada));
    }
}
