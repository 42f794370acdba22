package dev.competency.e2e.platform;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform as a person starts it: {@code java -jar platform/launcher/target/launcher.jar --demo} as a
 * child process, on free ports and a fresh data directory under {@code target/platform}. It is ready when the
 * launcher has printed that the platform is up (every application healthy, the demo organisation loaded through the
 * APIs) and the demo learner's mastery, folded from the demo evidence, can be read through the gateway.
 * {@link #close()} stops the launcher (which stops its children) and then whatever of its process tree is left.
 */
public final class RunningPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunningPlatform.class);
    private static final String UP_LINE = "Competency platform is up";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(12);
    private static final Duration DEMO_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private final Path root;
    private final Process launcher;
    private final URI gateway;
    private final int firstServicePort;
    private final int kafkaPort;
    private final int mongoPort;
    private final Path launcherLog;
    private final Path dataDirectory;

    private RunningPlatform(Path root, Process launcher, URI gateway, int firstServicePort, int kafkaPort,
                            int mongoPort, Path launcherLog, Path dataDirectory) {
        this.root = root;
        this.launcher = launcher;
        this.gateway = gateway;
        this.firstServicePort = firstServicePort;
        this.kafkaPort = kafkaPort;
        this.mongoPort = mongoPort;
        this.launcherLog = launcherLog;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts the launcher from the built repository at {@code root}, keeping its data and logs in
     * {@code workDirectory/platform}.
     */
    public static RunningPlatform start(Path root, Path workDirectory) {
        Path jar = root.resolve("platform/launcher/target/launcher.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No launcher jar at " + jar + ": build the platform first, e.g. "
                    + "mvn -B -Dmaven.test.skip=true package (mvn -B verify builds it before these tests)");
        }
        Path home = workDirectory.resolve("platform");
        Path dataDirectory = home.resolve("data");
        deleteRecursively(dataDirectory);
        Path launcherLog = home.resolve("launcher.log");
        Set<Integer> taken = new HashSet<>();
        int gatewayPort = freePort(taken);
        int servicesPort = freeConsecutivePorts(5, taken);
        int kafkaPort = freePort(taken);
        int mongoPort = freePort(taken);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-Dplatform.root=" + root, "-jar", jar.toString(),
                "--demo",
                "--gateway-port", Integer.toString(gatewayPort),
                "--services-port", Integer.toString(servicesPort),
                "--kafka-port", Integer.toString(kafkaPort),
                "--mongo-port", Integer.toString(mongoPort),
                "--data-dir", dataDirectory.toString());
        Process process;
        try {
            Files.createDirectories(dataDirectory);
            process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(launcherLog.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the launcher: " + command, e);
        }
        RunningPlatform platform = new RunningPlatform(root, process, URI.create("http://127.0.0.1:" + gatewayPort),
                servicesPort, kafkaPort, mongoPort, launcherLog, dataDirectory);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "e2e-platform-stop"));
        log.info("Starting the platform: {} (log: {})", String.join(" ", command), launcherLog);
        try {
            platform.awaitUp();
            platform.awaitDemoMastery();
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    /** The gateway: the portal, the APIs and the development issuer. */
    public URI gateway() {
        return gateway;
    }

    public URI url(String path) {
        return gateway.resolve(path);
    }

    /**
     * The services, straight (not through the gateway), by name: frameworks, assessments, learner-profiles,
     * analytics and community on consecutive ports, as the launcher starts them.
     */
    public Map<String, URI> services() {
        Map<String, URI> services = new LinkedHashMap<>();
        List<String> names = List.of("frameworks", "assessments", "learner-profiles", "analytics", "community");
        for (int i = 0; i < names.size(); i++) {
            services.put(names.get(i), URI.create("http://127.0.0.1:" + (firstServicePort + i)));
        }
        return services;
    }

    /** The embedded Kafka broker's bootstrap address, as the launcher gives it to the services. */
    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    /** The MongoDB-compatible server, without a database: every service's databases are on it. */
    public String mongoConnectionString() {
        return "mongodb://127.0.0.1:" + mongoPort;
    }

    /** The launcher's own output (its console). */
    public Path launcherLog() {
        return launcherLog;
    }

    /** Where the launcher writes each application's log ({@code <data directory>/logs}). */
    public Path logDirectory() {
        return dataDirectory.resolve("logs");
    }

    /** A file of the repository the platform was built from. */
    public Path repositoryFile(String relativePath) {
        return root.resolve(relativePath);
    }

    /**
     * Real third-party sample data kept beside the repository ({@code ../shared/data}), not in it; the system
     * property {@code e2e.shared-data} points elsewhere.
     */
    public Path sharedData() {
        String configured = System.getProperty("e2e.shared-data");
        return configured != null ? Path.of(configured).toAbsolutePath()
                : root.toAbsolutePath().normalize().getParent().resolve("shared").resolve("data");
    }

    private void awaitUp() {
        long started = System.nanoTime();
        try {
            await("the launcher to report the platform up").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!launcher.isAlive()) {
                            throw new IllegalStateException("The launcher exited with " + launcher.exitValue()
                                    + "; the end of " + launcherLog + ":\n" + tail(launcherLog, 60));
                        }
                        return Files.readString(launcherLog).contains(UP_LINE);
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("The platform did not come up within " + START_TIMEOUT + "; the end of "
                    + launcherLog + ":\n" + tail(launcherLog, 60) + "\nservice logs: "
                    + dataDirectory.resolve("logs"), e);
        }
        log.info("Platform up at {} after {} s", gateway, Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    /** The demo evidence reaches learner-profiles over Kafka after the launcher is done: wait for its fold. */
    private void awaitDemoMastery() {
        PlatformApi api = new PlatformApi(gateway);
        await("the demo learner's mastery").atMost(DEMO_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> DemoOrganisation.EVIDENCED_COMPETENCIES.stream().allMatch(competency ->
                        api.levelOf(DemoOrganisation.LEARNER_ADA, DemoOrganisation.LEARNER_ADA_ID, competency)
                                .isPresent()
                        && api.levelOf(DemoOrganisation.LEARNER_GRACE, DemoOrganisation.LEARNER_GRACE_ID, competency)
                                .isPresent()));
    }

    /** Stops the launcher with SIGTERM (its shutdown hook stops the services), then anything of its tree left. */
    @Override
    public synchronized void close() {
        if (!launcher.isAlive() && launcher.descendants().noneMatch(ProcessHandle::isAlive)) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(launcher.descendants().toList());
        launcher.destroy();
        try {
            if (!launcher.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("The launcher did not stop within {}: killing it", STOP_GRACE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.addAll(launcher.descendants().toList());
        tree.forEach(ProcessHandle::destroyForcibly);
        launcher.destroyForcibly();
        tree.forEach(child -> child.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> child).join());
        log.info("Platform stopped; logs in {} and {}", launcherLog, dataDirectory.resolve("logs"));
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static int freePort(Set<Integer> taken) {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                if (taken.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("No free port", e);
            }
        }
    }

    /** The first of {@code count} consecutive ports that are free now and not taken by this start. */
    private static int freeConsecutivePorts(int count, Set<Integer> taken) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int first = freePort(new HashSet<>(taken));
            if (first + count > 65535) {
                continue;
            }
            boolean allFree = true;
            for (int port = first; port < first + count && allFree; port++) {
                allFree = !taken.contains(port) && isFree(port);
            }
            if (allFree) {
                for (int port = first; port < first + count; port++) {
                    taken.add(port);
                }
                return first;
            }
        }
        throw new IllegalStateException("No " + count + " consecutive free ports found");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear " + directory, e);
        }
    }
}
