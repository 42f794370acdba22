package dev.competency.platform.bench;

import dev.competency.platform.embedded.EmbeddedKafka;
import dev.competency.platform.embedded.EmbeddedMongo;
import dev.competency.platform.embedded.TopicProvisioner;
import java.util.Optional;

/**
 * The broker and the store the bench and the service share: the embedded ones started in this JVM (as the local
 * launcher does), or running ones named on the command line.
 */
final class Infrastructure implements AutoCloseable {

    private final Optional<EmbeddedKafka> embeddedKafka;
    private final Optional<EmbeddedMongo> embeddedMongo;
    private final String kafkaBootstrapServers;
    private final String mongoConnectionString;

    private Infrastructure(Optional<EmbeddedKafka> embeddedKafka, Optional<EmbeddedMongo> embeddedMongo,
                           String kafkaBootstrapServers, String mongoConnectionString) {
        this.embeddedKafka = embeddedKafka;
        this.embeddedMongo = embeddedMongo;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.mongoConnectionString = mongoConnectionString;
    }

    /** The embedded broker and store, both started in this JVM. */
    static Infrastructure startEmbedded() {
        return start(Optional.empty(), Optional.empty());
    }

    /**
     * @param runningKafka bootstrap servers of a running broker; empty to start the embedded one
     * @param runningMongo connection string of a running store; empty to start the embedded one
     */
    static Infrastructure start(Optional<String> runningKafka, Optional<String> runningMongo) {
        Optional<EmbeddedKafka> kafka = runningKafka.isPresent() ? Optional.empty()
                : Optional.of(EmbeddedKafka.start(0, Optional.empty()));
        Optional<EmbeddedMongo> mongo;
        try {
            mongo = runningMongo.isPresent() ? Optional.empty()
                    : Optional.of(EmbeddedMongo.start(0, Optional.empty()));
        } catch (RuntimeException e) {
            kafka.ifPresent(EmbeddedKafka::close);
            throw e;
        }
        String bootstrap = runningKafka.orElseGet(() -> kafka.orElseThrow().bootstrapServers());
        String connection = runningMongo.orElseGet(() -> mongo.orElseThrow().connectionString());
        if (runningKafka.isPresent()) {
            TopicProvisioner.ensurePlatformTopics(bootstrap);
        }
        return new Infrastructure(kafka, mongo, bootstrap, connection);
    }

    String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    String mongoConnectionString() {
        return mongoConnectionString;
    }

    String describe() {
        return (embeddedKafka.isPresent() ? "embedded Kafka (KRaft) " : "Kafka ") + kafkaBootstrapServers + ", "
                + (embeddedMongo.isPresent() ? "embedded MongoDB-compatible server (memory) " : "MongoDB ")
                + mongoConnectionString;
    }

    @Override
    public void close() {
        embeddedMongo.ifPresent(EmbeddedMongo::close);
        embeddedKafka.ifPresent(EmbeddedKafka::close);
    }
}
