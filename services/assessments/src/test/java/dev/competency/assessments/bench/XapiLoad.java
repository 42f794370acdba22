package dev.competency.assessments.bench;

import dev.competency.assessments.AssessmentsApplication;
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
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * xAPI ingestion benchmark (not a test): starts the service on the test infrastructure, registers an activity
 * provider and measures (1) throughput of POSTs of 50 statements with full validation from several concurrent
 * clients, (2) latency of single PUTs sent at a fixed rate (open loop: latency counts from the moment a request was
 * due, so a slow response does not hide the requests queued behind it).
 *
 * <p>Arguments (all optional): {@code batchSeconds=20 clients=4 putRate=100 putSeconds=30}.
 */
public final class XapiLoad {

    private static final Logger log = LoggerFactory.getLogger(XapiLoad.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private XapiLoad() {
    }

    public static void main(String[] args) throws Exception {
        int batchSeconds = argument(args, "batchSeconds", 20);
        int clients = argument(args, "clients", 4);
        int putRate = argument(args, "putRate", 100);
        int putSeconds = argument(args, "putSeconds", 30);
        try (RunningService service = RunningService.start(AssessmentsApplication.class,
                "assessments-bench-" + UUID.randomUUID().toString().substring(0, 8), "logging.level.root=WARN")) {
            String base = "http://127.0.0.1:" + service.port();
            String basic = register(base);

            warmUp(base, basic);
            String batchReport = batchSeconds == 0 ? "POST batches skipped"
                    : batches(base, basic, batchSeconds, clients);
            String putReport = puts(base, basic, putRate, putSeconds);
            log.warn("RESULT {}", batchReport);
            log.warn("RESULT {}", putReport);
        }
        // The embedded Kafka broker and MongoDB-compatible server of the test infrastructure run non-daemon threads
        // until their shutdown hook; end the benchmark process here so that the hook runs.
        System.exit(0);
    }

    private static String batches(String base, String basic, int batchSeconds, int clients) {
        AtomicLong statements = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(batchSeconds).toNanos();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(CompletableFuture.runAsync(() -> {
                while (System.nanoTime() < deadline) {
                    HttpResponse<String> response = send(post(base, basic, batch(50)));
                    if (response.statusCode() == 200) {
                        statements.addAndGet(50);
                    } else {
                        failures.incrementAndGet();
                    }
                }
            }, pool));
        }
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        return String.format("POST batches of 50, %d clients, %.1f s: %d statements stored,"
                        + " %.0f statements/s, %d failed requests", clients, seconds, statements.get(),
                statements.get() / seconds, failures.get());
    }

    private static String puts(String base, String basic, int putRate, int putSeconds) throws InterruptedException {
        int total = putRate * putSeconds;
        long[] latencies = new long[total];
        AtomicLong putFailures = new AtomicLong();
        List<CompletableFuture<Void>> puts = new ArrayList<>();
        long intervalNanos = 1_000_000_000L / putRate;
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
            }
            int index = i;
            String id = UUID.randomUUID().toString();
            puts.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(base + "/xapi/statements?statementId=" + id))
                            .header("Authorization", basic).header("X-Experience-API-Version", "2.0.0")
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(statement(id))).build(),
                    HttpResponse.BodyHandlers.ofString()).thenAccept(response -> {
                        latencies[index] = System.nanoTime() - due;
                        if (response.statusCode() != 204) {
                            putFailures.incrementAndGet();
                        }
                    }));
        }
        CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).join();
        Arrays.sort(latencies);
        return String.format("single PUTs at %d/s for %d s (%d requests): p50 %.1f ms, p90 %.1f ms,"
                        + " p99 %.1f ms, max %.1f ms, %d failed", putRate, putSeconds, total,
                percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99),
                latencies[total - 1] / 1e6, putFailures.get());
    }

    private static void warmUp(String base, String basic) {
        for (int i = 0; i < 200; i++) {
            send(post(base, basic, batch(50)));
        }
        for (int i = 0; i < 1000; i++) {
            String id = UUID.randomUUID().toString();
            send(HttpRequest.newBuilder(URI.create(base + "/xapi/statements?statementId=" + id))
                    .header("Authorization", basic).header("X-Experience-API-Version", "2.0.0")
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(statement(id))).build());
        }
    }

    private static String register(String base) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/assessments/xapi-clients"))
                .header("Authorization", "Bearer " + TestTokens.token("bench-admin", "ADMIN"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Benchmark\"}")).build());
        JsonNode client = JSON.readTree(response.body());
        return "Basic " + Base64.getEncoder().encodeToString((client.path("key").asString() + ":"
                + client.path("secret").asString()).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpRequest post(String base, String basic, String body) {
        return HttpRequest.newBuilder(URI.create(base + "/xapi/statements"))
                .header("Authorization", basic).header("X-Experience-API-Version", "2.0.0")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String batch(int size) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            body.append(i == 0 ? "" : ",").append(statement(UUID.randomUUID().toString()));
        }
        return body.append(']').toString();
    }

    /** A statement of the size and shape e-learning content sends: actor, verb, activity with definition, result
     *  and context. */
    private static String statement(String id) {
        int learner = (int) (Math.random() * 1000);
        return "{\"id\":\"" + id + "\",\"actor\":{\"objectType\":\"Agent\",\"name\":\"Learner " + learner
                + "\",\"mbox\":\"mailto:learner" + learner + "@example.com\"},\"verb\":{\"id\":"
                + "\"http://adlnet.gov/expapi/verbs/answered\",\"display\":{\"en-US\":\"answered\"}},\"object\":{"
                + "\"objectType\":\"Activity\",\"id\":\"https://content.example.com/courses/api/q" + (learner % 40)
                + "\",\"definition\":{\"name\":{\"en-US\":\"Question\"},\"type\":"
                + "\"http://adlnet.gov/expapi/activities/cmi.interaction\",\"interactionType\":\"choice\","
                + "\"correctResponsesPattern\":[\"b\"],\"choices\":[{\"id\":\"a\",\"description\":{\"en-US\":\"A\"}},"
                + "{\"id\":\"b\",\"description\":{\"en-US\":\"B\"}}]}},\"result\":{\"score\":{\"scaled\":0.5,\"raw\":1,"
                + "\"min\":0,\"max\":2},\"success\":false,\"response\":\"a\",\"duration\":\"PT12.5S\"},\"context\":{"
                + "\"registration\":\"" + UUID.nameUUIDFromBytes(("r" + learner).getBytes(StandardCharsets.UTF_8))
                + "\",\"contextActivities\":{\"parent\":[{\"id\":\"https://content.example.com/courses/api\"}]},"
                + "\"platform\":\"web\",\"language\":\"en-US\"},\"timestamp\":\"" + Instant.now() + "\"}";
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static double percentile(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static int argument(String[] args, String name, int fallback) {
        for (String arg : args) {
            if (arg.startsWith(name + "=")) {
                return Integer.parseInt(arg.substring(name.length() + 1));
            }
        }
        return fallback;
    }
}
