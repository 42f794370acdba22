package dev.competency.platform.bench;

import dev.competency.platform.test.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service started from its executable jar as a child JVM, as in production: its own heap, JIT and threads,
 * talking to the broker and the store over the network, on a free port, trusting the bench's tokens, its output in a
 * log file of its own. Closing it stops the JVM.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final Process process;
    private final String url;
    private final Path logFile;

    private ServiceProcess(String name, Process process, String url, Path logFile) {
        this.name = name;
        this.process = process;
        this.url = url;
        this.logFile = logFile;
    }

    /**
     * Starts the jar and waits until {@code readyPath} answers 200.
     *
     * @param name what the service is called in the output and its log file's name
     * @param jvmOptions heap and other options of the child JVM
     * @param environment its configuration, besides the port and the token issuer the bench sets
     * @param readyPath the path that answers 200 once the service can serve, e.g. {@code /actuator/health/readiness}
     */
    static ServiceProcess start(String name, Path jar, List<String> jvmOptions, Map<String, String> environment,
                                String readyPath) {
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Daxoniq.update-checker.disabled=true", "-jar", jar.toString()));
        Process process;
        Path logFile;
        try {
            logFile = Files.createTempFile(name + "-bench", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("SERVER_PORT", String.valueOf(port));
            builder.environment().put("OIDC_ISSUER_URI", TestTokens.ISSUER);
            builder.environment().put("JWT_PUBLIC_KEY", TestTokens.publicKeyPem());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + jar, e);
        }
        ServiceProcess service = new ServiceProcess(name, process, "http://127.0.0.1:" + port, logFile);
        service.awaitReady(readyPath);
        log.info("{} (pid {}) is up on port {}, log in {}", name, process.pid(), port, logFile);
        return service;
    }

    /** The jar, when it is there; otherwise fails with the command that builds it. */
    static Path requireJar(String name, Path jar, String build) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + name + " jar at " + jar + ": build it first (" + build + ")");
        }
        return jar;
    }

    private void awaitReady(String readyPath) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!answersOk(readyPath)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up; see " + logFile);
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException(name + " not ready after " + START_TIMEOUT + "; see " + logFile);
            }
            Pause.of(Duration.ofMillis(300));
        }
    }

    private boolean answersOk(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while " + name + " started", e);
        }
    }

    String name() {
        return name;
    }

    /** Its base URL, {@code http://127.0.0.1:port}. */
    String url() {
        return url;
    }

    long pid() {
        return process.pid();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    /** Asks the JVM to stop, and kills it when it has not within 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
