package dev.competency.platform.bench;

import dev.competency.contracts.IntegrationEvent;
import dev.competency.contracts.frameworks.MethodType;
import dev.competency.contracts.learners.LearnerRegistered;
import dev.competency.contracts.mastery.MasteryChanged;
import dev.competency.platform.bench.BenchCommandLine.Help;
import dev.competency.platform.bench.BenchCommandLine.NonNegative;
import dev.competency.platform.bench.BenchCommandLine.Positive;
import dev.competency.platform.bench.BenchCommandLine.Rate;
import dev.competency.platform.bench.BenchCommandLine.ServiceHeap;
import dev.competency.platform.test.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures the community service's live notification stream as browsers use it: through the gateway. Starts the
 * embedded broker and store, then {@code services/community/target/community.jar} and {@code gateway/target/gateway.jar}
 * as child JVMs that trust the bench's tokens, registers {@code --clients} learners on the learners stream, and opens
 * one Server-Sent Events stream per learner through the gateway. Then, in order: a warm-up (a few notifications,
 * unrecorded), a hold of {@code --hold-seconds} with heartbeats only, the heap (after a full GC), threads and file
 * descriptors of both JVMs with every stream open (and before any was opened), a steady {@code --rate} of
 * {@code mastery.changed} for {@code --steady-seconds}, then a burst of one per client at once. Each record names a
 * competency of its own, so the notification a client reads tells which record it came from; its latency runs from
 * just before the record is produced to the read of its {@code data:} line (one monotonic clock). Every stream must
 * stay open to the end.
 *
 * <p>{@code mvn -B -q -pl platform/bench compile exec:java -Dbench.main=dev.competency.platform.bench.CommunityStreamBench
 * -Dexec.args="--clients 1000"}
 */
public final class CommunityStreamBench {

