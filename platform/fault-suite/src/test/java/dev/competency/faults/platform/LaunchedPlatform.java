package dev.competency.faults.platform;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform as {@code java -jar platform/launcher/target/launcher.jar --demo} starts it, as a child process
 * on free ports, as the portal's end-to-end tests start it, but without a data directory: the store keeps its data in
 * memory (faster than its file backend on a busy machine), and the launcher names the services' log files in
 * {@code target/platform/launcher.log}.
 * Faults go to the launcher as commands on its standard input ({@code kill}, {@code stop}, {@code start} and an
 * application's name, {@code add} and a service's name for a further instance of it, or {@code stop} and
 * {@code start} with {@value #KAFKA} or {@value #MONGODB} for the broker and the store in the launcher's JVM), which
 * it runs side by side; its log says when each is done. Commands on one
 * application must not overlap: the launcher's log tells them apart only by application.
 */
public final class LaunchedPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LaunchedPlatform.class);
    private static final String UP_LINE = "Competency platform is up";
    private static final Pattern XAPI_CLIENT = Pattern.compile("demo xAPI client\\s+key (\\S+)\\s+secret (\\S+)");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration RESTART_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /** The embedded Kafka broker's name in the launcher's commands. */
    public static final String KAFKA = "kafka";
    /** The embedded MongoDB-compatible store's name in the launcher's commands. */
    public static final String MONGODB = "mongodb";

    /**
     * The services the faults are injected into: the five the launcher starts ({@link #service(String)} finds any
     * application by the launcher's "is up" lines).
     */
    public static final List<String> SERVICES = List.of("frameworks", "assessments", "learner-profiles", "analytics",
            "community");

    private final Process launcher;
    private final Writer commands;
    private final URI gateway;
    private final String kafka;
    private final String mongo;
    private final Path launcherLog;
    private volatile XapiCredentials xapi;

    /** The demo activity provider's HTTP Basic credentials, as the launcher printed them. */
    public record XapiCredentials(String key, String secret) {
    }

    private LaunchedPlatform(Process launcher, URI gateway, String kafka, String mongo, Path launcherLog) {
        this.launcher = launcher;
        this.commands = new OutputStreamWriter(launcher.getOutputStream(), StandardCharsets.UTF_8);
        this.gateway = gateway;
        this.kafka = kafka;
        this.mongo = mongo;
        this.launcherLog = launcherLog;
    }

    /** Starts the launcher from the built repository at {@code root}, its own log in {@code work/platform}. */
    public static LaunchedPlatform start(Path root, Path work) {
        Path jar = root.resolve("platform/launcher/target/launcher.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No launcher jar at " + jar + ": build the platform first, e.g. "
                    + "mvn -B -pl platform/fault-suite -am -Dmaven.test.skip=true package");
        }
        Path home = work.resolve("platform");
        Path launcherLog = home.resolve("launcher.log");
        Set<Integer> taken = new HashSet<>();
        int gatewayPort = freePort(taken);
        int kafkaPort = freePort(taken);
        int mongoPort = freePort(taken);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-Dplatform.root=" + root, "-jar", jar.toString(), "--demo",
                // Should this JVM die, its end of the command pipe closes and the launcher stops everything.
                "--stop-on-end-of-input",
                "--gateway-port", Integer.toString(gatewayPort),
                "--services-port", "0",
                "--kafka-port", Integer.toString(kafkaPort),
                "--mongo-port", Integer.toString(mongoPort));
        Process process;
        try {
            Files.createDirectories(home);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(launcherLog.toFile()));
            // The processors of the Kubernetes base overlay, not the services' single-instance default: pooled, eight
            // segments and two threads, so that the faults share the segments out.
            builder.environment().put("EVENT_PROCESSOR_MODE", "pooled");
            builder.environment().put("EVENT_PROCESSOR_SEGMENTS", "8");
            builder.environment().put("EVENT_PROCESSOR_THREADS", "2");
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the launcher", e);
        }
        LaunchedPlatform platform = new LaunchedPlatform(process, URI.create("http://127.0.0.1:" + gatewayPort),
                "127.0.0.1:" + kafkaPort, "mongodb://127.0.0.1:" + mongoPort, launcherLog);
        log.info("Starting the platform (log: {})", launcherLog);
        try {
            platform.awaitUp();
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    public URI gateway() {
        return gateway;
    }

    public String kafkaBootstrapServers() {
        return kafka;
    }

    /** The store's connection string, without a database (each service has its own, named after it). */
    public String mongoConnectionString() {
        return mongo;
    }

    public XapiCredentials xapiCredentials() {
        return xapi;
    }

    /** The service's own address (not through the gateway), from the port the launcher reported it up on. */
    public URI service(String name) {
        Matcher matcher = Pattern.compile(Pattern.quote(name) + " is up (?:again )?on port (\\d+)").matcher(readLog());
        String port = null;
        while (matcher.find()) {
            port = matcher.group(1);
        }
        if (port == null) {
            throw new IllegalStateException("The launcher has not reported " + name + " up");
        }
        return URI.create("http://127.0.0.1:" + port);
    }

    public Path launcherLog() {
        return launcherLog;
    }

    /** Kills the application at once (SIGKILL, what {@code kill -9} does), through the launcher. */
    public void kill(String name) {
        command("kill " + name, name + " killed (pid", Duration.ofSeconds(30));
    }

    /**
     * Starts a further instance of the service through the launcher, beside those running: the same database and
     * consumer groups, a port and a node name of its own ({@code <instance>-<8 hex>}, new at each start), reached
     * directly (the gateway routes to the first instance). Returns its name ({@code learner-profiles-2}) once the
     * launcher reports it UP; {@link #kill}, {@link #stop}, {@link #restart} and {@link #service} take that name.
     */
    public String addInstance(String service) {
        String added = " added on port ";
        String beside = ") beside " + service;
        command("add " + service, beside, RESTART_TIMEOUT);
        Matcher matcher = Pattern.compile("(\\S+)" + Pattern.quote(added) + "\\d+ \\(node \\S+" + Pattern.quote(beside)
                + "$", Pattern.MULTILINE).matcher(readLog());
        String name = null;
        while (matcher.find()) {
            name = matcher.group(1);
        }
        return name;
    }

    /**
     * Stops the application gracefully (SIGTERM: its consumers leave their groups), or the broker or the store (their
     * data stays), through the launcher.
     */
    public void stop(String name) {
        command("stop " + name, name + " stopped (", Duration.ofSeconds(60));
    }

    /**
     * Starts the application again and returns once the launcher reports it UP; the broker or the store once it
     * listens again on its port.
     */
    public void restart(String name) {
        command("start " + name, name + " is up again on port", RESTART_TIMEOUT);
    }

    private void command(String command, String doneMarker, Duration timeout) {
        String failedMarker = "Command '" + command + "' failed";
        long doneBefore = occurrences(doneMarker);
        long failedBefore = occurrences(failedMarker);
        try {
            synchronized (commands) {
                commands.write(command + System.lineSeparator());
                commands.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The launcher no longer reads commands", e);
        }
        try {
            await("the launcher to run '" + command + "'").atMost(timeout).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        if (occurrences(failedMarker) > failedBefore) {
                            throw new IllegalStateException("The launcher could not run '" + command + "': "
                                    + tail(launcherLog, 20));
                        }
                        return occurrences(doneMarker) > doneBefore;
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("'" + command + "' not done within " + timeout + "; the end of "
                    + launcherLog + ":\n" + tail(launcherLog, 40), e);
        }
    }

    private long occurrences(String marker) {
        try (Stream<String> lines = Files.lines(launcherLog, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(marker)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitUp() {
        long started = System.nanoTime();
        try {
            await("the launcher to report the platform up").atMost(START_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        if (!launcher.isAlive()) {
                            throw new IllegalStateException("The launcher exited with " + launcher.exitValue()
                                    + "; the end of " + launcherLog + ":\n" + tail(launcherLog, 60));
                        }
                        return Files.readString(launcherLog).contains(UP_LINE);
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("The platform did not come up within " + START_TIMEOUT + "; the end of "
                    + launcherLog + ":\n" + tail(launcherLog, 60), e);
        }
        Matcher matcher = XAPI_CLIENT.matcher(readLog());
        if (!matcher.find()) {
            throw new IllegalStateException("The launcher printed no demo xAPI client: " + tail(launcherLog, 30));
        }
        xapi = new XapiCredentials(matcher.group(1), matcher.group(2));
        log.info("Platform up at {} after {} s", gateway, Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    private String readLog() {
        try {
            return Files.readString(launcherLog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the launcher with SIGTERM (its shutdown hook stops the services), then whatever of its tree is left. */
    @Override
    public void close() {
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
        log.info("Platform stopped; its log: {}", launcherLog);
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
}
