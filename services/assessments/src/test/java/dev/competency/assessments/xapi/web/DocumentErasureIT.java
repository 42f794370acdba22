package dev.competency.assessments.xapi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.competency.assessments.learners.query.LearnerDirectory;
import dev.competency.assessments.support.SharedService;
import dev.competency.assessments.xapi.domain.PersonRedaction;
import dev.competency.assessments.xapi.query.DocumentStore;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.Topics;
import dev.competency.contracts.learners.LearnerErased;
import dev.competency.contracts.learners.LearnerRegistered;
import dev.competency.contracts.learners.MailboxHash;
import dev.competency.platform.test.KafkaTestClient;
import dev.competency.platform.test.ServiceHttp;
import dev.competency.platform.test.TestTokens;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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

/**
 * {@code learner.erased} deletes the State and Agent Profile documents kept for the learner — by {@code mbox} in any
 * letter case, by {@code mbox_sha1sum} and by platform account — and leaves another person's documents and the activity's profile alone; a redelivery changes nothing more.
 */
class DocumentErasureIT {

    @Test
    void deletesTheLearnersStateAndAgentProfileDocumentsAndKeepsOthers_whenLearnerIsErased() {
        ServiceHttp lrs = registerProvider();
        String activity = "https://content.example.com/au/" + UUID.randomUUID();
        String email = "dora-" + UUID.randomUUID() + "@example.com";
        String hash = MailboxHash.ofAddress(email);
        String learnerId = SharedService.registerLearner("Erasure", email);
        String otherLearner = SharedService.registerLearner("Erasure", null);

        String byMbox = "{\"mbox\":\"mailto:" + email.toUpperCase() + "\"}";
        String bySha1sum = "{\"mbox_sha1sum\":\"" + hash + "\"}";
        String byAccount = "{\"account\":{\"homePage\":\"" + SharedService.LEARNER_HOME_PAGE + "\",\"name\":\""
                + learnerId + "\"}}";
        String otherByMbox = "{\"mbox\":\"mailto:olga.other-" + UUID.randomUUID() + "@example.com\"}";
        String otherByAccount = "{\"account\":{\"homePage\":\"" + SharedService.LEARNER_HOME_PAGE + "\",\"name\":\""
                + otherLearner + "\"}}";

        Map<String, String> learners = new LinkedHashMap<>();
        learners.put(state(activity, byMbox, "bookmark"), "State by mbox");
        learners.put(state(activity, bySha1sum, "bookmark"), "State by mbox_sha1sum");
        learners.put(state(activity, byAccount, "LMS.LaunchData"), "State by account");
        learners.put(agentProfile(byMbox, "preferences"), "Agent Profile by mbox");
        learners.put(agentProfile(bySha1sum, "preferences"), "Agent Profile by mbox_sha1sum");
        learners.put(agentProfile(byAccount, "preferences"), "Agent Profile by account");
        List<String> others = List.of(state(activity, otherByMbox, "bookmark"),
                state(activity, otherByAccount, "LMS.LaunchData"), agentProfile(otherByMbox, "preferences"),
                agentProfile(otherByAccount, "preferences"), "/xapi/activities/profile?activityId=" + encode(activity)
                        + "&profileId=outline");
        for (String document : learners.keySet()) {
            store(lrs, document, "{\"note\":\"Dora at " + email + "\"}");
        }
        for (int i = 0; i < others.size(); i++) {
            store(lrs, others.get(i), "{\"note\":\"someone else\",\"n\":" + i + "}");
        }
        Map<String, Document> othersStored = new LinkedHashMap<>();
        others.stream().filter(path -> !path.startsWith("/xapi/activities/profile"))
                .forEach(path -> othersStored.put(path, storedOf(lrs, path)));
        learners.keySet().forEach(document -> assertThat(lrs.get(document).statusCode())
                .as("before erasure: %s", learners.get(document)).isEqualTo(200));

        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send(erasedRecord(learnerId));
        }
        LearnerDirectory directory = SharedService.get().bean(LearnerDirectory.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.organisationUnit(learnerId).isEmpty());

