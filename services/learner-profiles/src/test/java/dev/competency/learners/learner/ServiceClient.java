package dev.competency.learners.learner;

import dev.competency.contracts.EventTypes;
import dev.competency.contracts.Topics;
import dev.competency.platform.test.KafkaTestClient;
import dev.competency.platform.test.TestInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What the integration tests need beyond the shared test clients: writes, and every record of a learner. */
public final class ServiceClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ServiceClient() {
    }

    public static HttpResponse<String> post(int port, String path, String token, String json) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public static HttpResponse<String> put(int port, String path, String token, String json) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public static HttpResponse<String> delete(int port, String path, String token) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).DELETE().build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        String call = request.method() + " " + request.uri().getPath();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(call + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + call, e);
        }
    }

    /**
     * Reads {@code competency.mastery.v1} from the beginning and returns the records keyed by {@code learnerId}
     * as soon as {@code complete} holds for them, or what there is after the timeout.
     */
    public static List<ConsumerRecord<String, byte[]>> masteryRecords(String learnerId,
            Predicate<List<ConsumerRecord<String, byte[]>>> complete, Duration timeout) {
        return mastery(EventTypes.MASTERY_CHANGED, learnerId, complete, timeout);
    }

    /** The {@code parent-mastery.changed} records of a learner, in order. */
    public static List<ConsumerRecord<String, byte[]>> parentMasteryRecords(String learnerId,
            Predicate<List<ConsumerRecord<String, byte[]>>> complete, Duration timeout) {
        return mastery(EventTypes.PARENT_MASTERY_CHANGED, learnerId, complete, timeout);
    }

    /** The {@code parent-rollup.ended} records of a learner, in order. */
    public static List<ConsumerRecord<String, byte[]>> rollupEndedRecords(String learnerId,
            Predicate<List<ConsumerRecord<String, byte[]>>> complete, Duration timeout) {
        return mastery(EventTypes.PARENT_ROLLUP_ENDED, learnerId, complete, timeout);
    }

    private static List<ConsumerRecord<String, byte[]>> mastery(String type, String learnerId,
            Predicate<List<ConsumerRecord<String, byte[]>>> complete, Duration timeout) {
        return ofType(type, records(Topics.MASTERY, learnerId, found -> complete.test(ofType(type, found)), timeout));
    }

    private static List<ConsumerRecord<String, byte[]>> ofType(String type,
            List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().filter(r -> type.equals(KafkaTestClient.header(r, "ce_type"))).toList();
    }

    public static int partitionCount(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.endpoints().kafkaBootstrapServers()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            return consumer.partitionsFor(topic).size();
        }
    }

    /** The same for any topic: the records keyed by {@code key}. */
    public static List<ConsumerRecord<String, byte[]>> records(String topic, String key,
            Predicate<List<ConsumerRecord<String, byte[]>>> complete, Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = KafkaTestClient.fromBeginning(topic)) {
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
                if (complete.test(found)) {
                    return found;
                }
            }
            return found;
        }
    }
}
