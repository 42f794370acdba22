package dev.competency.platform.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One instance of a service, or the gateway, running as a child JVM, its output going to a log file. An instance is
 * named after its application ({@code learner-profiles}), a further instance of it with a number
 * ({@code learner-profiles-2}).
 */
final class ChildProcess {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** The setting that names an instance's event processors, as the owner of the segments they claim. */
    static final String NODE_NAME_VARIABLE = "PLATFORM_EVENT_PROCESSING_INSTANCE_ID";

    private final String name;
    private final String nodeName;
    private final int port;
    private final Path log;
    private final Process process;

    private ChildProcess(String name, String nodeName, int port, Path log, Process process) {
        this.name = name;
        this.nodeName = nodeName;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts the application's jar as the instance {@code name} with its port and environment; its output goes to
     * {@code <name>.log} in {@code logDirectory}, appended to what an earlier run of it wrote when {@code appendLog}.
     * Each start has its own node name, {@code <name>-<8 random hex>}: the owner of the event processor segments it
     * claims, so that a process started again never takes the claims of the one before it for its own.
     */
    static ChildProcess start(Deployable deployable, String name, Path jar, int port, Map<String, String> environment,
                              Path logDirectory, boolean appendLog) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No jar for " + deployable.name() + " at " + jar
                    + ": build the project first (mvn -DskipTests package)");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xss512k", "-Daxoniq.update-checker.disabled=true", "-jar", jar.toString());
        Path log = logDirectory.resolve(name + ".log");
        String nodeName = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(log.toFile())
                        : ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put(NODE_NAME_VARIABLE, nodeName);
        try {
            return new ChildProcess(name, nodeName, port, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    String name() {
        return name;
    }

    /** The name its event processors claim segments under. */
    String nodeName() {
        return nodeName;
    }

    int port() {
        return port;
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Whether the application reports UP on its aggregate health endpoint. */
    boolean isHealthy() {
        HttpRequest request = HttpRequest.newBuilder(url("/actuator/health")).timeout(Duration.ofSeconds(3)).GET()
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    && "UP".equals(JSON.readTree(response.body()).path("status").asString());
        } catch (IOException | JacksonException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The last lines of the child's log, to show why it failed. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log " + log + " unreadable: " + e.getMessage() + ")";
        }
    }

    /** Stops the child at once (SIGKILL): no shutdown hook runs, as when a machine or container dies. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the child to stop (SIGTERM, so Spring shuts down gracefully), then stops it by force if it must. */
    void stop(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
