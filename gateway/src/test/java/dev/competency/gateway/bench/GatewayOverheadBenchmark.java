package dev.competency.gateway.bench;

import ch.qos.logback.classic.Level;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/**
 * Measures what the gateway adds to a request's latency: the same GET at a constant rate, once straight to a
 * stand-in service and once through the gateway in front of it, alternating. Open loop: each request is due at a
 * fixed time and its latency counts from that time, so a stall delays the requests behind it as it would real
 * users (no coordinated omission). Prints p50/p90/p99/p99.9/max for both and the difference.
 *
 * <p>It starts the stand-in service itself, on {@code --backend-port}; start the gateway (any profile, with
 * {@code FRAMEWORKS_URL} pointing at that port and the rate limit raised) before, and give its URL and, for the
 * {@code local} profile, nothing else: a token is fetched from its development issuer. See gateway/README.md.
 *
 * <pre>
 * --gateway URL        the gateway (default http://127.0.0.1:18080)
 * --backend-port N     where the stand-in service listens (default 18081)
 * --backend netty|jdk  the stand-in's server: Reactor Netty's (default) or the JDK's
 * --rate N             requests per second (default 500)
 * --warmup SECONDS     per target, before measuring (default 20)
 * --seconds SECONDS    per measured round and target (default 30)
 * --rounds N           measured rounds, each direct then gateway (default 2)
 * --token TOKEN        bearer token to send (default: from the gateway's development issuer)
 * --latencies FILE    append each request through the gateway to FILE: round, due second, latency in ms
 * --probe SECONDS      first measure how steady the CPU itself is, with nothing else running (default 10; 0: skip)
 * </pre>
 */
public final class GatewayOverheadBenchmark {

    private static final String PATH = "/api/frameworks/benchmark";

