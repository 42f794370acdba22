package dev.competency.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import dev.competency.contracts.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded broker and store keep their data across restarts when given a directory, and across a stop and start
 * in place whatever their storage.
 */
class EmbeddedInfrastructureIT {

    @TempDir
    Path data;

    @Test
    void keepsMongoDocumentsAcrossRestart_whenDataDirectoryIsGiven() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(0, Optional.of(data));
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            client.getDatabase("restart").getCollection("facts").insertOne(new Document("_id", "f-1").append("n", 7));
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.start(0, Optional.of(data));
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            Document fact = client.getDatabase("restart").getCollection("facts").find(Filters.eq("_id", "f-1"))
                    .first();
            assertThat(fact).isNotNull();
            assertThat(fact.getInteger("n")).isEqualTo(7);
        }
    }

    @Test
    void createsPlatformTopicsAndKeepsRecordsAcrossRestart_whenLogDirectoryIsGiven() throws Exception {
        Path logs = data.resolve("kafka");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(0, Optional.of(logs))) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers()))) {
                Map<String, TopicDescription> topics = admin.describeTopics(Topics.ALL).allTopicNames().get();
                for (String topic : Topics.ALL) {
                    assertThat(topics.get(topic).partitions()).hasSize(Topics.partitions(topic));
                }
                assertThat(admin.listTopics().names().get()).contains(Topics.deadLetter(Topics.EVIDENCE));
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.LEARNERS, "learner-1", "kept")).get();
            }
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start(0, Optional.of(logs))) {
            assertThat(readAll(kafka.bootstrapServers(), Topics.LEARNERS)).contains("kept");
        }
    }

    @Test
    void keepsRecordsAndPort_whenTheBrokerIsStoppedAndStartedAgainWithATemporaryLogDirectory() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(0, Optional.empty())) {
            String bootstrapServers = kafka.bootstrapServers();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.LEARNERS, "learner-1", "before the restart")).get();
            }

            kafka.stop();
            assertThat(kafka.isRunning()).isFalse();
            assertThat(kafka.logDirectory()).isDirectory();
            assertThatThrownBy(kafka::stop).isInstanceOf(IllegalStateException.class);
            kafka.restart();

            assertThat(kafka.isRunning()).isTrue();
            assertThat(kafka.bootstrapServers()).isEqualTo(bootstrapServers);
            assertThat(readAll(bootstrapServers, Topics.LEARNERS)).containsExactly("before the restart");
            assertThatThrownBy(kafka::restart).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void keepsMongoDocumentsAndPortInMemory_whenTheServerIsStoppedAndStartedAgain() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(0, Optional.empty())) {
            assertStoppedAndStartedAgainWithItsData(mongo);
        }
    }

    @Test
    void keepsMongoDocumentsAndPortInADataDirectory_whenTheServerIsStoppedAndStartedAgain() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(0, Optional.of(data))) {
            assertStoppedAndStartedAgainWithItsData(mongo);
        }
    }

    private static void assertStoppedAndStartedAgainWithItsData(EmbeddedMongo mongo) {
        String connection = mongo.connectionString();
        try (MongoClient client = MongoClients.create(connection)) {
            client.getDatabase("restart").getCollection("facts").insertOne(new Document("_id", "f-1").append("n", 7));
        }

        mongo.stop();
        assertThat(mongo.isRunning()).isFalse();
        MongoClientSettings quick = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connection))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(500, TimeUnit.MILLISECONDS))
                .build();
        try (MongoClient client = MongoClients.create(quick)) {
            assertThatThrownBy(() -> client.getDatabase("restart").getCollection("facts").countDocuments())
                    .as("the store refuses connections while stopped").isInstanceOf(MongoTimeoutException.class);
        }
        mongo.restart();

        assertThat(mongo.connectionString()).isEqualTo(connection);
        try (MongoClient client = MongoClients.create(connection)) {
            Document fact = client.getDatabase("restart").getCollection("facts").find(Filters.eq("_id", "f-1"))
                    .first();
            assertThat(fact).isNotNull();
            assertThat(fact.getInteger("n")).isEqualTo(7);
        }
        assertThatThrownBy(mongo::restart).isInstanceOf(IllegalStateException.class);
    }

    private static List<String> readAll(String bootstrapServers, String topic) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "restart-check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
