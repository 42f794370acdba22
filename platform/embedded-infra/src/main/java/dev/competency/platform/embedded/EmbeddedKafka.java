package dev.competency.platform.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller, one node) running in this JVM on
 * 127.0.0.1.
 *
 * <p>With a log directory the broker keeps its topics and offsets across restarts; without one it uses a temporary
 * directory that is deleted on {@link #close()}. On start it creates the platform's topics (see
 * {@link TopicProvisioner}). {@link #stop()} shuts the broker down (a controlled shutdown, its log flushed) and
 * {@link #restart()} starts it again on the same ports with the same log directory, temporary or not, as a broker
 * process that is restarted does: clients see it go away and come back with every record and committed offset.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final Properties properties;
    private final int port;
    private final Path logDirectory;
    private final boolean temporary;
    private KafkaRaftServer server;

    private EmbeddedKafka(Properties properties, int port, Path logDirectory, boolean temporary) {
        this.properties = properties;
        this.port = port;
        this.logDirectory = logDirectory;
        this.temporary = temporary;
    }

    /**
     * Formats the log directory if needed, starts the broker, waits until it answers and creates the topics.
     *
     * @param port the client port, 0 for any free port
     * @param logDirectory where the broker keeps its data, empty for a temporary directory
     */
    public static EmbeddedKafka start(int port, Optional<Path> logDirectory) {
        long started = System.nanoTime();
        Path directory = logDirectory.orElseGet(() -> createTemporaryDirectory());
        int clientPort = port == 0 ? freePort() : port;
        int controllerPort = freePort();
        Properties properties = brokerProperties(clientPort, controllerPort, directory);
        formatIfNew(directory, properties);

        EmbeddedKafka kafka = new EmbeddedKafka(properties, clientPort, directory, logDirectory.isEmpty());
        try {
            kafka.startServer();
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        log.info("Kafka broker (KRaft) listening on {} with logs in {}, ready in {} ms", kafka.bootstrapServers(),
                directory, (System.nanoTime() - started) / 1_000_000);
        return kafka;
    }

    /**
     * Starts a broker on this instance's ports and log directory, and waits until it serves the topics; on failure
     * shuts it down again and leaves the log directory as it is.
     */
    private synchronized void startServer() {
        KafkaRaftServer starting = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        try {
            starting.startup();
            TopicProvisioner.ensurePlatformTopics(bootstrapServers());
        } catch (RuntimeException e) {
            starting.shutdown();
            starting.awaitShutdown();
            throw e;
        }
        server = starting;
    }

    /**
     * Shuts the broker down and keeps its log directory, temporary or not, for {@link #restart()}. Clients lose
     * their connections, and new ones are refused until it runs again.
     *
     * @throws IllegalStateException when it is not running
     */
    public synchronized void stop() {
        if (server == null) {
            throw new IllegalStateException("The Kafka broker on port " + port + " is not running");
        }
        KafkaRaftServer stopping = server;
        server = null;
        stopping.shutdown();
        stopping.awaitShutdown();
        log.info("Kafka broker on port {} stopped; its logs stay in {}", port, logDirectory);
    }

    /**
     * Starts the broker again after {@link #stop()}: same client and controller ports, same log directory, so every
     * topic, record and committed offset is there again.
     *
     * @return how long it took until the broker served the platform's topics
     * @throws IllegalStateException when it is running
     */
    public synchronized Duration restart() {
        if (server != null) {
            throw new IllegalStateException("The Kafka broker on port " + port + " is running; stop it first");
        }
        long started = System.nanoTime();
        startServer();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info("Kafka broker listening on {} again with logs in {}, ready in {} ms", bootstrapServers(),
                logDirectory, took.toMillis());
        return took;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    static Properties brokerProperties(int clientPort, int controllerPort, Path directory) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", directory.toAbsolutePath().toString());
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("num.partitions", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("log.index.size.max.bytes", String.valueOf(1024 * 1024));
        return p;
    }

    private static void formatIfNew(Path directory, Properties properties) {
        if (Files.exists(directory.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(directory);
            Path config = Files.createTempFile("kafka-server", ".properties");
            try (OutputStream out = Files.newOutputStream(config)) {
                properties.store(out, "embedded broker");
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int status = StorageTool.execute(new String[] {
                    "format", "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString(),
                    "--ignore-formatted"}, new PrintStream(output, true, StandardCharsets.UTF_8));
            Files.deleteIfExists(config);
            if (status != 0) {
                throw new IllegalStateException("Formatting Kafka storage in " + directory + " failed: "
                        + output.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot format Kafka storage in " + directory, e);
        }
    }

    private static Path createTemporaryDirectory() {
        try {
            return Files.createTempDirectory("embedded-kafka");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path logDirectory() {
        return logDirectory;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
        if (temporary) {
            Directories.deleteRecursively(logDirectory);
        }
        log.info("Kafka broker on port {} stopped", port);
    }
}