    private GatewayOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        // Without a configuration logback logs every connection event at DEBUG, which costs the load generator more
        // CPU than the gateway it measures.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        byte[] payload = "{\"id\":\"benchmark\",\"title\":\"A small JSON document\"}".getBytes(StandardCharsets.UTF_8);
        AutoCloseable backend = options.backend.equals("netty") ? nettyBackend(options.backendPort, payload)
                : jdkBackend(options.backendPort, payload);
        ConnectionProvider pool = ConnectionProvider.builder("benchmark").maxConnections(256)
                .pendingAcquireMaxCount(-1).build();
        HttpClient client = HttpClient.create(pool).responseTimeout(Duration.ofSeconds(10));
        try {
            String token = options.token != null ? options.token : devIssuerToken(client, options.gateway);
            String direct = "http://127.0.0.1:" + options.backendPort + PATH;
            String viaGateway = options.gateway + PATH;
            System.out.printf(Locale.ROOT, "Constant rate %d req/s; warm-up %d s per target, then %d rounds of %d s%n",
                    options.rate, options.warmupSeconds, options.rounds, options.seconds);
            if (options.probeSeconds > 0) {
                System.out.println(CpuProbe.run(options.probeSeconds));
            }
            warmUp(client, direct, token, options.rate, options.warmupSeconds);
            warmUp(client, viaGateway, token, options.rate, options.warmupSeconds);
            List<Long> directLatencies = new ArrayList<>();
            List<Long> gatewayLatencies = new ArrayList<>();
            for (int round = 1; round <= options.rounds; round++) {
                directLatencies.addAll(run(client, direct, token, options.rate, options.seconds));
                List<Long> gateway = run(client, viaGateway, token, options.rate, options.seconds);
                gatewayLatencies.addAll(gateway);
                if (options.latencies != null) {
                    writeLatencies(options.latencies, round, gateway, options.rate);
                }
            }
            long[] d = sorted(directLatencies);
            long[] g = sorted(gatewayLatencies);
            System.out.printf(Locale.ROOT, "%n%-16s %9s %9s %9s %9s %9s %9s%n", "latency (ms)", "requests", "p50",
                    "p90", "p99", "p99.9", "max");
            row("direct", d);
            row("via gateway", g);
            System.out.printf(Locale.ROOT, "%-16s %9s %9.3f %9.3f %9.3f %9.3f%n", "added", "",
                    ms(percentile(g, 50) - percentile(d, 50)), ms(percentile(g, 90) - percentile(d, 90)),
                    ms(percentile(g, 99) - percentile(d, 99)), ms(percentile(g, 99.9) - percentile(d, 99.9)));
        } finally {
            pool.disposeLater().block(Duration.ofSeconds(5));
            backend.close();
        }
    }

    /** The stand-in service on Reactor Netty's server (the default), the gateway's own server stack. */
    private static AutoCloseable nettyBackend(int port, byte[] payload) {
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(port)
                .route(routes -> routes.get(PATH, (request, response) -> response
                        .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .sendByteArray(Mono.just(payload))))
                .bindNow();
        return server::disposeNow;
    }

    /**
     * The stand-in service on the JDK's HTTP server: a server stack unrelated to the gateway's, to tell a stall of
     * Reactor Netty's server from one of the gateway. Its own tail is longer than Reactor Netty's.
     */
    private static AutoCloseable jdkBackend(int port, byte[] payload) throws IOException {
        // Without it the server waits for the client's delayed ACK between headers and body: 40 ms per response.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new InetSocketAddress("127.0.0.1", port), 1024);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        server.setExecutor(threads);
        server.createContext(PATH, exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, payload.length);
                exchange.getResponseBody().write(payload);
            }
        });
        server.start();
        return () -> {
            server.stop(0);
            threads.shutdownNow();
        };
    }

    /** Lets the JIT compile both paths and the pools fill; failures here are reported, not fatal. */
    private static void warmUp(HttpClient client, String url, String token, int rate, int seconds)
            throws InterruptedException {
        try {
            run(client, url, token, rate, seconds);
        } catch (IllegalStateException e) {
            System.out.println("During warm-up: " + e.getMessage());
        }
    }

    /** Sends {@code rate} requests per second for {@code seconds}; returns each latency in nanoseconds. */
    private static List<Long> run(HttpClient client, String url, String token, int rate, int seconds)
            throws InterruptedException {
        int total = rate * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long[] latencies = new long[total];
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        HttpClient authorised = client.headers(headers -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token));
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            authorised.get().uri(url).responseSingle((response, body) -> body.asByteArray().defaultIfEmpty(new byte[0])
                            .map(bytes -> response.status().code()))
                    .subscribe(status -> {
                        latencies[index] = System.nanoTime() - due;
                        if (status != 200) {
                            failures.incrementAndGet();
                        }
                        done.countDown();
                    }, failure -> {
                        latencies[index] = System.nanoTime() - due;
                        failures.incrementAndGet();
                        done.countDown();
                    });
        }
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Requests to " + url + " did not complete");
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " of " + total + " requests to " + url
                    + " failed or did not answer 200");
        }
        List<Long> result = new ArrayList<>(total);
        for (long latency : latencies) {
            result.add(latency);
        }
        return result;
    }

    /**
     * Appends one line per request through the gateway: round, seconds from the start of the round when it was due,
     * latency in milliseconds. Stalls show as runs of slow requests; compare their times with a GC log.
     */
    private static void writeLatencies(Path file, int round, List<Long> latencies, int rate) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < latencies.size(); i++) {
            lines.append(String.format(Locale.ROOT, "%d %.3f %.3f%n", round, (double) i / rate, ms(latencies.get(i))));
        }
        Files.writeString(file, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String devIssuerToken(HttpClient client, String gateway) {
        String response = client.headers(headers -> headers.set(HttpHeaderNames.CONTENT_TYPE,
                        "application/x-www-form-urlencoded"))
                .post().uri(gateway + "/dev-issuer/token")
                .send(Mono.just(io.netty.buffer.Unpooled.copiedBuffer(
                        "grant_type=password&username=admin-ada&password=admin-ada-pass", StandardCharsets.UTF_8)))
                .responseSingle((r, body) -> body.asString()).block(Duration.ofSeconds(10));
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(String.valueOf(response));
        if (!token.find()) {
            throw new IllegalStateException("No token from " + gateway + "/dev-issuer/token: " + response);
        }
        return token.group(1);
    }

    private static void row(String name, long[] latencies) {
        System.out.printf(Locale.ROOT, "%-16s %9d %9.3f %9.3f %9.3f %9.3f %9.3f%n", name, latencies.length,
                ms(percentile(latencies, 50)), ms(percentile(latencies, 90)), ms(percentile(latencies, 99)),
                ms(percentile(latencies, 99.9)), ms(latencies[latencies.length - 1]));
    }

    private static long[] sorted(List<Long> values) {
        long[] array = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(array);
        return array;
    }

    private static long percentile(long[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private record Options(String gateway, int backendPort, String backend, int rate, int warmupSeconds, int seconds,
                           int rounds, String token, int probeSeconds, Path latencies) {

        static Options parse(String[] args) {
            String gateway = "http://127.0.0.1:18080";
            int backendPort = 18081;
            String backend = "netty";
            int rate = 500;
            int warmup = 20;
            int seconds = 30;
            int rounds = 2;
            String token = null;
            int probe = 10;
            Path latencies = null;
            for (int i = 0; i + 1 < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--gateway" -> gateway = value;
                    case "--backend-port" -> backendPort = Integer.parseInt(value);
                    case "--backend" -> backend = value;
                    case "--rate" -> rate = Integer.parseInt(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--seconds" -> seconds = Integer.parseInt(value);
                    case "--rounds" -> rounds = Integer.parseInt(value);
                    case "--token" -> token = value;
                    case "--probe" -> probe = Integer.parseInt(value);
                    case "--latencies" -> latencies = Path.of(value);
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
            }
            return new Options(gateway, backendPort, backend, rate, warmup, seconds, rounds, token, probe, latencies);
        }
    }
}
