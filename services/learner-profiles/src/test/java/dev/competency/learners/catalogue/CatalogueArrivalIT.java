package dev.competency.learners.catalogue;

import static dev.competency.learners.learner.Examples.JSON;
import static dev.competency.learners.learner.Examples.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.competency.contracts.EventTypes;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.contracts.frameworks.RoleProfilePublished;
import dev.competency.learners.LearnerProfilesApplication;
import dev.competency.learners.catalogue.query.CatalogueArrivals;
import dev.competency.learners.learner.Examples;
import dev.competency.learners.learner.ServiceClient;
import dev.competency.platform.test.KafkaTestClient;
import dev.competency.platform.test.RunningService;
import dev.competency.platform.test.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.node.ObjectNode;

/**
 * A learner's gaps against a role profile (and framework version) the frameworks service published a moment ago:
 * awaited, not answered "not published"; while this service has not read the frameworks stream that far the answer
 * is 503 with Retry-After, and a role profile nobody published is 404 as before.
 */
class CatalogueArrivalIT {

    private static final String ADMIN = TestTokens.token("admin-1", "ADMIN");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static RunningService service;
    private static KafkaTestClient kafka;

    @BeforeAll
    static void start() {
        service = RunningService.start(LearnerProfilesApplication.class, "learner-profiles-arrival-it",
                Examples.EVIDENCE_DRIVEN_ONLY);
        kafka = new KafkaTestClient();
    }

    @AfterAll
    static void stop() {
        kafka.close();
        service.close();
    }

    /** Publishes a new framework and a role profile on it, without waiting for this service to read them. */
    private static RoleProfilePublished publishRoleOnNewFramework() {
        FrameworkPublished framework = Examples.withId(Examples.framework(), UUID.randomUUID().toString());
        send(kafka, EventTypes.FRAMEWORK_PUBLISHED, framework.frameworkId(), framework);
        ObjectNode node = (ObjectNode) JSON.readTree(KafkaTestClient.example(EventTypes.ROLE_PROFILE_PUBLISHED));
        node.put("roleProfileId", UUID.randomUUID().toString());
        node.put("frameworkId", framework.frameworkId());
        node.put("frameworkVersion", framework.version());
        RoleProfilePublished role = JSON.treeToValue(node, RoleProfilePublished.class);
        send(kafka, EventTypes.ROLE_PROFILE_PUBLISHED, role.frameworkId(), role);
        return role;
    }

    /** Registers a learner and assigns the role, and waits until the learner's profile shows it. */
    private static String learnerWithRole(String roleProfileId) {
        String learnerId = UUID.randomUUID().toString();
        assertThat(ServiceClient.post(service.port(), "/api/learners", ADMIN, "{\"learnerId\":\"" + learnerId
                + "\",\"displayName\":\"Ada\",\"organisationUnit\":\"ENG\"}").statusCode()).isEqualTo(201);
        assertThat(put("/api/learners/" + learnerId + "/role", "{\"roleProfileId\":\"" + roleProfileId + "\"}")
                .statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> service.get("/api/learners/" + learnerId, ADMIN).body()
                .contains(roleProfileId));
        return learnerId;
    }

    private static HttpResponse<String> gaps(String learnerId) {
        return service.get("/api/learners/" + learnerId + "/gaps", ADMIN);
    }

    private static HttpResponse<String> put(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).PUT(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("PUT " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during PUT " + path, e);
        }
    }

    @Test
    void answersGaps_whenRoleProfileWasPublishedAMomentAgo() {
        RoleProfilePublished role = publishRoleOnNewFramework();
        String learnerId = learnerWithRole(role.roleProfileId());

        HttpResponse<String> gaps = gaps(learnerId);

        assertThat(gaps.statusCode()).as(gaps.body()).isEqualTo(200);
        assertThat(JSON.readTree(gaps.body()).path("roleProfileId").asString()).isEqualTo(role.roleProfileId());
    }

    @Test
    void answersReadModelBehindWithRetryAfter_untilFrameworksStreamIsReadThatFar() {
        MessageListenerContainer catalogueConsumer = service.bean(KafkaListenerEndpointRegistry.class)
                .getListenerContainer(CatalogueArrivals.CONSUMER);
        RoleProfilePublished role;
        String learnerId;
        catalogueConsumer.stop();
        try {
            role = publishRoleOnNewFramework();
            learnerId = learnerWithRole(role.roleProfileId());

            HttpResponse<String> behind = gaps(learnerId);

            assertThat(behind.statusCode()).as(behind.body()).isEqualTo(503);
            assertThat(behind.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(behind.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JSON.readTree(behind.body()).path("type").asString()).endsWith("/problems/read-model-behind");
            assertThat(service.get("/api/learners/" + learnerId + "/recommendations", ADMIN).statusCode())
                    .isEqualTo(503);
        } finally {
            catalogueConsumer.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> gaps(learnerId).statusCode() == 200);
        assertThat(service.get("/api/learners/" + learnerId + "/recommendations", ADMIN).statusCode())
                .isEqualTo(200);
    }

    @Test
    void answersNotFound_whenRoleProfileWasNeverPublishedAndStreamIsReadToItsEnd() {
        String learnerId = learnerWithRole(UUID.randomUUID().toString());

        HttpResponse<String> gaps = gaps(learnerId);

        assertThat(gaps.statusCode()).as(gaps.body()).isEqualTo(404);
        assertThat(JSON.readTree(gaps.body()).path("detail").asString()).contains("has not been published yet");
    }
}
