package dev.competency.platform.service.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.contracts.Topics;
import dev.competency.platform.test.KafkaTestClient;
import dev.competency.platform.test.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The platform's dead-letter recoverer against the shared test broker, whose limits are Kafka's defaults: a poison
 * record just under 1 MiB, failing with a long message, still gets its dead letter, with the value cut and the cut
 * said in headers; a small one is dead-lettered as it came.
 */
class DeadLetterSizeIT {

    private static final String SOURCE = "starter-test.dead-letter-size-" + UUID.randomUUID();
    private static final String DEAD_LETTERS = Topics.deadLetter(SOURCE);
    private static final int ONE_MIB = 1_048_576;

    private static DefaultKafkaProducerFactory<String, byte[]> producers;
    private static DeadLetterPublishingRecoverer recoverer;

    @BeforeAll
    static void createTopicAndRecoverer() throws Exception {
        String bootstrap = TestInfrastructure.endpoints().kafkaBootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(DEAD_LETTERS, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        producers = new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        recoverer = MessagingConfiguration.deadLetterRecoverer(new KafkaTemplate<>(producers),
                BoundedDeadLetterRecoverer.DEFAULT_MAX_BYTES);
    }

    @AfterAll
    static void closeProducers() {
        producers.destroy();
    }

    @Test
    void writesTheDeadLetterWithItsValueCut_whenValueAndHeadersWouldExceedTheLimit() {
        String key = UUID.randomUUID().toString();
        byte[] value = json(ONE_MIB - 2_000);
        ConsumerRecord<String, byte[]> poison = new ConsumerRecord<>(SOURCE, 4, 1_234_567L, key, value);
        poison.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        poison.headers().add("ce_type", "learner.registered".getBytes(StandardCharsets.UTF_8));
        String reason = "title must be at most 200 characters but was: " + "T".repeat(300_000);

        recoverer.accept(poison, new ListenerExecutionFailedException("Listener method threw exception",
                new PoisonMessageException(reason)));

        ConsumerRecord<String, byte[]> letter = KafkaTestClient.awaitRecord(DEAD_LETTERS, r -> key.equals(r.key()));
        assertThat(KafkaTestClient.header(letter, BoundedDeadLetterRecoverer.VALUE_TRUNCATED)).isEqualTo("true");
        assertThat(KafkaTestClient.header(letter, BoundedDeadLetterRecoverer.ORIGINAL_VALUE_SIZE))
                .isEqualTo(Integer.toString(value.length));
        assertThat(letter.value().length).as("cut").isLessThan(value.length)
                .as("cut only as far as needed").isGreaterThan(value.length - 40_000);
        assertThat(letter.value()).isEqualTo(Arrays.copyOf(value, letter.value().length));
        assertThat(KafkaTestClient.header(letter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(SOURCE);
        assertThat(KafkaTestClient.header(letter, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .startsWith("title must be at most 200 characters");
        assertThat(KafkaTestClient.header(letter, KafkaHeaders.DLT_EXCEPTION_STACKTRACE))
                .contains(PoisonMessageException.class.getName());
        assertThat(KafkaTestClient.header(letter, "ce_type")).isEqualTo("learner.registered");
        assertThat(BoundedDeadLetterRecoverer.size(letter.key().getBytes(StandardCharsets.UTF_8), letter.value(),
                letter.headers())).isLessThanOrEqualTo(ONE_MIB);
    }

    @Test
    void keepsTheValueWhole_whenTheDeadLetterFits() {
        String key = UUID.randomUUID().toString();
        byte[] value = json(50_000);
        ConsumerRecord<String, byte[]> poison = new ConsumerRecord<>(SOURCE, 0, 7L, key, value);

        recoverer.accept(poison, new ListenerExecutionFailedException("Listener method threw exception",
                new PoisonMessageException("unknown ce_type 'x'")));

        ConsumerRecord<String, byte[]> letter = KafkaTestClient.awaitRecord(DEAD_LETTERS, r -> key.equals(r.key()));
        assertThat(letter.value()).isEqualTo(value);
        assertThat(letter.headers().lastHeader(BoundedDeadLetterRecoverer.VALUE_TRUNCATED)).isNull();
        assertThat(letter.headers().lastHeader(BoundedDeadLetterRecoverer.ORIGINAL_VALUE_SIZE)).isNull();
    }

    /** A JSON object of exactly {@code size} bytes. */
    private static byte[] json(int size) {
        String prefix = "{\"title\":\"";
        String suffix = "\"}";
        return (prefix + "a".repeat(size - prefix.length() - suffix.length()) + suffix)
                .getBytes(StandardCharsets.UTF_8);
    }
}