    private static final Logger log = LoggerFactory.getLogger(CommunityStreamBench.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
    private static final String COMPETENCY_PREFIX = "sse-";
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(60);

    private final Options options;
    private final Report report = new Report();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<StreamClient> clients = new ArrayList<>();
    private final Map<String, StreamClient> clientByLearner = new ConcurrentHashMap<>();
    private final AtomicInteger misdelivered = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger unknown = new AtomicInteger();
    /** Send instant (nanoTime) of each record by its number; receipt instant, 0 until read. */
    private AtomicLongArray sentAt;
    private AtomicLongArray receivedAt;
    private int records;

    /** The command line of {@link CommunityStreamBench}. */
    @Command(name = "CommunityStreamBench", usageHelpWidth = 120,
            description = {"Measures community's notification stream through the gateway.",
                    "--rate paces the steady step (mastery.changed/s)."})
    static final class Options {

        @Option(names = "--clients", paramLabel = "N", defaultValue = "1000", converter = Positive.class,
                description = "simulated browsers, one learner and stream each (default ${DEFAULT-VALUE})")
        int clients;

        @Mixin
        Rate rate = new Rate(200);

        @Option(names = "--steady-seconds", paramLabel = "N", defaultValue = "60", converter = Positive.class,
                description = "seconds of the steady step (default ${DEFAULT-VALUE})")
        int steadySeconds;

        @Option(names = "--hold-seconds", paramLabel = "N", defaultValue = "120", converter = NonNegative.class,
                description = "seconds with every stream open and heartbeats only (default ${DEFAULT-VALUE})")
        int holdSeconds;

        @Option(names = "--warmup", paramLabel = "N", defaultValue = "20", converter = NonNegative.class,
                description = "notifications sent and awaited before the measured steps (default ${DEFAULT-VALUE})")
        int warmup;

        @Mixin
        ServiceHeap serviceHeap = new ServiceHeap("512m");

        @Option(names = "--gateway-heap", paramLabel = "SIZE", defaultValue = "512m",
                description = "-Xmx of the gateway (default ${DEFAULT-VALUE})")
        String gatewayHeap;

        @Option(names = "--community-jar", paramLabel = "PATH",
                description = "community's jar (default services/community/target/community.jar)")
        Optional<Path> communityJar = Optional.empty();

        @Option(names = "--gateway-jar", paramLabel = "PATH",
                description = "the gateway's jar (default gateway/target/gateway.jar)")
        Optional<Path> gatewayJar = Optional.empty();

        @Mixin
        Help help;
    }

    private CommunityStreamBench(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        new CommunityStreamBench(BenchCommandLine.parseOrExit(Options.class, args)).run();
    }

    private void run() {
        Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        Path communityJar = jar("community", options.communityJar,
                root.resolve("services/community/target/community.jar"));
        Path gatewayJar = jar("gateway", options.gatewayJar, root.resolve("gateway/target/gateway.jar"));
        int clientCount = options.clients;
        int total = options.warmup + options.rate.perSecond * options.steadySeconds + clientCount + 1;
        sentAt = new AtomicLongArray(total);
        receivedAt = new AtomicLongArray(total);
        try (Infrastructure infrastructure = Infrastructure.startEmbedded();
             KafkaProducer<String, byte[]> producer = Workload.producer(infrastructure.kafkaBootstrapServers());
             ServiceProcess community = startCommunity(communityJar, infrastructure);
             ServiceProcess gateway = startGateway(gatewayJar, community.url())) {
            try {
                report.note("community pid %d (-Xmx%s), gateway pid %d (-Xmx%s), %s", community.pid(),
                        options.serviceHeap.size, gateway.pid(), options.gatewayHeap, infrastructure.describe());
                for (int l = 0; l < clientCount; l++) {
                    send(producer, new LearnerRegistered(learner(l), null, "unit-" + (l % 10), T0));
                }
                producer.flush();
                long connectStart = System.nanoTime();
                connect(gateway.url(), clientCount);
                long connectedAt = System.nanoTime();
                report.add("connect: %d of %d streams open through the gateway in %.1f s", StreamClient.open(clients),
                        clientCount, (connectedAt - connectStart) / 1e9);
                warmUp(producer);
                Pause.of(Duration.ofSeconds(options.holdSeconds));
                report.add("hold: %d s with heartbeats only; %d of %d streams open, heartbeats per stream min %d max %d",
                        options.holdSeconds, StreamClient.open(clients), clientCount, minHeartbeats(),
                        maxHeartbeats());
                Footprint communityBusy = Footprint.of(community);
                Footprint gatewayBusy = Footprint.of(gateway);
                steady(producer);
                burst(producer, clientCount);
                long lifetime = System.nanoTime() - connectedAt;
                report.add("end: %d of %d streams open after %.0f s (the gateway's response timeout for other routes"
                                + " is 10 s); heartbeats per stream min %d max %d; misdelivered %d, duplicates %d,"
                                + " unknown %d", StreamClient.open(clients), clientCount, lifetime / 1e9,
                        minHeartbeats(), maxHeartbeats(), misdelivered.get(), duplicates.get(), unknown.get());
                clients.stream().filter(c -> c.ending().isPresent()).limit(10).forEach(c -> report.note(
                        "  %s ended after %.0f s: %s", c.learnerId(), (c.endedAt() - connectedAt) / 1e9,
                        c.ending().orElseThrow()));
                // The footprint without streams is taken last, once both JVMs have run every code path once.
                clients.forEach(StreamClient::close);
                awaitStreamsClosed(community);
                footprint("community", Footprint.of(community), communityBusy, clientCount);
                footprint("gateway", Footprint.of(gateway), gatewayBusy, clientCount);
            } finally {
                clients.forEach(StreamClient::close);
            }
        }
        log.info("Summary:{}{}", System.lineSeparator(), report.text());
    }

    // ---- phases

    private void connect(String gatewayUrl, int count) {
        for (int l = 0; l < count; l++) {
            String learnerId = learner(l);
            StreamClient client = new StreamClient(learnerId, (data, at) -> received(learnerId, data, at));
            clients.add(client);
            clientByLearner.put(learnerId, client);
            HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/community/notifications/stream"))
                    .header("Accept", "text/event-stream")
                    .header("Authorization", "Bearer " + TestTokens.token(learnerId, Map.of("roles",
                            List.of("LEARNER"), "org_unit", "unit-" + (l % 10)))).GET().build();
            http.sendAsync(request, client.handler()).whenComplete((response, error) -> {
                if (error != null) {
                    client.failed(error);
                }
            });
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (clients.stream().anyMatch(c -> !c.connected() && c.ending().isEmpty())) {
            if (System.nanoTime() > deadline) {
                break;
            }
            Pause.of(Duration.ofMillis(200));
        }
        clients.stream().filter(c -> !c.connected()).limit(5).forEach(c -> report.note("  %s not connected: status %d,"
                + " %s", c.learnerId(), c.status(), c.ending().orElse("no answer")));
    }

    private void warmUp(KafkaProducer<String, byte[]> producer) {
        int warmup = options.warmup;
        int first = records;
        for (int i = 0; i < warmup; i++) {
            publish(producer, learner(i % clients.size()));
        }
        producer.flush();
        awaitDelivery(first, records, Duration.ofMinutes(3));
        report.add("warm-up: %d of %d notifications delivered", delivered(first, records), warmup);
    }

    private void steady(KafkaProducer<String, byte[]> producer) {
        int rate = options.rate.perSecond;
        int seconds = options.steadySeconds;
        int first = records;
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        int sent = 0;
        while (System.nanoTime() < end) {
            long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
            while (sent < due) {
                publish(producer, learner(sent % clients.size()));
                sent++;
            }
            Pause.of(Duration.ofMillis(1));
        }
        producer.flush();
        awaitDelivery(first, records, DELIVERY_WAIT);
        report.add("steady: %d mastery.changed at %d/s for %d s through %d streams: %s, lost %d", sent, rate, seconds,
                clients.size(), latencies(first, records).summary(), sent - delivered(first, records));
    }

    private void burst(KafkaProducer<String, byte[]> producer, int clientCount) {
        int first = records;
        long start = System.nanoTime();
        for (int l = 0; l < clientCount; l++) {
            publish(producer, learner(l));
        }
        producer.flush();
        double produceSeconds = (System.nanoTime() - start) / 1e9;
        awaitDelivery(first, records, DELIVERY_WAIT);
        report.add("burst: one mastery.changed per stream (%d, produced in %.2f s): %s, lost %d", clientCount,
                produceSeconds, latencies(first, records).summary(), clientCount - delivered(first, records));
    }

    private void awaitStreamsClosed(ServiceProcess community) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        double open;
        while ((open = Footprint.metric(community, "community.notification.streams.open")) > 0) {
            if (System.nanoTime() > deadline) {
                report.note("community still counts %.0f open streams two minutes after the clients left", open);
                return;
            }
            Pause.of(Duration.ofMillis(500));
        }
    }

    private void footprint(String name, Footprint idle, Footprint busy, int streams) {
        report.add("%s with 0 (after the streams closed) / %d streams: heap after full GC %.1f / %.1f MB (%.1f KB per stream), threads %d / %d,"
                        + " file descriptors %d / %d, resident %.0f / %.0f MB", name, streams, idle.heapBytes / 1e6,
                busy.heapBytes / 1e6, (busy.heapBytes - idle.heapBytes) / 1024.0 / streams, idle.threads, busy.threads,
                idle.descriptors, busy.descriptors, idle.residentBytes / 1e6, busy.residentBytes / 1e6);
    }

    // ---- records and receipts

    private void publish(KafkaProducer<String, byte[]> producer, String learnerId) {
        int number = records++;
        String competency = COMPETENCY_PREFIX + number;
        MasteryChanged changed = new MasteryChanged(learnerId, competency, "bench-framework", 1, 1, MethodType.HIGHEST,
                "COMPETENT", null, 0.7, null, true, false, 1, T0, T0, null,
                MasteryChanged.ChangeCause.EVIDENCE_RECORDED, null);
        sentAt.set(number, System.nanoTime());
        send(producer, changed);
    }

    private void received(String learnerId, String data, long at) {
        JsonNode notification = JSON.readTree(data);
        String link = notification.path("link").asString();
        int slash = link.lastIndexOf('/' + COMPETENCY_PREFIX);
        if (slash < 0) {
            unknown.incrementAndGet();
            return;
        }
        if (!learnerId.equals(notification.path("recipientId").asString())) {
            misdelivered.incrementAndGet();
        }
        int number = Integer.parseInt(link.substring(slash + 1 + COMPETENCY_PREFIX.length()));
        if (!receivedAt.compareAndSet(number, 0, at)) {
            duplicates.incrementAndGet();
        }
    }

    private void awaitDelivery(int from, int to, Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        int last = -1;
        while (delivered(from, to) < to - from) {
            int now = delivered(from, to);
            if (now != last) {
                last = now;
                deadline = System.nanoTime() + quiet.toNanos();
            } else if (System.nanoTime() > deadline) {
                return;
            }
            Pause.of(Duration.ofMillis(50));
        }
    }

    private int delivered(int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (receivedAt.get(i) != 0) {
                count++;
            }
        }
        return count;
    }

