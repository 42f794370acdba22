package dev.competency.assessments.xapi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.competency.assessments.learners.query.LearnerDirectory;
import dev.competency.platform.test.ServiceHttp;
import dev.competency.assessments.support.SharedService;
import dev.competency.assessments.xapi.domain.PersonRedaction;
import dev.competency.assessments.xapi.query.AttachmentContents;
import dev.competency.assessments.xapi.query.StatementStore;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.contracts.learners.LearnerErased;
import dev.competency.contracts.learners.LearnerRegistered;
import dev.competency.contracts.learners.MailboxHash;
import dev.competency.platform.test.KafkaTestClient;
import dev.competency.platform.test.TestTokens;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code learner.erased} takes the learner out of every stored statement that names them — by {@code mbox},
 * {@code mbox_sha1sum} or platform account, as actor or instructor, signed or not — and keeps everything else of the
 * statements; the signature made over the learner's statement is dropped.
 */
class StatementErasureIT {

    private static final String API_DESIGN = "f82522b5-8a39-49ed-8fc9-acfef26216d4";
    private static final String NAME = "Erin Ericsson-Erased";
    private static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";
    private static final String EXPERIENCED = "http://adlnet.gov/expapi/verbs/experienced";

    @Test
    void redactsEveryStatementNamingTheLearnerAndKeepsTheRest_whenLearnerIsErased() {
        ServiceHttp lrs = registerProvider();
        String aligned = alignActivity();
        String unaligned = "https://content.example.com/reading/" + UUID.randomUUID();
        String email = "erin-" + UUID.randomUUID() + "@example.com";
        String hash = MailboxHash.ofAddress(email);
        String learnerId = SharedService.registerLearner("Erasure", email);
        String otherLearner = SharedService.registerLearner("Erasure", null);
        String mbox = "{\"name\":\"" + NAME + "\",\"mbox\":\"mailto:" + email.toUpperCase() + "\"}";
        String account = "{\"name\":\"" + NAME + "\",\"account\":{\"homePage\":\"" + SharedService.LEARNER_HOME_PAGE
                + "\",\"name\":\"" + learnerId + "\"}}";
        String tutor = "{\"name\":\"Tom Tutor\",\"mbox\":\"mailto:tom.tutor@example.com\"}";

        Map<String, String> learners = new LinkedHashMap<>();
        learners.put(put(lrs, mbox, PASSED, aligned, "{\"score\":{\"scaled\":0.9},\"success\":true}", null),
                "scored, by mbox");
        learners.put(put(lrs, account, PASSED, aligned, "{\"score\":{\"raw\":16,\"min\":0,\"max\":20}}", null),
                "scored, by account");
        learners.put(put(lrs, mbox, EXPERIENCED, unaligned, null, tutor), "unscored, by mbox");
        learners.put(put(lrs, "{\"mbox_sha1sum\":\"" + hash + "\"}", EXPERIENCED, unaligned, null, null),
                "unscored, by mbox_sha1sum");
        String signed = UUID.randomUUID().toString();
        String signedStatement = "{\"id\":\"" + signed + "\",\"actor\":" + mbox + ",\"verb\":{\"id\":\""
                + EXPERIENCED + "\"},\"object\":{\"id\":\"" + unaligned + "\"}}";
        String jws = SignedStatements.rs256(signedStatement, SignedStatements.rsaKeys(), null);
        HttpResponse<String> signedResponse = lrs.header("Content-Type", "multipart/mixed; boundary="
                + SignedStatements.BOUNDARY).send("POST", "/xapi/statements", new String(SignedStatements.multipart(
                SignedStatements.withSignatureAttachment(signedStatement, jws), jws), StandardCharsets.UTF_8));
        lrs.without("Content-Type");
        assertThat(signedResponse.statusCode()).as(signedResponse.body()).isEqualTo(200);
        learners.put(signed, "signed, by mbox");
        AttachmentContents attachments = SharedService.get().bean(AttachmentContents.class);
        assertThat(attachments.find(SignedStatements.sha256(jws))).as("the signature, before erasure").isPresent();
        String taught = put(lrs, tutor, EXPERIENCED, unaligned, null, mbox);
        String others = put(lrs, "{\"name\":\"Olav Other\",\"account\":{\"homePage\":\""
                + SharedService.LEARNER_HOME_PAGE + "\",\"name\":\"" + otherLearner + "\"}}", PASSED, aligned,
                "{\"success\":true}", tutor);
        Map<String, JsonNode> before = new LinkedHashMap<>();
        for (String id : allOf(learners, taught, others)) {
            before.put(id, statement(lrs, id));
        }
        Document othersStored = stored(others);

        ProducerRecord<String, byte[]> erased = erasedRecord(learnerId);
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send(erased);
        }
        LearnerDirectory directory = SharedService.get().bean(LearnerDirectory.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.organisationUnit(learnerId).isEmpty());

