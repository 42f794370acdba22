package dev.competency.analytics;

import static dev.competency.platform.test.KafkaTestClient.contractRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.competency.analytics.state.ContractEvents;
import dev.competency.contracts.EventAttributes;
import dev.competency.contracts.EventCatalog;
import dev.competency.contracts.IntegrationEvent;
import dev.competency.contracts.evidence.SourceType;
import dev.competency.platform.test.KafkaTestClient;
import dev.competency.platform.test.RunningService;
import dev.competency.platform.test.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Analytics on the real broker: contract events published to the four topics, read back as aggregates over HTTP,
 * unchanged by a record sent twice, without an erased learner, and the same after a rebuild from offset 0.
 */
class PublicStreamsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T = Instant.parse("2026-03-05T10:00:00Z");

    @Test
    void answersTheSameAggregates_whenReadFromTopicsAndAfterRebuild() throws Exception {
        String unit = "unit-" + UUID.randomUUID();
        String admin = TestTokens.token("admin-1", "ADMIN");
        try (KafkaTestClient kafka = new KafkaTestClient();
             RunningService service = RunningService.start(AnalyticsApplication.class, "analytics-streams-it")) {
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
            records.add(record(ContractEvents.framework(1, List.of("c1", "c2"))));
            records.add(record(ContractEvents.roleProfile("rp1", 1, Map.of("c1", "COMPETENT"))));
            for (int i = 0; i < 7; i++) {
                String learner = unit + "-learner-" + i;
                records.add(record(ContractEvents.registered(learner, unit)));
                records.add(record(ContractEvents.team(learner, i < 4 ? unit + "-a" : unit + "-b")));
                records.add(record(ContractEvents.role(learner, "rp1")));
                records.add(record(ContractEvents.evidence(UUID.randomUUID().toString(), learner, "c1",
                        SourceType.ASSESSMENT, T.minusSeconds(86_400))));
                // Two changes in the same millisecond: the later one in the stream is the cell.
                records.add(record(ContractEvents.mastery(learner, "c1", "DEVELOPING", false, 0.5, T)));
                records.add(record(ContractEvents.mastery(learner, "c1", "COMPETENT", true, 0.65, T)));
            }
            ProducerRecord<String, byte[]> duplicate = record(ContractEvents.mastery(unit + "-learner-0", "c2",
                    "PROFICIENT", true, 0.9, T));
            records.add(duplicate);
            records.add(duplicate);
            records.add(record(ContractEvents.erased(unit + "-learner-6")));
            // Redelivered after the erasure: must not bring the learner back.
            records.add(record(ContractEvents.mastery(unit + "-learner-6", "c2", "PROFICIENT", true, 0.9, T)));
            kafka.sendTogether(records);

            String path = "/api/analytics/capability?unit=" + unit + "&asOf=2100-01-01";
            await().atMost(WAIT).until(() -> {
                JsonNode map = JSON.readTree(service.get(path, admin).body());
                return map.path("groups").path(0).path("members").asInt() == 6
                        && cell(map, "c2").path("rated").asInt() == 1;
            });
            JsonNode before = JSON.readTree(service.get(path, admin).body());
            assertThat(cell(before, "c1").path("rated").asInt()).isEqualTo(6);
            assertThat(cell(before, "c1").path("mastered").asInt()).isEqualTo(6);
            assertThat(cell(before, "c1").path("levels").path("COMPETENT").asInt()).isEqualTo(6);
            assertThat(cell(before, "c2").path("rated").asInt()).isEqualTo(1);
            assertThat(service.health("/actuator/health/readiness")).containsEntry("status", "UP");
            assertThat(service.get("/actuator/prometheus").body()).contains("analytics_consumer_lag{")
                    .contains("analytics_events_applied_total{");

            HttpResponse<String> started = post(service, "/api/analytics/admin/rebuild", admin);
            assertThat(started.statusCode()).isEqualTo(202);
            await().atMost(WAIT).until(() -> JSON.readTree(service.get("/api/analytics/admin/rebuild", admin).body())
                    .path("state").asString().equals("DONE"));
            JsonNode status = JSON.readTree(service.get("/api/analytics/admin/rebuild", admin).body());
            assertThat(status.path("percentDone").asDouble()).isEqualTo(100.0);
            assertThat(status.path("eventsRead").asLong()).isEqualTo(status.path("eventsTotal").asLong());

            JsonNode after = JSON.readTree(service.get(path, admin).body());
            assertThat(after).isEqualTo(before);
        }
    }

    private static JsonNode cell(JsonNode map, String competencyId) {
        for (JsonNode cell : map.path("cells")) {
            if (cell.path("competencyId").asString().equals(competencyId)) {
                return cell;
            }
        }
        return JSON.createObjectNode();
    }

    private static ProducerRecord<String, byte[]> record(IntegrationEvent payload) {
        EventAttributes attributes = new EventAttributes(UUID.randomUUID().toString(),
                EventCatalog.byPayloadType(payload.getClass()).type(), "/tests", Instant.now(), payload.partitionKey());
        return contractRecord(attributes, payload.partitionKey(), JSON.writeValueAsBytes(payload));
    }

    private static HttpResponse<String> post(RunningService service, String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port()
                        + path)).header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
