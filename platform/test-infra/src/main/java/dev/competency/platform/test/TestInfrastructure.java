package dev.competency.platform.test;

import dev.competency.platform.embedded.EmbeddedKafka;
import dev.competency.platform.embedded.EmbeddedMongo;
import dev.competency.platform.embedded.TopicProvisioner;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The Kafka broker and MongoDB server shared by every integration test of one JVM.
 *
 * <p>The mode is chosen once per JVM by the system property {@value #MODE_PROPERTY} or the environment variable
 * {@value #MODE_VARIABLE}: {@code containers} (Testcontainers with the {@code apache/kafka} and {@code mongo}
 * images), {@code embedded} (the in-process broker and MongoDB-compatible server), or {@code auto}, the default,
 * which uses containers when a Docker engine answers and the embedded infrastructure otherwise. Everything is
 * started on first use and stopped when the JVM exits.
 */
public final class TestInfrastructure {

    public static final String MODE_PROPERTY = "platform.infrastructure";
    public static final String MODE_VARIABLE = "PLATFORM_INFRASTRUCTURE";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String MONGO_IMAGE = "mongo:8.0";

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static volatile Endpoints endpoints;

    private TestInfrastructure() {
    }

    /** Where the tests find Kafka and MongoDB. */
    public record Endpoints(Mode mode, String kafkaBootstrapServers, String mongoConnectionString) {

        /** The connection string of one database. */
        public String mongoUri(String database) {
            return mongoConnectionString + "/" + database;
        }
    }

    public enum Mode { EMBEDDED, CONTAINERS }

    /** Starts the infrastructure on first call and returns its addresses. */
    public static Endpoints endpoints() {
        Endpoints current = endpoints;
        if (current == null) {
            synchronized (TestInfrastructure.class) {
                current = endpoints;
                if (current == null) {
                    current = start(chooseMode());
                    endpoints = current;
                }
            }
        }
        return current;
    }

    /**
     * Points a Spring test context at the shared infrastructure, with the given MongoDB database. Call it from a
     * {@code @DynamicPropertySource} method.
     */
    public static void register(DynamicPropertyRegistry registry, String database) {
        Endpoints infrastructure = endpoints();
        registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", () -> infrastructure.mongoUri(database));
    }

    static Mode chooseMode() {
        String requested = Optional.ofNullable(System.getProperty(MODE_PROPERTY))
                .or(() -> Optional.ofNullable(System.getenv(MODE_VARIABLE)))
                .orElse("auto").trim().toLowerCase(Locale.ROOT);
        return switch (requested) {
            case "embedded" -> Mode.EMBEDDED;
            case "containers" -> Mode.CONTAINERS;
            case "auto" -> DockerClientFactory.instance().isDockerAvailable() ? Mode.CONTAINERS : Mode.EMBEDDED;
            default -> throw new IllegalArgumentException("Unknown " + MODE_PROPERTY + " '" + requested
                    + "': expected embedded, containers or auto");
        };
    }

    private static Endpoints start(Mode mode) {
        long started = System.nanoTime();
        Endpoints ready = mode == Mode.CONTAINERS ? startContainers() : startEmbedded();
        log.info("Test infrastructure: {} (Kafka {}, MongoDB {}), ready in {} ms", mode,
                ready.kafkaBootstrapServers(), ready.mongoConnectionString(),
                (System.nanoTime() - started) / 1_000_000);
        return ready;
    }

    private static Endpoints startEmbedded() {
        EmbeddedKafka kafka = EmbeddedKafka.start(0, Optional.empty());
        EmbeddedMongo mongo = EmbeddedMongo.start(0, Optional.empty());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.close();
            kafka.close();
        }, "test-infrastructure-shutdown"));
        return new Endpoints(Mode.EMBEDDED, kafka.bootstrapServers(), mongo.connectionString());
    }

    @SuppressWarnings("resource")
    private static Endpoints startContainers() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
        kafka.start();
        mongo.start();
        TopicProvisioner.ensurePlatformTopics(kafka.getBootstrapServers());
        String mongoUri = mongo.getConnectionString();
        return new Endpoints(Mode.CONTAINERS, kafka.getBootstrapServers(), mongoUri);
    }
}
