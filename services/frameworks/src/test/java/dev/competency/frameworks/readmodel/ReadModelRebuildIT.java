package dev.competency.frameworks.readmodel;

import static dev.competency.platform.test.ServiceHttp.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import dev.competency.frameworks.framework.domain.Contents;
import dev.competency.frameworks.support.SharedService;
import dev.competency.platform.test.ServiceHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every read model dropped and rebuilt from the event store answers exactly as before, and authors who write while
 * it is rebuilt lose nothing.
 */
class ReadModelRebuildIT {

    @Test
    void answersAsBefore_whenReadModelsAreDroppedAndRebuiltFromTheEventStore() {
        ServiceHttp author = SharedService.as(SharedService.AUTHOR);
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

        ServiceHttp admin = SharedService.as(SharedService.ADMIN);
        assertThat(author.expect(403, author.post("/api/frameworks/admin/rebuild", null)).path("type").asString())
                .isEqualTo("/problems/forbidden");
        JsonNode result = admin.expect(200, admin.post("/api/frameworks/admin/rebuild", null));
        assertThat(result.path("eventsReplayed").asLong()).isGreaterThanOrEqualTo(6);
        assertThat(result.path("readModels")).hasSize(5);

        List<String> after = paths.stream().map(p -> author.expect(200, author.get(p)).toString()).toList();
        assertThat(after).isEqualTo(before);
        JsonNode status = admin.expect(200, admin.get("/api/frameworks/admin/rebuild"));
        assertThat(status.path("caughtUp").asBoolean()).as(status.toString()).isTrue();
        assertThat(status.path("percentDone").asDouble()).as(status.toString()).isEqualTo(100.0);
        assertThat(status.path("readUpTo").asLong()).as(status.toString()).isEqualTo(status.path("head").asLong());
    }

    /**
     * Authors keep creating frameworks and editing one draft while an admin rebuilds: every write they were told
     * succeeded is in the read models afterwards, the last edit of the draft included, and each write reads back
     * its own change.
     */
    @Test
    void keepsEveryWrite_whenAuthorsWriteWhileTheReadModelsAreRebuilt() throws Exception {
        ServiceHttp author = SharedService.as(SharedService.AUTHOR);
        ServiceHttp admin = SharedService.as(SharedService.ADMIN);
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String live = author.expect(201, author.post("/api/frameworks",
                "{\"code\": \"LIVE-" + run + "\", \"title\": \"Live 0\"}")).path("frameworkId").asString();
        for (int i = 0; i < 10; i++) {
            author.expect(201, author.post("/api/frameworks", "{\"code\": \"SEED-" + run + "-" + i
                    + "\", \"title\": \"Seed " + i + "\"}"));
        }
        AtomicBoolean rebuilt = new AtomicBoolean();
        List<Write> writes = new CopyOnWriteArrayList<>();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> writing = writer.submit(() -> {
            for (int n = 1; !rebuilt.get() || n < 6; n++) {
                writes.add(write(author, run, live, n));
            }
        });
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> writes.size() >= 2);
            Instant rebuildSent = Instant.now();
            HttpResponse<String> rebuild = admin.post("/api/frameworks/admin/rebuild", null);
            assertThat(rebuild.statusCode()).as(rebuild.body()).isIn(200, 202);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    admin.expect(200, admin.get("/api/frameworks/admin/rebuild")).path("caughtUp").asBoolean())
                    .isTrue());
            Instant caughtUp = Instant.now();
            rebuilt.set(true);
            writing.get(2, TimeUnit.MINUTES);

            assertThat(writes).as("writes in flight while the read models were rebuilt")
                    .anyMatch(w -> w.sent().isBefore(caughtUp) && w.answered().isAfter(rebuildSent));
        } finally {
            writer.shutdownNow();
        }
        for (Write w : writes) {
            JsonNode framework = author.expect(200, author.get("/api/frameworks/" + w.frameworkId()));
            assertThat(framework.path("title").asString()).isEqualTo(w.title());
            assertThat(author.expect(200, author.get("/api/frameworks?code=" + w.code()))).hasSize(1);
        }
        Write last = writes.get(writes.size() - 1);
        assertThat(author.expect(200, author.get("/api/frameworks/" + live)).path("title").asString())
                .isEqualTo("Live " + last.n());
        assertThat(author.expect(200, author.get("/api/frameworks/" + live + "/versions/1")).path("content")
                .path("title").asString()).isEqualTo("Live " + last.n());
    }

    /** One round of an author: a new framework with an edited draft, and the next edit of the live draft. */
    private static Write write(ServiceHttp author, String run, String live, int n) {
        Instant sent = Instant.now();
        String code = "W-" + run + "-" + n;
        JsonNode created = author.expect(201, author.post("/api/frameworks",
                "{\"code\": \"" + code + "\", \"title\": \"Written " + n + "\"}"));
        assertThat(created.path("code").asString()).as("the create reads back its own write").isEqualTo(code);
        String frameworkId = created.path("frameworkId").asString();
        String title = "Written and edited " + n;
        JsonNode edited = author.expect(200, author.put("/api/frameworks/" + frameworkId + "/draft",
                JSON.writeValueAsString(Contents.withTitle(Contents.valid(), title))));
        assertThat(edited.path("content").path("title").asString()).isEqualTo(title);
        JsonNode liveDraft = author.expect(200, author.put("/api/frameworks/" + live + "/draft",
                JSON.writeValueAsString(Contents.withTitle(Contents.valid(), "Live " + n))));
        assertThat(liveDraft.path("content").path("title").asString()).isEqualTo("Live " + n);
        return new Write(n, frameworkId, code, title, sent, Instant.now());
    }

    private record Write(int n, String frameworkId, String code, String title, Instant sent, Instant answered) {
    }
}
