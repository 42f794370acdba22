package dev.competency.platform.bench;

import dev.competency.contracts.evidence.EvidenceRecorded;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker alone, for comparison: the same evidence records (same size, headers and keys) produced to a scratch
 * topic with the evidence topic's partition count and consumed at the same time, in the same run as the service
 * measurements. The scratch topic is deleted afterwards.
 */
final class RawKafkaBench {

    private static final Logger log = LoggerFactory.getLogger(RawKafkaBench.class);
    private static final int PARTITIONS = 6;

    private final String bootstrapServers;
    private final Workload workload;
    private final Report report;

    RawKafkaBench(String bootstrapServers, Workload workload, Report report) {
        this.bootstrapServers = bootstrapServers;
        this.workload = workload;
        this.report = report;
    }

    void run(int messages, Duration timeout) {
        String topic = "bench.scratch." + System.currentTimeMillis();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try {
                measure(topic, messages, timeout);
            } finally {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Scratch topic " + topic + " failed", e);
        }
    }

    private void measure(String topic, int messages, Duration timeout) throws InterruptedException {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
             KafkaProducer<String, byte[]> producer = Workload.producer(bootstrapServers)) {
            List<TopicPartition> partitions = java.util.stream.IntStream.range(0, PARTITIONS)
                    .mapToObj(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            partitions.forEach(consumer::position);

            long[] consumed = new long[1];
            long[] lastConsumed = new long[1];
            Thread reader = new Thread(() -> {
                long deadline = System.nanoTime() + timeout.toNanos();
                while (consumed[0] < messages && System.nanoTime() < deadline) {
                    int n = consumer.poll(Duration.ofMillis(100)).count();
                    if (n > 0) {
                        consumed[0] += n;
                        lastConsumed[0] = System.nanoTime();
                    }
                }
            }, "bench-raw-consumer");
            long start = System.nanoTime();
            reader.start();
            for (int i = 0; i < messages; i++) {
                EvidenceRecorded evidence = workload.evidence(workload.learnerId("raw", i % 10_000),
                        workload.competencyIds().get(i % workload.competencyIds().size()), 0);
                ProducerRecord<String, byte[]> record = Workload.record(evidence);
                producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), record.headers()));
            }
            producer.flush();
            long produced = System.nanoTime();
            reader.join(timeout.toMillis());
            double produceSeconds = (produced - start) / 1e9;
            double endToEndSeconds = (lastConsumed[0] - start) / 1e9;
            log.info("Raw Kafka: {} produced, {} consumed", messages, consumed[0]);
            report.add("raw Kafka (scratch topic, %d partitions, acks=all, linger 5 ms): produced %d in %.1f s = %.0f msg/s;"
                            + " consumed %d, last at %.1f s = %.0f msg/s produce->consume",
                    PARTITIONS, messages, produceSeconds, messages / produceSeconds, consumed[0], endToEndSeconds,
                    consumed[0] / endToEndSeconds);
        }
    }
}
