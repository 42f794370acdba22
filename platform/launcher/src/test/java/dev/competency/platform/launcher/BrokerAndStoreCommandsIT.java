package dev.competency.platform.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import dev.competency.contracts.Topics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that stop and start the embedded broker and store, as the fault suite sends them on standard input:
 * each goes away (its port refuses connections) and comes back on the same port with everything it held.
 */
class BrokerAndStoreCommandsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path data;

    @Test
    void keepsRecordsAndDocumentsInMemory_whenBrokerAndStoreAreStoppedAndStartedByCommands()
            throws Exception {
        stopsAndStartsBrokerAndStore(options(Optional.empty()));
    }

    @Test
    void keepsRecordsAndDocumentsInADataDirectory_whenBrokerAndStoreAreStoppedAndStartedByCommands()
            throws Exception {
        stopsAndStartsBrokerAndStore(options(Optional.of(data)));
    }

    @Test
    void refusesToKillOrStartTheBrokerOrStore_whenTheyAreRunning() {
        try (LocalPlatform platform = LocalPlatform.startInfrastructure(options(Optional.empty()))) {
            assertThatThrownBy(() -> platform.kill(LocalPlatform.KAFKA)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("stop it instead");
            assertThatThrownBy(() -> platform.kill(LocalPlatform.MONGODB))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> platform.restart(LocalPlatform.KAFKA)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is running");
            assertThatThrownBy(() -> platform.restart(LocalPlatform.MONGODB))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("is running");
        }
    }

    private void stopsAndStartsBrokerAndStore(LaunchOptions options) throws Exception {
        try (LocalPlatform platform = LocalPlatform.startInfrastructure(options);
             PipedOutputStream commands = new PipedOutputStream();
             PipedInputStream input = new PipedInputStream(commands)) {
            Thread reader = new Thread(() -> platform.readCommands(input), "commands");
            reader.setDaemon(true);
            reader.start();
            String bootstrapServers = platform.kafkaBootstrapServers();
            int kafkaPort = port(bootstrapServers);
            String mongo = platform.mongoConnectionString();
            int mongoPort = port(mongo.substring("mongodb://".length()));
            String record = "recorded before the restart " + UUID.randomUUID();
            produce(bootstrapServers, record);
            try (MongoClient client = MongoClients.create(mongo)) {
                client.getDatabase("restart").getCollection("facts").insertOne(new Document("_id", "f-1"));
            }

            send(commands, "stop kafka");
            send(commands, "stop mongodb");
            await("the broker and the store to refuse connections").atMost(WAIT)
                    .until(() -> !listening(kafkaPort) && !listening(mongoPort));
            send(commands, "start kafka");
            send(commands, "start mongodb");
            await("the broker and the store to listen again").atMost(WAIT)
                    .until(() -> listening(kafkaPort) && listening(mongoPort));

            assertThat(platform.kafkaBootstrapServers()).isEqualTo(bootstrapServers);
            assertThat(platform.mongoConnectionString()).isEqualTo(mongo);
            await("the record written before the restart").atMost(WAIT)
                    .untilAsserted(() -> assertThat(readAll(bootstrapServers)).contains(record));
            try (MongoClient client = MongoClients.create(mongo)) {
                assertThat(client.getDatabase("restart").getCollection("facts").find(Filters.eq("_id", "f-1"))
                        .first()).as("the document stored before the restart").isNotNull();
            }
        }
    }

    private static LaunchOptions options(Optional<Path> dataDirectory) {
        return new LaunchOptions(dataDirectory, 0, 0, 0, 0, false, false, LocalPlatform.repositoryRoot());
    }

    private static void send(OutputStream commands, String command) throws IOException {
        commands.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        commands.flush();
    }

    private static int port(String hostAndPort) {
        return Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void produce(String bootstrapServers, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.LEARNERS, "learner-1", value)).get();
        }
    }

    private static List<String> readAll(String bootstrapServers) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.LEARNERS).stream()
                    .map(info -> new TopicPartition(Topics.LEARNERS, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<String> values = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
            }
            return values;
        }
    }
}
