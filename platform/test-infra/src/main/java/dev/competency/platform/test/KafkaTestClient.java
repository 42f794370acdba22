package dev.competency.platform.test;

import dev.competency.contracts.EventAttributes;
import dev.competency.contracts.EventCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients on the shared test broker, to play a producer or consumer of the public topics. */
public final class KafkaTestClient implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaProducer<String, byte[]> producer;

    public KafkaTestClient() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.endpoints().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** The example payload the contracts module ships for an event type. */
    public static byte[] example(String type) {
        String resource = EventCatalog.byType(type).exampleResource();
        try (InputStream in = KafkaTestClient.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No example on the classpath at " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A record of the given type as a producer following the contract would send it, with a fresh ce_id. */
    public static ProducerRecord<String, byte[]> contractRecord(String type, String key, byte[] payload) {
        return contractRecord(new EventAttributes(UUID.randomUUID().toString(), type, "/tests", Instant.now(), key),
                key, payload);
    }

    /** A record with the given CloudEvents attributes. */
    public static ProducerRecord<String, byte[]> contractRecord(EventAttributes attributes, String key,
                                                                byte[] payload) {
        String topic = EventCatalog.byType(attributes.type()).topic();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, payload);
        attributes.toHeaders().forEach((name, value) ->
                record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    public RecordMetadata send(ProducerRecord<String, byte[]> record) {
        return acknowledged(producer.send(record), record);
    }

    /**
     * Sends the records in one produce request where they fit (sent without waiting, then flushed), so that the
     * records of one partition reach a consumer in one poll; fails unless every one was acknowledged.
     */
    public void sendTogether(List<ProducerRecord<String, byte[]>> records) {
        List<Future<RecordMetadata>> sent = records.stream().map(producer::send).toList();
        producer.flush();
        for (int i = 0; i < sent.size(); i++) {
            acknowledged(sent.get(i), records.get(i));
        }
    }

    private static RecordMetadata acknowledged(Future<RecordMetadata> sent, ProducerRecord<String, byte[]> record) {
        try {
            return sent.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending to " + record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot send to " + record.topic(), e);
        }
    }

    /**
     * Reads a topic from the beginning until a record matches, or fails after the timeout.
     */
    public static ConsumerRecord<String, byte[]> awaitRecord(String topic,
                                                             Predicate<ConsumerRecord<String, byte[]>> match) {
        try (KafkaConsumer<String, byte[]> consumer = fromBeginning(topic)) {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        return record;
                    }
                }
            }
            throw new AssertionError("No matching record on " + topic + " within " + TIMEOUT);
        }
    }

    /** Every record on a topic, up to its end when called, that matches; in partition order. */
    public static List<ConsumerRecord<String, byte[]>> records(String topic,
                                                               Predicate<ConsumerRecord<String, byte[]>> match) {
        try (KafkaConsumer<String, byte[]> consumer = fromBeginning(topic)) {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (end.keySet().stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Could not read " + topic + " to its end within " + TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        found.add(record);
                    }
                }
            }
            return found;
        }
    }

    /** A consumer of every partition of a topic, at the beginning, without a group; the caller closes it. */
    public static KafkaConsumer<String, byte[]> fromBeginning(String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.endpoints().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** The value of a header as text, or null. */
    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