        for (String document : learners.keySet()) {
            HttpResponse<String> response = lrs.get(document);
            assertThat(response.statusCode()).as("%s: %s", learners.get(document), response.body()).isEqualTo(404);
        }
        assertThat(ids(lrs, "/xapi/activities/state?activityId=" + encode(activity) + "&agent=" + encode(byMbox)))
                .as("the learner's State ids").isEmpty();
        assertThat(ids(lrs, "/xapi/agents/profile?agent=" + encode(bySha1sum))).as("the learner's profile ids")
                .isEmpty();
        for (String collection : List.of("xapi_state", "xapi_agent_profiles")) {
            for (Document stored : collection(collection).find()) {
                assertThat(stored.toJson()).as("%s %s", collection, stored.get("_id"))
                        .doesNotContainIgnoringCase(email)
                        .doesNotContainIgnoringCase(hash).doesNotContain("|" + learnerId);
            }
        }
        for (String document : others) {
            HttpResponse<String> response = lrs.get(document);
            assertThat(response.statusCode()).as("another person's %s", document).isEqualTo(200);
            assertThat(lrs.json(response).path("note").asString()).isEqualTo("someone else");
        }
        othersStored.forEach((path, stored) -> assertThat(storedOf(lrs, path)).as("stored %s", path)
                .isEqualTo(stored));

        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send(erasedRecord(learnerId));
            kafka.send(new ProducerRecord<>(Topics.LEARNERS, learnerId, null));
            kafka.send(KafkaTestClient.contractRecord(EventTypes.LEARNER_REGISTERED, learnerId,
                    SharedService.JSON.writeValueAsBytes(new LearnerRegistered(learnerId, null, "After erasure",
                            Instant.now()))));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.organisationUnit(learnerId).isPresent());

        othersStored.forEach((path, stored) -> assertThat(storedOf(lrs, path)).as("redelivered: %s", path)
                .isEqualTo(stored));
        assertThat(SharedService.get().bean(DocumentStore.class).eraseAgent(new PersonRedaction(
                SharedService.LEARNER_HOME_PAGE, learnerId, Set.of(), Set.of(hash))))
                .as("documents left to erase").isZero();
    }

    @Test
    void findsDocumentsStoredBeforeTheAddressHashWasKept_whenTheStoreStartsAgain() {
        String email = "Earl.Early-" + UUID.randomUUID() + "@example.com";
        String hash = MailboxHash.ofAddress(email);
        String id = UUID.randomUUID().toString();
        MongoCollection<Document> states = collection("xapi_state");
        states.insertOne(new Document("_id", id).append("activityId", "https://content.example.com/au/early")
                .append("agent", "mbox:mailto:" + email.toLowerCase()).append("registration", null)
                .append("documentId", "bookmark").append("contentType", "application/json")
                .append("content", new org.bson.types.Binary("{}".getBytes(StandardCharsets.UTF_8)))
                .append("etag", DocumentStore.etag("{}".getBytes(StandardCharsets.UTF_8)))
                .append("updated", new java.util.Date()));

        DocumentStore restarted = new DocumentStore(SharedService.get().bean(MongoDatabase.class), Clock.systemUTC());

        assertThat(states.find(Filters.eq("_id", id)).first().getString("mboxSha1sum")).isEqualTo(hash);
        assertThat(restarted.eraseAgent(PersonRedaction.of(SharedService.LEARNER_HOME_PAGE,
                UUID.randomUUID().toString(), Set.of(hash)))).isEqualTo(1);
        assertThat(states.countDocuments(Filters.eq("_id", id))).isZero();
    }

    private static ServiceHttp registerProvider() {
        ServiceHttp admin = SharedService.http().bearer(TestTokens.token("admin-1", "ADMIN"));
        JsonNode client = admin.json(admin.post("/api/assessments/xapi-clients", "{\"name\":\"Erasure player\"}"));
        return SharedService.http().basic(client.path("key").asString(), client.path("secret").asString()).xapi();
    }

    private static String state(String activity, String agent, String stateId) {
        return "/xapi/activities/state?activityId=" + encode(activity) + "&agent=" + encode(agent) + "&stateId="
                + stateId;
    }

    private static String agentProfile(String agent, String profileId) {
        return "/xapi/agents/profile?agent=" + encode(agent) + "&profileId=" + profileId;
    }

    private static void store(ServiceHttp lrs, String path, String content) {
        HttpResponse<String> response = lrs.header("If-None-Match", "*").put(path, content);
        lrs.without("If-None-Match");
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(204);
    }

    private static List<String> ids(ServiceHttp lrs, String scope) {
        HttpResponse<String> response = lrs.get(scope);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        lrs.json(response).forEach(id -> ids.add(id.asString()));
        return ids;
    }

    /** The stored form of the document at {@code path}, found by its ETag. */
    private static Document storedOf(ServiceHttp lrs, String path) {
        String etag = lrs.get(path).headers().firstValue("ETag").orElseThrow();
        String collection = path.startsWith("/xapi/agents/profile") ? "xapi_agent_profiles" : "xapi_state";
        return collection(collection).find(Filters.eq("etag", etag)).first();
    }

    private static MongoCollection<Document> collection(String name) {
        return SharedService.get().bean(MongoDatabase.class).getCollection(name);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static ProducerRecord<String, byte[]> erasedRecord(String learnerId) {
        return KafkaTestClient.contractRecord(EventTypes.LEARNER_ERASED, learnerId,
                SharedService.JSON.writeValueAsBytes(new LearnerErased(learnerId, Instant.now())));
    }
}
