package dev.competency.frameworks.readmodel;

import static dev.competency.frameworks.support.Http.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dev.competency.frameworks.framework.domain.Contents;
import dev.competency.frameworks.support.Http;
import dev.competency.frameworks.support.SharedService;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every read model dropped and rebuilt by replaying the event store answers exactly as before. */
class ReadModelRebuildIT {

    @Test
    void answersAsBefore_whenReadModelsAreDroppedAndRebuiltFromTheEventStore() {
        Http author = SharedService.as(SharedService.AUTHOR);
        String frameworkId = author.expect(201, author.post("/api/frameworks",
                "{\"code\": \"DATA\", \"title\": \"Data engineering\"}")).path("frameworkId").asString();
        author.expect(200, author.put("/api/frameworks/" + frameworkId + "/draft",
                JSON.writeValueAsString(Contents.valid())));
        author.expect(200, author.post("/api/frameworks/" + frameworkId + "/publication", null));
        author.expect(200, author.put("/api/frameworks/" + frameworkId + "/draft",
                JSON.writeValueAsString(Contents.withTitle(Contents.valid(), "Data engineering 2"))));
        JsonNode version = author.expect(200, author.get("/api/frameworks/" + frameworkId + "/versions/1"));
        String competencyId = version.path("content").path("competencies").get(1).path("id").asString();
        String profileId = author.expect(201, author.post("/api/frameworks/role-profiles", """
                {"title": "Data Engineer", "frameworkId": "%s", "frameworkVersion": 1,
                 "requirements": [{"competencyId": "%s", "targetLevel": "EXPERT", "weight": 1}]}"""
                .formatted(frameworkId, competencyId))).path("roleProfileId").asString();
        String resourceId = author.expect(201, author.post("/api/frameworks/learning-resources", """
                {"title": "Schema design", "url": "https://learn.example.test/schema", "type": "ARTICLE",
                 "frameworkId": "%s", "competencies": [{"competencyId": "%s", "targetLevel": "PROFICIENT"}]}"""
                .formatted(frameworkId, competencyId))).path("resourceId").asString();
        List<String> paths = List.of("/api/frameworks/" + frameworkId, "/api/frameworks/" + frameworkId + "/versions/1",
                "/api/frameworks/" + frameworkId + "/versions/2/tree",
                "/api/frameworks/competencies?frameworkId=" + frameworkId + "&q=api",
                "/api/frameworks/role-profiles/" + profileId, "/api/frameworks/learning-resources/" + resourceId,
                "/api/frameworks?code=DATA");
        List<String> before = paths.stream().map(p -> author.expect(200, author.get(p)).toString()).toList();
        assertThat(before.get(3)).contains("DEV.API.1");

        MongoDatabase database = SharedService.get().bean(MongoDatabase.class);
        database.getCollection("frameworks").deleteMany(new Document());
        database.getCollection("framework_competencies").deleteMany(new Document());
        assertThat(author.get(paths.get(0)).statusCode()).as("the read model is gone").isEqualTo(404);

        Http admin = SharedService.as(SharedService.ADMIN);
        assertThat(author.expect(403, author.post("/api/frameworks/admin/rebuild", null)).path("type").asString())
                .isEqualTo("/problems/forbidden");
        JsonNode result = admin.expect(200, admin.post("/api/frameworks/admin/rebuild", null));
        assertThat(result.path("eventsReplayed").asLong()).isGreaterThanOrEqualTo(6);

        List<String> after = paths.stream().map(p -> author.expect(200, author.get(p)).toString()).toList();
        assertThat(after).isEqualTo(before);
    }
}
