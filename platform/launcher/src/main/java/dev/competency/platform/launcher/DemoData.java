package dev.competency.platform.launcher;

import dev.competency.contracts.EventAttributes;
import dev.competency.contracts.EventCatalog;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.Topics;
import dev.competency.contracts.evidence.Actor;
import dev.competency.contracts.evidence.ActorKind;
import dev.competency.contracts.evidence.EvidenceRecorded;
import dev.competency.contracts.evidence.SourceType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small demo organisation: one team of six learners with a manager, working towards the "Backend engineer II"
 * role profile of the example framework, with a few months of evidence each.
 *
 * <p>Everything goes in through the service that owns it, via the gateway: the framework, role profile and learning
 * resource of the contract examples are authored and published through the frameworks API (as the demo author),
 * which publishes them on the frameworks topic; learners are registered and placed in their team and role through
 * learner-profiles' API (as the demo admin); a discussion and a running team challenge are started through the
 * community API (as the demo learner and manager). Only the evidence goes straight to its topic, as assessments would
 * publish it after grading. What exists already is reused and evidence ids are fixed, so loading twice changes
 * nothing.
 */
final class DemoData {

    static final String TEAM_ID = "6233712f-50a9-4140-86c7-2a625148f704";
    static final String MANAGER_ID = "a3e7127e-0eb0-4eb8-9db6-0836f9d2f410";
    static final String FRAMEWORK_CODE = "DEV";
    static final String UNIT = "Platform engineering";
    /** Designs resource-oriented HTTP APIs; evolves APIs without breaking clients; models data for a document store. */
    static final List<String> COMPETENCIES = List.of("f82522b5-8a39-49ed-8fc9-acfef26216d4",
            "0c53df7e-a725-4159-a5c7-c0c3a46ec709", "80cc2334-be62-498c-8029-b2e2dae413b6");
    /** The learner the demo account {@code learner-ada} signs in as. */
    static final String DEMO_LEARNER_ID = "7f2b7f39-c8c5-488a-994e-3c054105938f";

    /** Each learner's underlying skill on each competency, from which their evidence scores are drawn. */
    static final List<DemoLearner> LEARNERS = List.of(
            new DemoLearner(DEMO_LEARNER_ID, "Amara Okafor", new double[] {0.86, 0.55, 0.74}),
            new DemoLearner("learner-grace", "Grace Mensah", new double[] {0.62, 0.81, 0.40}),
            new DemoLearner(demoId("lukas"), "Lukas Weber", new double[] {0.93, 0.90, 0.88}),
            new DemoLearner(demoId("priya"), "Priya Raman", new double[] {0.35, 0.28, 0.77}),
            new DemoLearner(demoId("tomas"), "Tomás Ortega", new double[] {0.71, 0.46, 0.52}),
            new DemoLearner(demoId("mei"), "Mei Chen", new double[] {0.48, 0.66, 0.91}));

    private static final List<SourceType> SOURCES = List.of(SourceType.ASSESSMENT, SourceType.OBSERVATION,
            SourceType.XAPI, SourceType.PEER, SourceType.SELF);
    private static final Instant FIRST_EVIDENCE = Instant.parse("2026-06-02T09:00:00Z");
    private static final int EVIDENCE_PER_COMPETENCY = 3;
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DemoData() {
    }

    record DemoLearner(String learnerId, String displayName, double[] skill) {

        String email() {
            return displayName.toLowerCase().replace('á', 'a').replace(' ', '.') + "@example.com";
        }
    }

