package dev.competency.community.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.competency.community.notification.query.NotificationKind;
import dev.competency.community.notification.query.Notifications;
import dev.competency.platform.test.ServiceHttp;
import dev.competency.community.support.SharedService;
import dev.competency.community.support.Streams;
import dev.competency.contracts.EventTypes;
import dev.competency.platform.test.KafkaTestClient;
import dev.competency.platform.test.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Notifications on the real broker and store: mastery in, a notification out on a Server-Sent Events client. */
class NotificationIT {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** An SSE client reading the stream's lines as they come. */
    private static final class StreamClient implements AutoCloseable {
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private final CompletableFuture<HttpResponse<Void>> response;

        StreamClient(String personId) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SharedService.get().port()
                            + "/api/community/notifications/stream"))
                    .header("Authorization", "Bearer " + TestTokens.token(personId, "LEARNER"))
                    .header("Accept", "text/event-stream").build();
            response = CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                    .thenApply(received -> {
                        received.body().forEach(lines::add);
                        return null;
                    });
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains(":connected"));
        }

        List<String> data() {
            return lines.stream().filter(line -> line.startsWith("data:")).map(line -> line.substring(5)).toList();
        }

        @Override
        public void close() {
            response.cancel(true);
        }
    }

    private static void publishLevel(String learnerId, String competencyId) {
        SharedService.publish(Streams.mastery(learnerId, competencyId, "PROFICIENT", true, Instant.now()));
    }

    @Test
    void sendsLevelChangeOnStreamOnce_whenMasteryArrivesTwice() {
        String ada = SharedService.registerLearner("Notified");
        ServiceHttp asAda = SharedService.asLearner(ada);
        try (StreamClient stream = new StreamClient(ada)) {
            var record = KafkaTestClient.contractRecord(EventTypes.MASTERY_CHANGED, ada, SharedService.JSON
                    .writeValueAsBytes(Streams.mastery(ada, "comp-n1", "PROFICIENT", true, Instant.now())));
            SharedService.kafka().send(record);
            SharedService.kafka().send(record);

            await().atMost(Duration.ofSeconds(30)).until(() -> !stream.data().isEmpty());
            JsonNode sent = SharedService.JSON.readTree(stream.data().get(0));
            assertThat(sent.get("kind").asString()).isEqualTo("LEVEL_CHANGED");
            assertThat(sent.get("recipientId").asString()).isEqualTo(ada);
            assertThat(sent.get("text").asString()).contains("PROFICIENT");
            assertThat(stream.lines).contains("event:notification");

            JsonNode feed = asAda.json(asAda.get("/api/community/notifications"));
            assertThat(feed.get("items")).hasSize(1);
            assertThat(feed.get("unreadCount").asLong()).isEqualTo(1);
            String id = feed.get("items").get(0).get("notificationId").asString();
            assertThat(SharedService.asLearner("someone-else").post("/api/community/notifications/" + id + "/read",
                    null).statusCode()).isEqualTo(404);
            assertThat(asAda.post("/api/community/notifications/" + id + "/read", null).statusCode()).isEqualTo(204);
            assertThat(asAda.json(asAda.get("/api/community/notifications")).get("unreadCount").asLong()).isZero();
            assertThat(stream.data()).hasSize(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.lines.contains(":heartbeat"));
        }
    }

    @Test
    void leavesMutedKindOutOfFeedUntilUnmuted_whenPersonMutesIt() {
        String bob = SharedService.registerLearner("Notified");
        ServiceHttp asBob = SharedService.asLearner(bob);
        assertThat(asBob.put("/api/community/notifications/settings", "{\"muted\":[\"LEVEL_CHANGED\"]}")
                .statusCode()).isEqualTo(200);
        assertThat(asBob.put("/api/community/notifications/settings", "{\"muted\":[\"GOSSIP\"]}").statusCode())
                .isEqualTo(400);

        publishLevel(bob, "comp-n2");
        Notifications stored = SharedService.get().bean(Notifications.class);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !stored.feed(bob, Set.of(), false, 0, 10).isEmpty());

        assertThat(asBob.json(asBob.get("/api/community/notifications")).get("items")).isEmpty();
        asBob.put("/api/community/notifications/settings", "{\"muted\":[]}");
        assertThat(asBob.json(asBob.get("/api/community/notifications")).get("items")).hasSize(1);
    }

    @Test
    void notifiesAuthorAndMentioned_whenSomeoneReplies() {
        String unit = "Unit-" + UUID.randomUUID();
        String ada = SharedService.registerLearner(unit);
        String bob = SharedService.registerLearner(unit);
        String cleo = SharedService.registerLearner(unit);
        ServiceHttp asAda = SharedService.asLearner(ada);
        String id = asAda.json(asAda.post("/api/community/discussions", SharedService.JSON.writeValueAsString(
                Map.of("subjectKind", "ASSESSMENT", "subjectId", "quiz-1", "title", "Question 3", "body", "Why?"))))
                .get("discussionId").asString();

        SharedService.asLearner(bob).post("/api/community/discussions/" + id + "/replies",
                SharedService.JSON.writeValueAsString(Map.of("body", "Ask @cleo", "mentions", List.of(cleo))));

        ServiceHttp asCleo = SharedService.asLearner(cleo);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                asAda.json(asAda.get("/api/community/notifications")).get("items").size() == 1
                        && asCleo.json(asCleo.get("/api/community/notifications")).get("items").size() == 1);
        assertThat(asAda.json(asAda.get("/api/community/notifications")).get("items").get(0).get("kind")
                .asString()).isEqualTo(NotificationKind.REPLY.name());
        assertThat(asCleo.json(asCleo.get("/api/community/notifications")).get("items").get(0).get("link")
                .asString()).isEqualTo("/api/community/discussions/" + id);
        assertThat(SharedService.asLearner(bob).json(SharedService.asLearner(bob)
                .get("/api/community/notifications")).get("items")).as("no notification of one's own post").isEmpty();
    }
}
