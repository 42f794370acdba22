package dev.competency.frameworks.framework;

import static dev.competency.platform.test.ServiceHttp.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.contracts.EventTypes;
import dev.competency.contracts.Topics;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.contracts.frameworks.FrameworkRetired;
import dev.competency.contracts.frameworks.LearningResourcePublished;
import dev.competency.contracts.frameworks.RoleProfilePublished;
import dev.competency.frameworks.framework.domain.Contents;
import dev.competency.frameworks.framework.messaging.ContractPublishing;
import dev.competency.frameworks.support.ContractSchemas;
import dev.competency.frameworks.support.SharedService;
import dev.competency.platform.test.KafkaTestClient;
import dev.competency.platform.test.ServiceHttp;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Authoring over HTTP against the real store, and every public event on the real broker, checked by its schema. */
class PublicationIT {

    @Test
    void publishesEventsValidAgainstTheirSchemas_whenAFrameworkRoleProfileAndResourceArePublishedOrRetired() {
        ServiceHttp author = SharedService.as(SharedService.AUTHOR);
        JsonNode created = author.expect(201, author.post("/api/frameworks",
                "{\"code\": \"DEV\", \"title\": \"Backend engineering\"}"));
        String frameworkId = created.path("frameworkId").asString();
        author.expect(200, author.put("/api/frameworks/" + frameworkId + "/draft",
                JSON.writeValueAsString(Contents.valid())));
        JsonNode published = author.expect(200, author.post("/api/frameworks/" + frameworkId + "/publication", null));
        assertThat(published.path("status").asString()).isEqualTo("PUBLISHED");

        ConsumerRecord<String, byte[]> record = await(EventTypes.FRAMEWORK_PUBLISHED, frameworkId);
        assertThat(ContractSchemas.violations(EventTypes.FRAMEWORK_PUBLISHED, record.value())).isEmpty();
        assertThat(KafkaTestClient.header(record, "ce_id")).isEqualTo(ContractPublishing.eventId(
                EventTypes.FRAMEWORK_PUBLISHED, frameworkId, 1).toString());
        FrameworkPublished snapshot = JSON.readValue(record.value(), FrameworkPublished.class);
        assertThat(snapshot.version()).isEqualTo(1);
        assertThat(snapshot.code()).isEqualTo("DEV");
        assertThat(snapshot.competencies()).hasSize(4);
        FrameworkPublished.Competency api = snapshot.competencies().get(0);
        assertThat(snapshot.competencies().get(1).parentId()).isEqualTo(api.id());
        assertThat(snapshot.relations()).hasSize(2);
        assertThat(snapshot.scale().levels()).hasSize(4);
        assertThat(snapshot.masteryPolicy().method().decay()).isEqualTo(0.65);
        assertThat(snapshot.masteryPolicy().policyVersion()).isEqualTo(1);

        String competencyId = snapshot.competencies().get(1).id();
        JsonNode profile = author.expect(201, author.post("/api/frameworks/role-profiles", """
                {"title": "Backend Engineer II", "frameworkId": "%s", "frameworkVersion": 1,
                 "requirements": [{"competencyId": "%s", "targetLevel": "PROFICIENT", "weight": 2}]}"""
                .formatted(frameworkId, competencyId)));
        String profileId = profile.path("roleProfileId").asString();
        author.expect(200, author.post("/api/frameworks/role-profiles/" + profileId + "/publication", null));
        ConsumerRecord<String, byte[]> profileRecord = await(EventTypes.ROLE_PROFILE_PUBLISHED, frameworkId);
        assertThat(ContractSchemas.violations(EventTypes.ROLE_PROFILE_PUBLISHED, profileRecord.value())).isEmpty();
        RoleProfilePublished role = JSON.readValue(profileRecord.value(), RoleProfilePublished.class);
        assertThat(role.roleProfileId()).isEqualTo(profileId);
        assertThat(role.requirements()).containsExactly(
                new RoleProfilePublished.RoleRequirement(competencyId, "PROFICIENT", 2.0));

        JsonNode resource = author.expect(201, author.post("/api/frameworks/learning-resources", """
                {"title": "HTTP API design", "url": "https://learn.example.test/api", "type": "COURSE",
                 "duration": "PT3H", "frameworkId": "%s",
                 "competencies": [{"competencyId": "%s", "targetLevel": "PROFICIENT"}]}"""
                .formatted(frameworkId, competencyId)));
        String resourceId = resource.path("resourceId").asString();
        author.expect(200, author.post("/api/frameworks/learning-resources/" + resourceId + "/publication", null));
        ConsumerRecord<String, byte[]> resourceRecord = await(EventTypes.LEARNING_RESOURCE_PUBLISHED, frameworkId);
        assertThat(ContractSchemas.violations(EventTypes.LEARNING_RESOURCE_PUBLISHED, resourceRecord.value()))
                .isEmpty();
        assertThat(JSON.readValue(resourceRecord.value(), LearningResourcePublished.class).duration())
                .isEqualTo("PT3H");

        author.expect(200, author.post("/api/frameworks/" + frameworkId + "/retirement",
                "{\"reason\": \"replaced\"}"));
        ConsumerRecord<String, byte[]> retiredRecord = await(EventTypes.FRAMEWORK_RETIRED, frameworkId);
        assertThat(ContractSchemas.violations(EventTypes.FRAMEWORK_RETIRED, retiredRecord.value())).isEmpty();
        assertThat(JSON.readValue(retiredRecord.value(), FrameworkRetired.class).reason()).isEqualTo("replaced");
        assertThat(author.expect(409, author.put("/api/frameworks/" + frameworkId + "/draft",
                JSON.writeValueAsString(Contents.valid()))).path("type").asString()).isEqualTo("/problems/conflict");
    }