    /**
     * Loads the demo organisation and makes sure a demo xAPI client exists, whose credentials are returned (kept in
     * the data directory, when there is one, so that a restart prints the same ones).
     */
    static DemoXapiClient load(String bootstrapServers, URI gateway, Optional<Path> dataDirectory) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            Api author = new Api(gateway, token(gateway, "author-ana"));
            PublishedFramework framework = publishFramework(author);
            String roleProfileId = publishCatalogueEntry(author, "/api/frameworks/role-profiles", "roleProfileId",
                    framework, EventTypes.ROLE_PROFILE_PUBLISHED);
            publishCatalogueEntry(author, "/api/frameworks/learning-resources", "resourceId", framework,
                    EventTypes.LEARNING_RESOURCE_PUBLISHED);
            String adminToken = token(gateway, "admin-ada");
            registerLearners(new Api(gateway, adminToken), roleProfileId);
            Api learner = new Api(gateway, token(gateway, "learner-ada"));
            DemoAssessments.load(author, learner, framework);
            DemoCommunity.load(learner, new Api(gateway, token(gateway, "manager-maria")));
            List<EvidenceRecorded> evidence = evidence(framework);
            for (EvidenceRecorded item : evidence) {
                publish(producer, item);
            }
            log.info("Demo data loaded: framework {} version {}, role profile {}, learning resource, {} learners "
                    + "in team {}, {} pieces of evidence", framework.frameworkId(), framework.version(),
                    roleProfileId, LEARNERS.size(), TEAM_ID, evidence.size());
            return DemoXapiClient.ensure(gateway, dataDirectory, adminToken);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading demo data", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot publish demo data", e);
        }
    }

    record PublishedFramework(String frameworkId, int version) {
    }

    /**
     * The example framework, authored through the frameworks API with the example's competency ids, scale and
     * policy, and published; or the one a previous load published.
     */
    private static PublishedFramework publishFramework(Api author) throws InterruptedException {
        JsonNode existing = author.call("GET", "/api/frameworks?code=" + FRAMEWORK_CODE, null);
        String frameworkId = null;
        for (JsonNode framework : existing) {
            if (FRAMEWORK_CODE.equals(framework.path("code").asString())) {
                if (framework.path("publishedVersion").asInt() > 0) {
                    return new PublishedFramework(framework.path("frameworkId").asString(),
                            framework.path("publishedVersion").asInt());
                }
                frameworkId = framework.path("frameworkId").asString();
            }
        }
        JsonNode example = JSON.readTree(example(EventTypes.FRAMEWORK_PUBLISHED));
        if (frameworkId == null) {
            frameworkId = author.call("POST", "/api/frameworks", Map.of("code", FRAMEWORK_CODE,
                    "title", example.path("title").asString(), "description", example.path("description").asString()))
                    .path("frameworkId").asString();
        }
        author.call("PUT", "/api/frameworks/" + frameworkId + "/draft", draftOf(example));
        author.call("POST", "/api/frameworks/" + frameworkId + "/publication", null);
        JsonNode published = author.call("GET", "/api/frameworks/" + frameworkId, null);
        return new PublishedFramework(frameworkId, published.path("publishedVersion").asInt());
    }

    /**
     * The draft content of a framework.published snapshot. The snapshot names parents, relation ends and required
     * children by id and marks every level from the mastery level up; a draft names them by code and marks only the
     * mastery level itself.
     */
    static ObjectNode draftOf(JsonNode snapshot) {
        Map<String, String> codes = new HashMap<>();
        snapshot.path("competencies").forEach(c -> codes.put(c.path("id").asString(), c.path("code").asString()));
        ObjectNode draft = JSON.createObjectNode();
        draft.put("title", snapshot.path("title").asString());
        draft.put("description", snapshot.path("description").asString());
        ArrayNode competencies = draft.putArray("competencies");
        for (JsonNode competency : snapshot.path("competencies")) {
            ObjectNode copy = (ObjectNode) competency.deepCopy();
            copy.remove("parentId");
            copy.remove("externalId");
            if (competency.hasNonNull("parentId")) {
                copy.put("parentCode", codes.get(competency.path("parentId").asString()));
            }
            if (competency.hasNonNull("scaleOverride")) {
                copy.set("scaleOverride", draftScale(competency.path("scaleOverride")));
            }
            if (competency.hasNonNull("policyOverride")) {
                copy.set("policyOverride", draftPolicy(competency.path("policyOverride"), codes));
            }
            competencies.add(copy);
        }
        ArrayNode relations = draft.putArray("relations");
        for (JsonNode relation : snapshot.path("relations")) {
            relations.addObject().put("source", codes.get(relation.path("sourceId").asString()))
                    .put("target", codes.get(relation.path("targetId").asString()))
                    .put("type", relation.path("type").asString());
        }
        draft.set("scale", draftScale(snapshot.path("scale")));
        draft.set("policy", draftPolicy(snapshot.path("masteryPolicy"), codes));
        return draft;
    }

    private static ObjectNode draftScale(JsonNode scale) {
        ObjectNode copy = (ObjectNode) scale.deepCopy();
        boolean masteryLevelSeen = false;
        for (JsonNode level : copy.path("levels")) {
            boolean mastery = level.path("mastery").asBoolean() && !masteryLevelSeen;
            masteryLevelSeen |= mastery;
            ((ObjectNode) level).put("mastery", mastery);
        }
        return copy;
    }

    private static ObjectNode draftPolicy(JsonNode policy, Map<String, String> codes) {
        ObjectNode copy = (ObjectNode) policy.deepCopy();
        JsonNode required = copy.path("rollUp").path("requiredChildren");
        if (required.isArray()) {
            ArrayNode byCode = JSON.createArrayNode();
            required.forEach(id -> byCode.add(codes.get(id.asString())));
            ((ObjectNode) copy.path("rollUp")).set("requiredChildren", byCode);
        }
        return copy;
    }

    /**
     * The role profile or learning resource of the contract example, on the demo framework: reused when a previous
     * load published one with the same title, else defined and published.
     */
    private static String publishCatalogueEntry(Api author, String path, String idField, PublishedFramework framework,
                                                String exampleType) throws InterruptedException {
        ObjectNode definition = (ObjectNode) JSON.readTree(example(exampleType));
        String title = definition.path("title").asString();
        for (JsonNode entry : author.call("GET", path + "?frameworkId=" + framework.frameworkId(), null)) {
            if (title.equals(entry.path("title").asString()) && entry.path("publishedVersion").asInt() > 0) {
                return entry.path(idField).asString();
            }
        }
        definition.put("frameworkId", framework.frameworkId());
        if (definition.has("frameworkVersion")) {
            definition.put("frameworkVersion", framework.version());
        }
        String id = author.call("POST", path, definition).path(idField).asString();
        author.call("POST", path + "/" + id + "/publication", null);
        return id;
    }

    /** Every piece of demo evidence: three per learner and competency, a month apart, from varied sources. */
    static List<EvidenceRecorded> evidence(PublishedFramework framework) {
        List<EvidenceRecorded> all = new ArrayList<>();
        for (int l = 0; l < LEARNERS.size(); l++) {
            DemoLearner learner = LEARNERS.get(l);
            for (int c = 0; c < COMPETENCIES.size(); c++) {
                for (int n = 0; n < EVIDENCE_PER_COMPETENCY; n++) {
                    all.add(evidence(framework, learner, l, c, n));
                }
            }
        }
        return all;
    }

    private static EvidenceRecorded evidence(PublishedFramework framework, DemoLearner learner, int l, int c,
                                             int n) {
        String competencyId = COMPETENCIES.get(c);
        String evidenceId = demoId("evidence:" + learner.learnerId() + ":" + competencyId + ":" + n);
        SourceType source = SOURCES.get((l + c + n) % SOURCES.size());
        // Learners improve a little over the months; the spread stays deterministic.
        double score = Math.max(0, Math.min(1, learner.skill()[c] - 0.08 + 0.06 * n + 0.02 * ((l + n) % 3 - 1)));
        score = Math.round(score * 100) / 100.0;
        Instant occurredAt = FIRST_EVIDENCE.plus(Duration.ofDays(30L * n + 3L * l + c));
        return new EvidenceRecorded(evidenceId, learner.learnerId(), competencyId, framework.frameworkId(),
                framework.version(), score, score * 20, 20.0, source, actor(source, learner, l), occurredAt,
                occurredAt.plusSeconds(60), provenance(source, evidenceId, competencyId), null, null);
    }

    private static Actor actor(SourceType source, DemoLearner learner, int l) {
        return switch (source) {
            case OBSERVATION -> new Actor("assessor-alan", ActorKind.ASSESSOR);
            case PEER -> new Actor(LEARNERS.get((l + 1) % LEARNERS.size()).learnerId(), ActorKind.PEER);
            case SELF -> new Actor(learner.learnerId(), ActorKind.LEARNER);
            default -> new Actor("assessments-" + source.name().toLowerCase(), ActorKind.SYSTEM);
        };
    }

    private static EvidenceRecorded.Provenance provenance(SourceType source, String evidenceId, String competencyId) {
        String assessmentId = demoId("assessment:" + source + ":" + competencyId);
        return source == SourceType.XAPI
                ? new EvidenceRecorded.Provenance(null, null, demoId("statement:" + evidenceId), null,
                        "https://demo.competency.example/activities/" + competencyId)
                : new EvidenceRecorded.Provenance(assessmentId, demoId("attempt:" + evidenceId), null, 1, null);
    }

    private static void registerLearners(Api admin, String roleProfileId) throws InterruptedException {
        for (DemoLearner learner : LEARNERS) {
            admin.call("POST", "/api/learners", Map.of("learnerId", learner.learnerId(),
                    "displayName", learner.displayName(), "email", learner.email(), "organisationUnit", UNIT), 409);
            admin.call("PUT", "/api/learners/" + learner.learnerId() + "/team",
                    Map.of("teamId", TEAM_ID, "managerId", MANAGER_ID));
            admin.call("PUT", "/api/learners/" + learner.learnerId() + "/role",
                    Map.of("roleProfileId", roleProfileId, "roleProfileVersion", 1));
        }
    }

    /** The platform's API through the gateway, as one demo account. */
    record Api(URI gateway, String token) {

        JsonNode call(String method, String path, Object body) throws InterruptedException {
            return call(method, path, body, -1);
        }

        /** A 2xx, or the one status that means "done already", is fine; the body as JSON (empty when none). */
        JsonNode call(String method, String path, Object body, int alsoFine) throws InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path))
                    .header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30));
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            }
            HttpResponse<String> response = send(request.build());
            if (response.statusCode() / 100 != 2 && response.statusCode() != alsoFine) {
                throw new IllegalStateException("Demo data: " + method + " " + path + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        }
    }

    /** A token from the gateway's development issuer, for one of its demo accounts. */
    static String token(URI gateway, String username) throws InterruptedException {
        String form = "grant_type=password&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(username + "-pass", StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.resolve("/dev-issuer/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).timeout(Duration.ofSeconds(10)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Demo data: no token for " + username + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    static HttpResponse<String> send(HttpRequest request) throws InterruptedException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Demo data: " + request.method() + " " + request.uri() + " failed", e);
        }
    }

    /** Evidence as assessments publishes it: keyed by learner, with CloudEvents headers and a fixed event id. */
    private static void publish(KafkaProducer<String, byte[]> producer, EvidenceRecorded evidence)
            throws InterruptedException, ExecutionException {
        String key = evidence.partitionKey();
        EventAttributes attributes = new EventAttributes(demoId("evidence.recorded:" + evidence.evidenceId()),
                EventTypes.EVIDENCE_RECORDED, "/services/assessments", evidence.recordedAt(), key);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.EVIDENCE, key,
                JSON.writeValueAsBytes(evidence));
        attributes.toHeaders().forEach((name, value) ->
                record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        producer.send(record).get();
    }

    private static String demoId(String seed) {
        return UUID.nameUUIDFromBytes(("demo:" + seed).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static byte[] example(String type) {
        String name = EventCatalog.byType(type).exampleResource();
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("No example on the classpath at " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
