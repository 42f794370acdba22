package dev.competency.e2e.fuzz;

import dev.competency.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The broker as the consumer fuzzing sees it from outside the services: a producer that writes records exactly as
 * given (any key, header or value, a record up to 2 MiB), the consumer groups' committed offsets against the topics'
 * end offsets, and the dead-letter topics read from their start.
 */
final class TopicTraffic implements AutoCloseable {

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READ_LIMIT = Duration.ofMinutes(1);
    static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
    static final String ORIGINAL_GROUP = "kafka_dlt-original-consumer-group";
    static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";

    /** Where a record lies. */
    record Location(String topic, int partition, long offset) {
        @Override
        public String toString() {
            return topic + "-" + partition + "@" + offset;
        }
    }

    /** A record of a dead-letter topic: the group that sent it there and why. */
    record DeadLetter(String group, String reason) {
    }

    /** A partition a consumer group has not read to its end. */
    record Lag(String group, TopicPartition partition, Long committed, long end) {
        @Override
        public String toString() {
            return group + " " + partition + ": committed " + (committed == null ? "nothing" : committed) + " of "
                    + end;
        }
    }

    private final String bootstrapServers;
    private final Admin admin;
    private final KafkaProducer<String, byte[]> producer;

    TopicTraffic(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Writes the records in order, each to its topic (partitioned by its key), and waits for every one's offset. */
    Map<Integer, Location> write(List<RecordCase> cases) {
        Map<Integer, Future<RecordMetadata>> sent = new TreeMap<>();
        for (RecordCase record : cases) {
            sent.put(record.number(), producer.send(new ProducerRecord<>(record.topic(), null, record.key(),
                    record.value(), record.headers())));
        }
        producer.flush();
        Map<Integer, Location> written = new TreeMap<>();
        sent.forEach((number, future) -> {
            RecordMetadata metadata = get(future);
            written.put(number, new Location(metadata.topic(), metadata.partition(), metadata.offset()));
        });
        return written;
    }

    /**
     * The consumer groups that read a public topic (by their committed offsets or their members' assignments), with
     * the public topics each reads.
     */
    Map<String, Set<String>> groupsReadingPublicTopics() {
        Map<String, Set<String>> groups = new TreeMap<>();
        Collection<GroupListing> listings = get(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all());
        List<String> ids = listings.stream().map(GroupListing::groupId).toList();
        Map<String, ConsumerGroupDescription> descriptions = ids.isEmpty() ? Map.of()
                : get(admin.describeConsumerGroups(ids).all());
        for (String group : ids) {
            Set<String> topics = new HashSet<>();
            committed(group).keySet().forEach(partition -> topics.add(partition.topic()));
            ConsumerGroupDescription description = descriptions.get(group);
            if (description != null) {
                for (MemberDescription member : description.members()) {
                    member.assignment().topicPartitions().forEach(partition -> topics.add(partition.topic()));
                }
            }
            topics.retainAll(ContractShapes.CONSUMED_TOPICS);
            if (!topics.isEmpty()) {
                groups.put(group, new java.util.TreeSet<>(topics));
            }
        }
        return groups;
    }

    /** Every partition of the public topics that one of the groups has not committed to its end (read committed). */
    List<Lag> lags(Map<String, Set<String>> groups) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String topic : ContractShapes.CONSUMED_TOPICS) {
            for (int partition = 0; partition < Topics.partitions(topic); partition++) {
                latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
            }
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        get(admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all())
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        List<Lag> lags = new ArrayList<>();
        groups.forEach((group, topics) -> {
            Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
            ends.forEach((partition, end) -> {
                if (!topics.contains(partition.topic()) || end == 0) {
                    return;
                }
                OffsetAndMetadata offset = committed.get(partition);
                if (offset == null || offset.offset() < end) {
                    lags.add(new Lag(group, partition, offset == null ? null : offset.offset(), end));
                }
            });
        });
        return lags;
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group) {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
        get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()).forEach((partition, offset) -> {
            if (offset != null) {
                committed.put(partition, offset);
            }
        });
        return committed;
    }

    /**
     * Every record of the public topics' dead-letter topics, by where the original lay: who sent it there and with
     * what reason ({@value #EXCEPTION_MESSAGE}; an empty reason when the header is missing).
     */
    Map<Location, List<DeadLetter>> deadLetters() {
        Map<Location, List<DeadLetter>> letters = new HashMap<>();
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "consumer-fuzz-dlq-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : ContractShapes.CONSUMED_TOPICS) {
                consumer.partitionsFor(Topics.deadLetter(topic)).forEach(info ->
                        partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(READ_LIMIT);
            while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("The dead-letter topics not read within " + READ_LIMIT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String topic = header(record, ORIGINAL_TOPIC);
                    String partition = header(record, ORIGINAL_PARTITION);
                    String offset = header(record, ORIGINAL_OFFSET);
                    if (topic == null || partition == null || offset == null) {
                        continue;
                    }
                    Location original = new Location(topic, Integer.parseInt(partition), Long.parseLong(offset));
                    String reason = header(record, EXCEPTION_MESSAGE);
                    letters.computeIfAbsent(original, location -> new ArrayList<>()).add(new DeadLetter(
                            String.valueOf(header(record, ORIGINAL_GROUP)), reason == null ? "" : reason));
                }
            }
        }
        return letters;
    }

    /** A header as text: spring-kafka writes the partition and offset as big-endian binary numbers, the rest UTF-8. */
    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        byte[] value = header.value();
        if (name.equals(ORIGINAL_PARTITION) && value.length == Integer.BYTES) {
            return Integer.toString(java.nio.ByteBuffer.wrap(value).getInt());
        }
        if (name.equals(ORIGINAL_OFFSET) && value.length == Long.BYTES) {
            return Long.toString(java.nio.ByteBuffer.wrap(value).getLong());
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The broker did not answer within " + ADMIN_TIMEOUT, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
        admin.close(Duration.ofSeconds(10));
    }
}
