package dev.competency.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The five services, played by JDK HTTP servers. Each answers {@code "<service> <path>[?query]"} after reading the
 * whole request body, and reports what it received in response headers: {@code X-Seen-Request-Id},
 * {@code X-Seen-Authorization}, {@code X-Seen-Body-Bytes}. Paths ending in {@code /unavailable} answer 503 and
 * those ending in {@code /slow} take two seconds, in {@code /busy} 300 ms; {@link #hits(String)} counts requests per path.
 * Paths ending in {@code /stream} answer Server-Sent Events over {@link #STREAM_DURATION}: an event
 * {@code "<service> first"} at once, a {@code :heartbeat} comment halfway and an event {@code "<service> last"} at the
 * end, when the stream closes.
 */
final class StandInBackends {

    static final Duration STREAM_DURATION = Duration.ofMillis(1600);

    private static final Map<String, HttpServer> SERVERS = new LinkedHashMap<>();
    private static final Map<String, AtomicInteger> HITS = new ConcurrentHashMap<>();
    private static final ScheduledExecutorService LATER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "stand-in-backend-later");
        thread.setDaemon(true);
        return thread;
    });
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "stand-in-backend");
        thread.setDaemon(true);
        return thread;
    });

    static {
        for (String name : new String[] {"frameworks", "assessments", "learner-profiles", "analytics", "community"}) {
            SERVERS.put(name, start(name));
        }
    }

    private StandInBackends() {
    }

    static String url(String service) {
        return "http://127.0.0.1:" + SERVERS.get(service).getAddress().getPort();
    }

    /** An address where nothing listens: a service that is down. */
    static String unreachableUrl() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static int hits(String path) {
        AtomicInteger count = HITS.get(path);
        return count == null ? 0 : count.get();
    }

    private static HttpServer start(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(WORKERS);
            server.createContext("/", exchange -> answer(name, exchange));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(String name, HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        HITS.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
        long bodyBytes;
        try (InputStream in = exchange.getRequestBody()) {
            bodyBytes = in.transferTo(OutputStream.nullOutputStream());
        }
        if (path.endsWith("/stream")) {
            stream(name, exchange);
            return;
        }
        long delayMillis = path.endsWith("/slow") ? 2000 : path.endsWith("/busy") ? 300 : 0;
        if (delayMillis > 0) {
            // Answered later from the scheduler, as a slow service would, without holding a worker.
            LATER.schedule(() -> respond(name, exchange, path, bodyBytes), delayMillis, TimeUnit.MILLISECONDS);
        } else {
            respond(name, exchange, path, bodyBytes);
        }
    }

    private static void respond(String name, HttpExchange exchange, String path, long bodyBytes) {
        String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
        exchange.getResponseHeaders().set("X-Seen-Request-Id", String.valueOf(requestId));
        exchange.getResponseHeaders().set("X-Seen-Authorization",
                String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        exchange.getResponseHeaders().set("X-Seen-Body-Bytes", Long.toString(bodyBytes));
        if (requestId != null) {
            // The services echo the id, as the platform's RequestIdFilter does.
            exchange.getResponseHeaders().set("X-Request-Id", requestId);
        }
        int status = path.endsWith("/unavailable") ? 503 : 200;
        String query = exchange.getRequestURI().getRawQuery();
        byte[] body = (name + " " + path + (query == null ? "" : "?" + query)).getBytes(StandardCharsets.UTF_8);
        try {
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException gone) {
            // The gateway gave up on the request (its timeout) and closed the connection.
            exchange.close();
        }
    }

    private static void stream(String name, HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        // Length 0: chunked, each write flushed as it is made.
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        write(exchange, out, "event: notification\ndata: " + name + " first\n\n", false);
        long total = STREAM_DURATION.toMillis();
        LATER.schedule(() -> write(exchange, out, ":heartbeat\n\n", false), total / 2, TimeUnit.MILLISECONDS);
        LATER.schedule(() -> write(exchange, out, "event: notification\ndata: " + name + " last\n\n", true), total,
                TimeUnit.MILLISECONDS);
    }

    private static void write(HttpExchange exchange, OutputStream out, String text, boolean last) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (last) {
                out.close();
            }
        } catch (IOException gone) {
            // The client or the gateway closed the stream.
            exchange.close();
        }
    }
}
