package dev.competency.platform.launcher;

import dev.competency.platform.embedded.EmbeddedKafka;
import dev.competency.platform.embedded.EmbeddedMongo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform on one machine: a real Kafka broker and a MongoDB-compatible server in this JVM, the four
 * services and the gateway as child JVMs. {@link #close()} stops whatever was started, also halfway through
 * start-up, so Ctrl-C always leaves nothing running. One application can be killed, stopped and started again while
 * the others run ({@link #kill}, {@link #stop}, {@link #restart}; from the command line, by the commands read on
 * standard input), to see how the rest of the platform copes; so can the broker ({@value #KAFKA}) and the store
 * ({@value #MONGODB}), stopped and started again on their ports with their data. A service can run as several
 * instances side by side ({@link #addInstance}), as pods of one Deployment do.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /** The name of the embedded Kafka broker in commands. */
    public static final String KAFKA = "kafka";
    /** The name of the embedded MongoDB-compatible store in commands. */
    public static final String MONGODB = "mongodb";

    private final LaunchOptions options;
    private final List<ChildProcess> children = new CopyOnWriteArrayList<>();
    /** How each application (each instance of a service) was launched, by name, to launch it again the same way. */
    private final Map<String, Launch> launches = new ConcurrentHashMap<>();
    /** The ports given to applications, so that a further instance gets another. */
    private final Set<Integer> ports = ConcurrentHashMap.newKeySet();
    private volatile Path logs;
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
        Thread commands = new Thread(() -> {
            platform.readCommands(System.in);
            if (options.stopOnEndOfInput()) {
                log.info("Standard input ended: stopping");
                System.exit(0);
            }
        }, "local-platform-commands");
        commands.setDaemon(true);
        commands.start();
        stopped.await();
    }

    /** Starts everything and returns once every application reports UP; on failure stops what it started. */
    public static LocalPlatform start(LaunchOptions options) {
        return started(options, LocalPlatform::startAll);
    }

    /** Starts the broker and the store only, without the applications: what their commands need. */
    static LocalPlatform startInfrastructure(LaunchOptions options) {
        return started(options, LocalPlatform::startBrokerAndStore);
    }

    private static LocalPlatform started(LaunchOptions options, Consumer<LocalPlatform> start) {
        LocalPlatform platform = new LocalPlatform(options);
        try {
            start.accept(platform);
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void startBrokerAndStore() {
        logs = logDirectory(options.dataDirectory());
        kafka = EmbeddedKafka.start(options.kafkaPort(), options.dataDirectory().map(d -> d.resolve("kafka")));
        mongo = EmbeddedMongo.start(options.mongoPort(), options.dataDirectory().map(d -> d.resolve("mongo")));
    }

    private void startAll() {
        startBrokerAndStore();
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
            launch(service, service.name(), port, environment);
            gatewayEnvironment.put(service.name().toUpperCase().replace('-', '_') + "_URL",
                    "http://127.0.0.1:" + port);
        }
        gatewayEnvironment.put("SPRING_PROFILES_ACTIVE", "local");
        gatewayEnvironment.put("OIDC_ISSUER_URI", issuer);
        gateway = launch(Deployable.GATEWAY, Deployable.GATEWAY.name(), gatewayPort, gatewayEnvironment);
        awaitHealthy(children);
    }

    private record Launch(Deployable deployable, int port, Map<String, String> environment) {
    }

    private ChildProcess launch(Deployable deployable, String name, int port, Map<String, String> environment) {
        if (closed) {
            throw new IllegalStateException("Stopped during start-up");
        }
        ChildProcess child = ChildProcess.start(deployable, name, deployable.jar(options.root()), port, environment,
                logs, false);
        launches.put(name, new Launch(deployable, port, Map.copyOf(environment)));
        ports.add(port);
        children.add(child);
        return child;
    }

    /**
     * Starts a further instance of a service beside those running, as another pod of its Deployment: the same
     * environment (the same database, Kafka consumer groups and issuer) on a port of its own, named after the service
     * with the next free number ({@code learner-profiles-2}, {@code -3}, ...) and a node name of its own, so that its
     * event processors share the segments with the other instances through the token store and its consumers share
     * the partitions through the consumer groups. The gateway keeps routing to the first instance. {@link #kill},
     * {@link #stop} and {@link #restart} take the new instance's name.
     *
     * @return the new instance's name, once it reports UP
     * @throws IllegalArgumentException when {@code service} is not one of the services
     */
    public String addInstance(String service) {
        Deployable deployable = Deployable.SERVICES.stream().filter(candidate -> candidate.name().equals(service))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No service named '" + service
                        + "'; there are " + Deployable.SERVICES.stream().map(Deployable::name).toList()));
        Launch first = launches.get(service);
        if (first == null) {
            throw new IllegalStateException(service + " was not started by this launcher");
        }
        ChildProcess child;
        synchronized (launches) {
            int number = 2;
            while (launches.containsKey(service + "-" + number)) {
                number++;
            }
            int port = freePort(ports);
            child = launch(deployable, service + "-" + number, port, first.environment());
        }
        awaitHealthy(List.of(child));
        log.info("{} added on port {} (node {}) beside {}", child.name(), child.port(), child.nodeName(), service);
        return child.name();
    }

    /**
     * Stops one application at once (SIGKILL), as when its machine dies: no shutdown hook runs, nothing is flushed or
     * committed. The others keep running; {@link #restart} starts it again.
     *
     * @throws IllegalArgumentException when no application has that name
     */
    public void kill(String name) {
        if (isInfrastructure(name)) {
            throw new IllegalArgumentException(name + " runs inside the launcher's JVM and cannot be killed alone;"
                    + " stop it instead");
        }
        synchronized (lockOf(name)) {
            ChildProcess child = child(name);
            child.kill();
            log.info("{} killed (pid {})", name, child.pid());
        }
    }

    /**
     * Stops one application gracefully (SIGTERM, as {@link #close()} does), or the broker or the store (a controlled
     * shutdown; their data stays); {@link #restart} starts it again.
     */
    public void stop(String name) {
        if (KAFKA.equals(name)) {
            kafka.stop();
            log.info("{} stopped (port {})", name, kafka.port());
            return;
        }
        if (MONGODB.equals(name)) {
            mongo.stop();
            log.info("{} stopped (port {})", name, mongo.port());
            return;
        }
        synchronized (lockOf(name)) {
            ChildProcess child = child(name);
            child.stop(STOP_GRACE);
            log.info("{} stopped (pid {})", name, child.pid());
        }
    }

    /**
     * Starts an application that is not running (killed, stopped or crashed) again, on its port with its environment,
     * its output appended to its log, and waits until it reports UP. The broker and the store start again on their
     * ports with their data: the broker's log directory (on disk, a temporary one without {@code --data-dir}), the
     * store's file with {@code --data-dir}, else the databases it kept in memory.
     *
     * @return how long it took to report UP
     * @throws IllegalStateException when it is still running, or does not come up
     */
    public Duration restart(String name) {
        if (isInfrastructure(name)) {
            if (closed) {
                throw new IllegalStateException("The platform is stopped");
            }
            Duration took = KAFKA.equals(name) ? kafka.restart() : mongo.restart();
            log.info("{} is up again on port {} after {} ms", name, KAFKA.equals(name) ? kafka.port() : mongo.port(),
                    took.toMillis());
            return took;
        }
        synchronized (lockOf(name)) {
            return restartLocked(name);
        }
    }

    private Duration restartLocked(String name) {
        ChildProcess old = child(name);
        if (old.isAlive()) {
            throw new IllegalStateException(name + " is running (pid " + old.pid() + "); kill or stop it first");
        }
        if (closed) {
            throw new IllegalStateException("The platform is stopped");
        }
        Launch launch = launches.get(name);
        long started = System.nanoTime();
        ChildProcess child = ChildProcess.start(launch.deployable(), name, launch.deployable().jar(options.root()),
                launch.port(), launch.environment(), logs, true);
        children.set(children.indexOf(old), child);
        if (launch.deployable().equals(Deployable.GATEWAY)) {
            gateway = child;
        }
        awaitHealthy(List.of(child));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info("{} is up again on port {} after {} ms (pid {}, node {})", name, child.port(), took.toMillis(),
                child.pid(), child.nodeName());
        return took;
    }

    private static boolean isInfrastructure(String name) {
        return KAFKA.equals(name) || MONGODB.equals(name);
    }

    /** What commands on one application hold, so that those on different applications run side by side. */
    private Object lockOf(String name) {
        Launch launch = launches.get(name);
        if (launch == null) {
            throw new IllegalArgumentException("No application named '" + name + "'; there are "
                    + launches.keySet());
        }
        return launch;
    }

    private ChildProcess child(String name) {
        return children.stream().filter(child -> child.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No application named '" + name + "'; there are "
                        + children.stream().map(ChildProcess::name).toList()));
    }

    /**
     * Runs the commands read line by line from {@code input} until it ends: {@code kill <application>},
     * {@code stop <application>} and {@code start <application>} (see {@link #kill}, {@link #stop},
     * {@link #restart}; {@value #KAFKA} and {@value #MONGODB} name the broker and the store, which can be stopped
     * and started), and {@code add <service>} (see {@link #addInstance}), each on its own thread, so that several
     * applications can be down and coming back at once.
     * Each outcome, or why a command was refused, goes to the log.
     */
    void readCommands(InputStream input) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null && !closed) {
                String command = line.trim();
                if (command.isEmpty()) {
                    continue;
                }
                String[] words = command.split("\\s+");
                Runnable action = words.length != 2 ? null : switch (words[0]) {
                    case "kill" -> () -> kill(words[1]);
                    case "stop" -> () -> stop(words[1]);
                    case "start" -> () -> restart(words[1]);
                    case "add" -> () -> addInstance(words[1]);
                    default -> null;
                };
                if (action == null) {
                    log.warn("Unknown command '{}'; commands: kill|stop|start <application>, add <service>,"
                            + " stop|start kafka|mongodb", command);
                    continue;
                }
                Thread worker = new Thread(() -> {
                    try {
                        action.run();
                    } catch (RuntimeException e) {
                        log.warn("Command '{}' failed: {}", command, e.getMessage());
                    }
                }, "local-platform-command");
                worker.setDaemon(true);
                worker.start();
            }
        } catch (IOException e) {
            log.warn("Stopped reading commands: {}", e.getMessage());
        }
    }

    private void awaitHealthy(List<ChildProcess> starting) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        List<ChildProcess> waiting = new ArrayList<>(starting);
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
            if (!waiting.isEmpty() && System.nanoTime() > deadline) {
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

    /** The store's connection string, without a database. */
    public String mongoConnectionString() {
        return mongo.connectionString();
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
                .append(" s). Press Ctrl-C to stop; type kill, stop or start and an application's name to")
                .append(" kill, stop or start it again (stop and start also take kafka and mongodb).")
                .append(System.lineSeparator())
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