    @Test
    void answersProblemDetails_whenDraftBreaksRulesOrCallerIsNotAnAuthor() {
        ServiceHttp author = SharedService.as(SharedService.AUTHOR);
        String frameworkId = author.expect(201, author.post("/api/frameworks",
                "{\"code\": \"OPERATIONS\", \"title\": \"Operations\"}")).path("frameworkId").asString();
        Map<String, Object> broken = Map.of("title", "Operations", "competencies", java.util.List.of(
                Map.of("code", "OPS.1", "title", "Deploys"), Map.of("code", "OPS.1", "title", "Again")));

        JsonNode problem = author.expect(400, author.put("/api/frameworks/" + frameworkId + "/draft",
                JSON.writeValueAsString(broken)));
        assertThat(problem.path("type").asString()).isEqualTo("/problems/invalid-request");
        assertThat(problem.path("errors").get(0).asString()).isEqualTo("competency 'OPS.1': duplicate code");

        JsonNode duplicate = author.expect(409, author.post("/api/frameworks",
                "{\"code\": \"OPERATIONS\", \"title\": \"Operations, again\"}"));
        assertThat(duplicate.path("type").asString()).isEqualTo("/problems/conflict");
        assertThat(author.expect(200, author.get("/api/frameworks?code=OPERATIONS"))).hasSize(1);
        assertThat(author.expect(400, author.get("/api/frameworks?q=%00")).path("detail").asString())
                .contains("parameter 'q'");
        assertThat(author.expect(400, author.get("/api/frameworks/competencies?q=%00")).path("type").asString())
                .isEqualTo("/problems/invalid-request");

        ServiceHttp learner = SharedService.as(SharedService.LEARNER);
        assertThat(learner.expect(403, learner.post("/api/frameworks/" + frameworkId + "/publication", null))
                .path("type").asString()).isEqualTo("/problems/forbidden");
        assertThat(SharedService.get().get("/api/frameworks/" + frameworkId).statusCode()).isEqualTo(401);
    }

    private static ConsumerRecord<String, byte[]> await(String type, String key) {
        return KafkaTestClient.awaitRecord(Topics.FRAMEWORKS,
                r -> key.equals(r.key()) && type.equals(KafkaTestClient.header(r, "ce_type")));
    }
}
