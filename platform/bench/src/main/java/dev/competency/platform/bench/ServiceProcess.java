package dev.competency.platform.bench;

import dev.competency.platform.test.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learner-profiles service started from its executable jar as a child JVM, as in production: its own heap,
 * JIT and threads, talking to the broker and the store over the network. It trusts the bench's tokens.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Process process;
    private final ServiceClient client;
    private final Path logFile;

    private ServiceProcess(Process process, ServiceClient client, Path logFile) {
        this.process = process;
        this.client = client;
        this.logFile = logFile;
    }

    static ServiceProcess start(BenchOptions options, Infrastructure infrastructure) {
        if (!Files.isRegularFile(options.jar())) {
            throw new IllegalStateException("No learner-profiles jar at " + options.jar()
                    + ": build it first (mvn -B install -DskipTests -pl services/learner-profiles)");
        }
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xms512m", "-Xmx" + options.serviceHeap(),
                "-Daxoniq.update-checker.disabled=true", "-jar", options.jar().toString()));
        Path logFile;
        try {
            logFile = Files.createTempFile("learner-profiles-bench", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        builder.environment().put("MONGODB_URI", infrastructure.mongoConnectionString() + "/" + options.database());
        builder.environment().put("OIDC_ISSUER_URI", TestTokens.ISSUER);
        builder.environment().put("JWT_PUBLIC_KEY", TestTokens.publicKeyPem());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + options.jar(), e);
        }
        ServiceClient client = new ServiceClient("http://127.0.0.1:" + port,
                () -> TestTokens.token("bench-admin", "ADMIN"));
        ServiceProcess service = new ServiceProcess(process, client, logFile);
        service.awaitHealthy();
        log.info("learner-profiles (pid {}) is up on port {}, log in {}", process.pid(), port, logFile);
        return service;
    }

    private void awaitHealthy() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!client.isHealthy()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("learner-profiles exited during start-up; see " + logFile);
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("learner-profiles not healthy after " + START_TIMEOUT + "; see "
                        + logFile);
            }
            Pause.of(Duration.ofMillis(300));
        }
    }

    ServiceClient client() {
        return client;
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

    @Override
    public void close() {
        stop(process);
    }

    /** Asks a child JVM to stop, and kills it when it has not within 30 s. */
    static void stop(Process process) {
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
