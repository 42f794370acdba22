package dev.competency.platform.launcher;

import dev.competency.contracts.EventAttributes;
import dev.competency.contracts.EventCatalog;
import dev.competency.contracts.EventCatalog.EventDescriptor;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.IntegrationEvent;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small demo organisation: one team of six learners with a manager, working towards the "Backend engineer II"
 * role profile of the example framework, with a few months of evidence each.
 *
 * <p>What a service owns goes in through that service: learners are registered and placed in their team and role
 * through learner-profiles' API (via the gateway, as the demo admin), which publishes the learner events. What
 * other producers would publish goes to their topics as they would: the framework, role profile and learning
 * resource of the contract examples (as the frameworks service publishes them) and the evidence (as assessments
 * publishes it). Every id, event id and timestamp is fixed, so loading twice changes nothing.
 */
final class DemoData {

    static final String TEAM_ID = "6233712f-50a9-4140-86c7-2a625148f704";
    static final String MANAGER_ID = "a3e7127e-0eb0-4eb8-9db6-0836f9d2f410";
    static final String FRAMEWORK_ID = "aff4db59-f64d-4b25-ae24-c213dd0673f8";
    static final int FRAMEWORK_VERSION = 3;
    static final String ROLE_PROFILE_ID = "ca350761-ee5c-449e-8f55-4cb6cbfb8a6e";
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

    static void load(String bootstrapServers, URI gateway) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (String type : List.of(EventTypes.FRAMEWORK_PUBLISHED, EventTypes.ROLE_PROFILE_PUBLISHED,
                    EventTypes.LEARNING_RESOURCE_PUBLISHED)) {
                EventDescriptor descriptor = EventCatalog.byType(type);
                IntegrationEvent example = JSON.readValue(resource(descriptor.exampleResource()),
                        descriptor.payloadType());
                publish(producer, descriptor.topic(), type, "demo:" + type, "/services/frameworks", example);
            }
            registerLearners(gateway, token(gateway, "admin-ada"));
            List<EvidenceRecorded> evidence = evidence();
            for (EvidenceRecorded item : evidence) {
                publish(producer, Topics.EVIDENCE, EventTypes.EVIDENCE_RECORDED,
                        "demo:evidence.recorded:" + item.evidenceId(), "/services/assessments", item);
            }
            log.info("Demo data loaded: framework, role profile, learning resource, {} learners in team {}, "
                    + "{} pieces of evidence", LEARNERS.size(), TEAM_ID, evidence.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading demo data", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot publish demo data", e);
        }
    }

    /** Every piece of demo evidence: three per learner and competency, a month apart, from varied sources. */
    static List<EvidenceRecorded> evidence() {
        List<EvidenceRecorded> all = new ArrayList<>();
        for (int l = 0; l < LEARNERS.size(); l++) {
            DemoLearner learner = LEARNERS.get(l);
            for (int c = 0; c < COMPETENCIES.size(); c++) {
                for (int n = 0; n < EVIDENCE_PER_COMPETENCY; n++) {
                    all.add(evidence(learner, l, c, n));
                }
            }
        }
        return all;
    }

    private static EvidenceRecorded evidence(DemoLearner learner, int l, int c, int n) {
        String competencyId = COMPETENCIES.get(c);
        String evidenceId = demoId("evidence:" + learner.learnerId() + ":" + competencyId + ":" + n);
        SourceType source = SOURCES.get((l + c + n) % SOURCES.size());
        // Learners improve a little over the months; the spread stays deterministic.
        double score = Math.max(0, Math.min(1, learner.skill()[c] - 0.08 + 0.06 * n + 0.02 * ((l + n) % 3 - 1)));
        score = Math.round(score * 100) / 100.0;
        Instant occurredAt = FIRST_EVIDENCE.plus(Duration.ofDays(30L * n + 3L * l + c));
        return new EvidenceRecorded(evidenceId, learner.learnerId(), competencyId, FRAMEWORK_ID,
                FRAMEWORK_VERSION, score, score * 20, 20.0, source, actor(source, learner, l), occurredAt,
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

    private static void registerLearners(URI gateway, String adminToken) throws InterruptedException {
        for (DemoLearner learner : LEARNERS) {
            call(gateway, adminToken, "POST", "/api/learners", Map.of("learnerId", learner.learnerId(),
                    "displayName", learner.displayName(), "email", learner.email(), "organisationUnit", UNIT), 409);
            call(gateway, adminToken, "PUT", "/api/learners/" + learner.learnerId() + "/team",
                    Map.of("teamId", TEAM_ID, "managerId", MANAGER_ID), -1);
            call(gateway, adminToken, "PUT", "/api/learners/" + learner.learnerId() + "/role",
                    Map.of("roleProfileId", ROLE_PROFILE_ID, "roleProfileVersion", 1), -1);
        }
    }

    /** Calls the platform's API as the demo admin; a 2xx, or the one status that means "done already", is fine. */
    private static void call(URI gateway, String token, String method, String path, Object body, int alsoFine)
            throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() / 100 != 2 && response.statusCode() != alsoFine) {
            throw new IllegalStateException("Demo data: " + method + " " + path + " answered "
                    + response.statusCode() + ": " + response.body());
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

    private static HttpResponse<String> send(HttpRequest request) throws InterruptedException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Demo data: " + request.method() + " " + request.uri() + " failed", e);
        }
    }

    private static void publish(KafkaProducer<String, byte[]> producer, String topic, String type, String idSeed,
                                String source, IntegrationEvent event)
            throws InterruptedException, ExecutionException {
        String key = event.partitionKey();
        EventAttributes attributes = new EventAttributes(demoId(idSeed), type, source, Instant.now(), key);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, JSON.writeValueAsBytes(event));
        attributes.toHeaders().forEach((name, value) ->
                record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        producer.send(record).get();
    }

    private static String demoId(String seed) {
        return UUID.nameUUIDFromBytes(("demo:" + seed).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static byte[] resource(String name) {
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
