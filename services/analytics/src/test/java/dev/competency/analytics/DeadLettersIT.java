package dev.competency.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.competency.analytics.state.ContractEvents;
import dev.competency.contracts.EventAttributes;
import dev.competency.contracts.EventCatalog;
import dev.competency.contracts.EventTypes;
import dev.competency.contracts.IntegrationEvent;
import dev.competency.contracts.Topics;
import dev.competency.platform.test.KafkaTestClient;
import dev.competency.platform.test.RunningService;
import dev.competency.platform.test.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Poison on the mastery topic, the one no other service reads, with two replicas of analytics on the real broker:
 * each poison record reaches {@code competency.mastery.v1.dlq} once with its reason, whatever the replicas, a rebuild
 * and a restart, and both replicas keep reading past it.
 */
class DeadLettersIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DEAD_LETTERS = Topics.deadLetter(Topics.MASTERY);
    private static final Instant T = Instant.parse("2026-03-05T10:00:00Z");

    @Test
    void deadLettersEachPoisonRecordOnce_whenTwoReplicasRebuildAndRestart() throws Exception {
        String admin = TestTokens.token("admin-1", "ADMIN");
        String run = UUID.randomUUID().toString();
        try (KafkaTestClient kafka = new KafkaTestClient();
             RunningService first = RunningService.start(AnalyticsApplication.class, "analytics-dead-letters-a")) {
            RunningService second = RunningService.start(AnalyticsApplication.class, "analytics-dead-letters-b");
            try {
                // Each poison record is followed, on its partition, by a good record of the learner in its key.
                Map<String, String> poison = new LinkedHashMap<>();
                List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
                poison.put("poison-json-" + run, "invalid JSON");
                records.add(poison(null, "poison-json-" + run, EventTypes.MASTERY_CHANGED, "{\"learnerId\": \"unterm"));
                poison.put("poison-type-" + run, "unknown ce_type");
                records.add(poison(null, "poison-type-" + run, "competency.unheard-of.v1", "{\"learnerId\":\"x\"}"));
                poison.put("poison-schema-" + run, "schema violation");
                records.add(poison(null, "poison-schema-" + run, EventTypes.MASTERY_CHANGED,
                        "{\"learnerId\":[],\"competencyId\":{\"not\":\"an id\"}}"));
                for (String learner : poison.keySet()) {
                    records.add(record(ContractEvents.mastery(learner, "c1", "COMPETENT", true, 0.7, T)));
                }
                kafka.sendTogether(records);

                await().atMost(WAIT).until(() -> lettersByKey(poison.keySet().stream().toList()).size()
                        == poison.size());
                for (String learner : poison.keySet()) {
                    for (RunningService replica : List.of(first, second)) {
                        await().atMost(WAIT).until(() -> replica.get("/api/analytics/learners/" + learner
                                + "/mastery", admin).body().contains("\"c1\""));
                    }
                }
                Map<String, List<ConsumerRecord<String, byte[]>>> letters =
                        lettersByKey(poison.keySet().stream().toList());
                poison.keySet().forEach(key -> {
                    ConsumerRecord<String, byte[]> letter = letters.get(key).get(0);
                    assertThat(KafkaTestClient.header(letter, "kafka_dlt-exception-message"))
                            .as("the reason of %s", poison.get(key)).isNotBlank();
                    assertThat(KafkaTestClient.header(letter, "kafka_dlt-original-topic")).isEqualTo(Topics.MASTERY);
                    assertThat(KafkaTestClient.header(letter, "kafka_dlt-original-consumer-group"))
                            .isEqualTo("analytics.dead-letters");
                    assertThat(letter.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
                });
                assertThat(KafkaTestClient.header(letters.get("poison-type-" + run).get(0),
                        "kafka_dlt-exception-message")).contains("ce_type");

                // A rebuild reads every topic again from offset 0 on the first replica; the second one stops, and
                // starts again, reading them again from offset 0 too.
                HttpResponse<String> rebuild = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + first.port() + "/api/analytics/admin/rebuild"))
                        .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(rebuild.statusCode()).isEqualTo(202);
                await().atMost(WAIT).until(() -> first.get("/api/analytics/admin/rebuild", admin).body()
                        .contains("\"DONE\""));
                second.close();
                second = RunningService.start(AnalyticsApplication.class, "analytics-dead-letters-b");
                RunningService restarted = second;
                await().atMost(WAIT).until(() -> "UP".equals(restarted.health("/actuator/health/readiness")
                        .get("status")));

                // A poison record after them on every partition: once each is dead-lettered, anything written again
                // for the records before it on its partition would be in the dead-letter topic too.
                List<String> sentinels = new ArrayList<>();
                List<ProducerRecord<String, byte[]>> last = new ArrayList<>();
                for (int partition = 0; partition < Topics.partitions(Topics.MASTERY); partition++) {
                    String key = "sentinel-" + partition + "-" + run;
                    sentinels.add(key);
                    last.add(poison(partition, key, "competency.unheard-of.v1", "{}"));
                }
                kafka.sendTogether(last);
                await().atMost(WAIT).until(() -> lettersByKey(sentinels).size() == sentinels.size());

                List<String> all = new ArrayList<>(poison.keySet());
                all.addAll(sentinels);
                Map<String, Integer> copies = new LinkedHashMap<>();
                lettersByKey(all).forEach((key, found) -> copies.put(key, found.size()));
                assertThat(copies).as("dead letters per poison record").hasSize(all.size())
                        .allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
            } finally {
                second.close();
            }
        }
    }

    private static Map<String, List<ConsumerRecord<String, byte[]>>> lettersByKey(List<String> keys) {
        return KafkaTestClient.records(DEAD_LETTERS, letter -> keys.contains(letter.key())).stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key, LinkedHashMap::new, Collectors.toList()));
    }

    /** A record on the mastery topic (on the partition given, else the key's) that breaks its contract. */
    private static ProducerRecord<String, byte[]> poison(Integer partition, String key, String type, String value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.MASTERY, partition, key,
                value.getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_type", type, "ce_source", "/tests", "ce_time", Instant.now().toString());
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static ProducerRecord<String, byte[]> record(IntegrationEvent payload) {
        EventAttributes attributes = new EventAttributes(UUID.randomUUID().toString(),
                EventCatalog.byPayloadType(payload.getClass()).type(), "/tests", Instant.now(), payload.partitionKey());
        return KafkaTestClient.contractRecord(attributes, payload.partitionKey(), JSON.writeValueAsBytes(payload));
    }
}