        JsonNode pseudonym = SharedService.JSON.readTree("{\"objectType\":\"Agent\",\"account\":{\"homePage\":\""
                + SharedService.LEARNER_HOME_PAGE + "\",\"name\":\"" + learnerId + "\"}}");
        for (String id : learners.keySet()) {
            JsonNode after = statement(lrs, id);
            assertThat(after.path("actor")).as(learners.get(id)).isEqualTo(pseudonym);
            assertThat(withoutAgents(after)).as(learners.get(id)).isEqualTo(withoutAgents(before.get(id)));
        }
        JsonNode unscored = statement(lrs, learners.keySet().stream().toList().get(2));
        assertThat(unscored.path("context").path("instructor").path("name").asString())
                .as("another person named in the learner's statement").isEqualTo("Tom Tutor");
        JsonNode afterTaught = statement(lrs, taught);
        assertThat(afterTaught.path("context").path("instructor")).as("the learner as instructor").isEqualTo(pseudonym);
        assertThat(afterTaught.path("actor")).isEqualTo(before.get(taught).path("actor"));
        assertThat(withoutAgents(afterTaught)).isEqualTo(withoutAgents(before.get(taught)));
        assertThat(statement(lrs, others)).as("another learner's statement").isEqualTo(before.get(others));
        assertThat(stored(others)).isEqualTo(othersStored);
        assertThat(attachments.find(SignedStatements.sha256(jws))).as("the signature over the learner's statement")
                .isEmpty();
        for (String id : allOf(learners, taught)) {
            assertThat(stored(id).toJson()).as("stored %s", id).doesNotContainIgnoringCase(email)
                    .doesNotContain(NAME).doesNotContainIgnoringCase(hash);
        }
        assertThat(idsOf(lrs, "{\"account\":{\"homePage\":\"" + SharedService.LEARNER_HOME_PAGE + "\",\"name\":\""
                + learnerId + "\"}}")).as("the learner's statements, found by the pseudonymous account")
                .containsExactlyInAnyOrderElementsOf(learners.keySet());
        assertThat(idsOf(lrs, "{\"mbox\":\"mailto:" + email + "\"}")).as("found by the address").isEmpty();

        Map<String, Document> redacted = new LinkedHashMap<>();
        allOf(learners, taught).forEach(id -> redacted.put(id, stored(id)));
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send(erased);
            kafka.send(erasedRecord(learnerId));
            kafka.send(KafkaTestClient.contractRecord(EventTypes.LEARNER_REGISTERED, learnerId,
                    SharedService.JSON.writeValueAsBytes(new LearnerRegistered(learnerId, null, "After erasure",
                            Instant.now()))));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.organisationUnit(learnerId).isPresent());

        allOf(learners, taught).forEach(id -> assertThat(stored(id)).as("redelivered: %s", id)
                .isEqualTo(redacted.get(id)));
        StatementStore store = SharedService.get().bean(StatementStore.class);
        assertThat(store.redact(store.erasure(PersonRedaction.of(SharedService.LEARNER_HOME_PAGE, learnerId,
                Set.of(hash)))).statements()).isZero();
    }

    private static ServiceHttp registerProvider() {
        ServiceHttp admin = SharedService.http().bearer(TestTokens.token("admin-1", "ADMIN"));
        JsonNode client = admin.json(admin.post("/api/assessments/xapi-clients", "{\"name\":\"Erasure content\"}"));
        return SharedService.http().basic(client.path("key").asString(), client.path("secret").asString()).xapi();
    }

    private static String alignActivity() {
        FrameworkPublished framework = SharedService.publishFramework();
        String activity = "https://sims.example.com/erasure/" + UUID.randomUUID();
        HttpResponse<String> aligned = SharedService.http().bearer(TestTokens.token("author-1", "AUTHOR"))
                .post("/api/assessments/activity-alignments", "{\"activityId\":\"" + activity + "\",\"frameworkId\":\""
                        + framework.frameworkId() + "\",\"frameworkVersion\":" + framework.version()
                        + ",\"competencyIds\":[\"" + API_DESIGN + "\"]}");
        assertThat(aligned.statusCode()).as(aligned.body()).isEqualTo(201);
        return activity;
    }

    private static String put(ServiceHttp lrs, String actor, String verb, String activity, String result, String instructor) {
        String id = UUID.randomUUID().toString();
        String body = "{\"actor\":" + actor + ",\"verb\":{\"id\":\"" + verb + "\"},\"object\":{\"id\":\"" + activity
                + "\"}" + (result == null ? "" : ",\"result\":" + result)
                + (instructor == null ? "" : ",\"context\":{\"instructor\":" + instructor + "}")
                + ",\"timestamp\":\"2026-11-23T10:15:00Z\"}";
        HttpResponse<String> response = lrs.put("/xapi/statements?statementId=" + id, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        return id;
    }

    private static JsonNode statement(ServiceHttp lrs, String id) {
        HttpResponse<String> response = lrs.get("/xapi/statements?statementId=" + id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return lrs.json(response);
    }

    private static List<String> idsOf(ServiceHttp lrs, String agent) {
        HttpResponse<String> response = lrs.get("/xapi/statements?agent="
                + URLEncoder.encode(agent, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        lrs.json(response).path("statements").forEach(statement -> ids.add(statement.path("id").asString()));
        return ids;
    }

    private static Document stored(String id) {
        return SharedService.get().bean(MongoDatabase.class).getCollection("xapi_statements")
                .find(Filters.eq("_id", id)).first();
    }

    private static JsonNode withoutAgents(JsonNode statement) {
        ObjectNode copy = (ObjectNode) statement.deepCopy();
        copy.remove("actor");
        if (copy.get("context") instanceof ObjectNode context) {
            context.remove("instructor");
        }
        return copy;
    }

    private static List<String> allOf(Map<String, String> learners, String... more) {
        List<String> ids = new ArrayList<>(learners.keySet());
        ids.addAll(List.of(more));
        return ids;
    }

    private static ProducerRecord<String, byte[]> erasedRecord(String learnerId) {
        return KafkaTestClient.contractRecord(EventTypes.LEARNER_ERASED, learnerId,
                SharedService.JSON.writeValueAsBytes(new LearnerErased(learnerId, Instant.now())));
    }
}
