package dev.competency.platform.launcher;

import dev.competency.platform.embedded.EmbeddedKafka;
import dev.competency.platform.embedded.EmbeddedMongo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform on one machine: a real Kafka broker and a MongoDB-compatible server in this JVM, the four
 * services and the gateway as child JVMs. {@link #close()} stops whatever was started, also halfway through
 * start-up, so Ctrl-C always leaves nothing running.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final LaunchOptions options;
    private final List<ChildProcess> children = new CopyOnWriteArrayList<>();
    private volatile EmbeddedKafka kafka;
    private volatile EmbeddedMongo mongo;
    private volatile ChildProcess gateway;
    private volatile boolean closed;

    private LocalPlatform(LaunchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws InterruptedException {
        LaunchOptions options;
        try {
            if (List.of(args).contains("--help")) {
                System.out.println(LaunchOptions.USAGE);
                return;
            }
            options = LaunchOptions.parse(args, repositoryRoot());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        long started = System.nanoTime();
        LocalPlatform platform = new LocalPlatform(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.close();
            stopped.countDown();
        }, "local-platform-shutdown"));
        try {
            platform.startAll();
        } catch (RuntimeException e) {
            log.error("The platform did not start: {}", e.getMessage());
            System.exit(1);
        }
        Optional<DemoXapiClient> demoClient = options.demo()
                ? Optional.of(DemoData.load(platform.kafkaBootstrapServers(), platform.gatewayUrl(),
                        options.dataDirectory()))
                : Optional.empty();
        System.out.println(platform.summary(Duration.ofNanos(System.nanoTime() - started), demoClient));
        stopped.await();
    }

    /** Starts everything and returns once every application reports UP; on failure stops what it started. */
    public static LocalPlatform start(LaunchOptions options) {
        LocalPlatform platform = new LocalPlatform(options);
        try {
            platform.startAll();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void startAll() {
        Path logs = logDirectory(options.dataDirectory());
        kafka = EmbeddedKafka.start(options.kafkaPort(), options.dataDirectory().map(d -> d.resolve("kafka")));
        mongo = EmbeddedMongo.start(options.mongoPort(), options.dataDirectory().map(d -> d.resolve("mongo")));
        Set<Integer> given = new HashSet<>();
        int gatewayPort = options.gatewayPort() == 0 ? freePort(given) : options.gatewayPort();
        given.add(gatewayPort);
        String issuer = "http://127.0.0.1:" + gatewayPort + "/dev-issuer";
        int servicePort = options.firstServicePort();
        Map<String, String> gatewayEnvironment = new LinkedHashMap<>();
        for (Deployable service : Deployable.SERVICES) {
            int port = servicePort == 0 ? freePort(given) : servicePort++;
            given.add(port);
            Map<String, String> environment = new LinkedHashMap<>(Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "OIDC_ISSUER_URI", issuer,
                    "OIDC_JWK_SET_URI", issuer + "/jwks",
                    "SPRING_PROFILES_ACTIVE", "local"));
            if (service.database() != null) {
                environment.put("MONGODB_URI", mongo.connectionString(service.database()));
            }
            launch(service, port, environment, logs);
            gatewayEnvironment.put(service.name().toUpperCase().replace('-', '_') + "_URL",
                    "http://127.0.0.1:" + port);
        }
        gatewayEnvironment.put("SPRING_PROFILES_ACTIVE", "local");
        gatewayEnvironment.put("OIDC_ISSUER_URI", issuer);
        gateway = launch(Deployable.GATEWAY, gatewayPort, gatewayEnvironment, logs);
        awaitHealthy();
    }

    private ChildProcess launch(Deployable deployable, int port, Map<String, String> environment, Path logs) {
        if (closed) {
            throw new IllegalStateException("Stopped during start-up");
        }
        ChildProcess child = ChildProcess.start(deployable, deployable.jar(options.root()), port, environment, logs);
        children.add(child);
        return child;
    }

    private void awaitHealthy() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        List<ChildProcess> waiting = new ArrayList<>(children);
        while (!waiting.isEmpty()) {
            for (ChildProcess child : List.copyOf(waiting)) {
                if (!child.isAlive()) {
                    throw new IllegalStateException(child.name() + " exited during start-up; the end of "
                            + child.log() + ":\n" + child.tail(40));
                }
                if (child.isHealthy()) {
                    log.info("{} is up on port {}", child.name(), child.port());
                    waiting.remove(child);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not healthy after " + START_TIMEOUT + ": "
                        + waiting.stream().map(ChildProcess::name).toList() + "; see the logs in "
                        + waiting.get(0).log().getParent());
            }
            sleep(Duration.ofMillis(500));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the services", e);
        }
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public URI gatewayUrl() {
        return gateway.url("/");
    }

    /** The health endpoint of every application, by name. */
    public Map<String, URI> healthEndpoints() {
        Map<String, URI> endpoints = new LinkedHashMap<>();
        children.forEach(child -> endpoints.put(child.name(), child.url("/actuator/health")));
        return endpoints;
    }

    /** The process ids of the child JVMs, by name. */
    public Map<String, Long> processIds() {
        Map<String, Long> ids = new LinkedHashMap<>();
        children.forEach(child -> ids.put(child.name(), child.pid()));
        return ids;
    }

    String summary(Duration startUp, Optional<DemoXapiClient> demoClient) {
        StringBuilder text = new StringBuilder();
        text.append(System.lineSeparator()).append("Competency platform is up (").append(startUp.toSeconds())
                .append(" s). Press Ctrl-C to stop.").append(System.lineSeparator())
                .append(String.format("  %-18s %s%n", "portal and API", gatewayUrl()))
                .append(String.format("  %-18s %s%n", "Kafka", kafka.bootstrapServers()))
                .append(String.format("  %-18s %s%n", "MongoDB", mongo.connectionString()));
        for (ChildProcess child : children) {
            text.append(String.format("  %-18s %s  (log: %s)%n", child.name(), child.url("/actuator/health"),
                    child.log()));
        }
        demoClient.ifPresent(client -> text
                .append(String.format("  %-18s %s%n", "xAPI LRS", gateway.url("/xapi/")))
                .append(String.format("  %-18s key %s  secret %s  (HTTP Basic)%n", "demo xAPI client", client.key(),
                        client.secret())));
        return text.toString();
    }

    /** Stops the gateway and the services first, then the store and the broker they were using. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        children.parallelStream().forEach(child -> child.stop(STOP_GRACE));
        children.clear();
        if (mongo != null) {
            mongo.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        log.info("Local platform stopped");
    }

    private static Path logDirectory(Optional<Path> dataDirectory) {
        try {
            return dataDirectory.isPresent()
                    ? Files.createDirectories(dataDirectory.get().resolve("logs"))
                    : Files.createTempDirectory("competency-platform-logs");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the log directory", e);
        }
    }

    /**
     * A port free now and not among those {@code given} to other applications of this start. A child binds its port
     * only once it runs, so meanwhile the system may offer the same free port again: two services were once started
     * on one port, and the second one's health check answered from the first.
     */
    static int freePort(Set<Integer> given) {
        while (true) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("No free port", e);
            }
            if (!given.contains(port)) {
                return port;
            }
        }
    }

    /**
     * The repository checkout: the system property {@code platform.root}, else the folder three levels above the
     * launcher jar ({@code platform/launcher/target/launcher.jar}), else the working directory.
     */
    static Path repositoryRoot() {
        String configured = System.getProperty("platform.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        try {
            Path jar = Path.of(LocalPlatform.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path candidate = jar.getParent().getParent().getParent().getParent();
            if (Files.isDirectory(candidate.resolve("services"))) {
                return candidate;
            }
        } catch (URISyntaxException | RuntimeException e) {
            log.debug("Cannot locate the launcher jar", e);
        }
        return Path.of("").toAbsolutePath();
    }
}