    private Latencies latencies(int from, int to) {
        Latencies latencies = new Latencies();
        for (int i = from; i < to; i++) {
            if (receivedAt.get(i) != 0) {
                latencies.record(receivedAt.get(i) - sentAt.get(i));
            }
        }
        return latencies;
    }

    private int minHeartbeats() {
        return clients.stream().mapToInt(StreamClient::heartbeats).min().orElse(0);
    }

    private int maxHeartbeats() {
        return clients.stream().mapToInt(StreamClient::heartbeats).max().orElse(0);
    }

    private static String learner(int index) {
        return "sse-learner-" + index;
    }

    // ---- the two JVMs

    /** Heap used after a full GC (the JVM's own gauge), live threads, open file descriptors and resident memory. */
    private record Footprint(long heapBytes, long threads, long descriptors, long residentBytes) {

        static Footprint of(ServiceProcess child) {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            try {
                Process gc = new ProcessBuilder(jcmd.toString(), String.valueOf(child.pid()), "GC.run")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!gc.waitFor(2, TimeUnit.MINUTES) || gc.exitValue() != 0) {
                    throw new IllegalStateException("jcmd GC.run failed for " + child.name());
                }
                long descriptors;
                try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(child.pid()), "fd"))) {
                    descriptors = fds.count();
                }
                long resident = Files.readAllLines(Path.of("/proc", String.valueOf(child.pid()), "status"))
                        .stream().filter(line -> line.startsWith("VmRSS:"))
                        .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024).findFirst().orElse(-1);
                return new Footprint((long) metric(child, "jvm.memory.used?tag=area:heap"),
                        (long) metric(child, "jvm.threads.live"), descriptors, resident);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        static double metric(ServiceProcess child, String query) {
            return new ServiceClient(child.url(), () -> TestTokens.token("bench-admin", "ADMIN"))
                    .getJson("/actuator/metrics/" + query).path("measurements").get(0).path("value").asDouble();
        }
    }

    private ServiceProcess startCommunity(Path jar, Infrastructure infrastructure) {
        return ServiceProcess.start("community", jar, List.of("-Xmx" + options.serviceHeap.size),
                Map.of("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers(),
                        "MONGODB_URI", infrastructure.mongoConnectionString() + "/community-bench"),
                "/actuator/health/readiness");
    }

    private ServiceProcess startGateway(Path jar, String communityUrl) {
        // Every simulated browser connects from 127.0.0.1 with a token the gateway has not seen yet, which counts
        // against the per-address budget; real browsers come from addresses of their own.
        return ServiceProcess.start("gateway", jar, List.of("-Xmx" + options.gatewayHeap),
                Map.of("COMMUNITY_URL", communityUrl, "OIDC_CLIENT_SECRET", "bench",
                        "RATE_LIMIT_ANONYMOUS_PER_SECOND", "100000", "RATE_LIMIT_ANONYMOUS_BURST", "100000",
                        "ACCESS_LOG", "false"),
                "/actuator/health/readiness");
    }

    private static Path jar(String name, Optional<Path> given, Path standard) {
        return ServiceProcess.requireJar(name, given.orElse(standard),
                "mvn -B -DskipTests -Djib.skip -pl services/community,gateway -am package");
    }

    private static void send(KafkaProducer<String, byte[]> producer, IntegrationEvent payload) {
        producer.send(Workload.record(payload, "/bench"));
    }
}
