package dev.competency.e2e.erasure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Every record of every topic on the broker (internal and dead-letter topics included), read from offset 0 up to
 * the end offsets of the moment with a plain consumer that joins no group and commits nothing, uncommitted
 * transactional records included.
 */
final class BrokerRecords {

    private static final Duration READ_LIMIT = Duration.ofMinutes(3);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    /** What a read of the whole broker saw. */
    record Scan(Set<String> topics, long records, List<PersonalData.Sighting> sightings, long recordsNaming) {
    }

    private BrokerRecords() {
    }

    /**
     * Reads everything and looks for the person's name and address in each record's key, value and headers (names
     * and values); {@code recordsNaming} counts the records whose text contains {@code controlText}, so the caller can
     * tell that the learner's own records were among those read.
     */
    static Scan search(String bootstrapServers, PersonalData person, String controlText) {
        Set<String> topics = topics(bootstrapServers);
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "erasure-check-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        List<PersonalData.Sighting> sightings = new ArrayList<>();
        long records = 0;
        long naming = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(READ_LIMIT);
            while (!allRead(consumer, ends)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Not every record read within " + READ_LIMIT + "; ends " + ends);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    String text = textOf(record);
                    if (text.contains(controlText)) {
                        naming++;
                    }
                    sightings.addAll(person.sightingsIn(record.topic() + "-" + record.partition() + "@"
                            + record.offset(), text));
                }
            }
        }
        return new Scan(topics, records, sightings, naming);
    }

    private static Set<String> topics(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return new TreeSet<>(admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                    .get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while listing the topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot list the topics on " + bootstrapServers, e);
        }
    }

    private static boolean allRead(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    /** Key, value and every header, each byte kept as one character so that nothing is lost to decoding. */
    private static String textOf(ConsumerRecord<byte[], byte[]> record) {
        StringBuilder text = new StringBuilder();
        append(text, "key", record.key());
        append(text, "value", record.value());
        for (Header header : record.headers()) {
            append(text, "header " + header.key(), header.value());
        }
        return text.toString();
    }

    private static void append(StringBuilder text, String part, byte[] bytes) {
        text.append('[').append(part).append("] ");
        if (bytes != null) {
            text.append(new String(bytes, StandardCharsets.ISO_8859_1));
        }
        text.append('\n');
    }
}
