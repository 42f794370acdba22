package dev.competency.platform.service.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * A dead-letter recoverer whose dead letters always fit the broker. A dead letter is the poison record plus headers
 * (original topic, partition, offset and timestamp, consumer group, exception class, message and stack trace), so a
 * record that was close to the size limit comes back over it, the send fails, and the consumer stops on that record
 * for good. Here the whole dead letter — key, value and every header, sized the way the producer checks it — is kept
 * within {@code maxBytes}: when it would be larger, the value is cut to fit and the dead letter says so in
 * {@value #VALUE_TRUNCATED} ({@code true}) and {@value #ORIGINAL_VALUE_SIZE} (the value's size in bytes, decimal).
 * The original record stays in its topic, whole. Should the headers alone not fit, the stack trace goes too.
 */
class BoundedDeadLetterRecoverer extends DeadLetterPublishingRecoverer {

    /** Header set on a dead letter whose value was cut to fit. */
    static final String VALUE_TRUNCATED = "dlt-value-truncated";
    /** Header with the size in bytes of the value a cut dead letter came from. */
    static final String ORIGINAL_VALUE_SIZE = "dlt-original-value-size";
    /** Kafka's own default for {@code max.request.size}, and below the broker's default {@code message.max.bytes}. */
    static final int DEFAULT_MAX_BYTES = 1_048_576;

    private static final Logger log = LoggerFactory.getLogger(BoundedDeadLetterRecoverer.class);

    private final int maxBytes;

    BoundedDeadLetterRecoverer(KafkaOperations<?, ?> template,
                               BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination,
                               int maxBytes) {
        super(template, destination);
        this.maxBytes = maxBytes;
        setExceptionHeadersCreator(new BoundedExceptionHeaders());
    }

    /**
     * The largest dead letter the template's producer sends: its {@code max.request.size}, but at most
     * {@code configured} (the dead-letter topics' {@code max.message.bytes}, where that is lower).
     */
    static int maxBytes(KafkaOperations<?, ?> template, int configured) {
        Object producerLimit = template.getProducerFactory().getConfigurationProperties()
                .get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        int limit = producerLimit == null ? DEFAULT_MAX_BYTES : Integer.parseInt(producerLimit.toString());
        return Math.min(limit, configured);
    }

    @Override
    protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record,
                                                                  TopicPartition topicPartition, Headers headers,
                                                                  byte[] key, byte[] value) {
        ProducerRecord<Object, Object> letter = super.createProducerRecord(record, topicPartition, headers, key, value);
        if (!(letter.value() instanceof byte[] bytes)) {
            return letter;
        }
        byte[] keyBytes = keyBytes(letter.key());
        int overflow = size(keyBytes, bytes, letter.headers()) - maxBytes;
        if (overflow <= 0) {
            return letter;
        }
        letter.headers().add(VALUE_TRUNCATED, "true".getBytes(StandardCharsets.UTF_8));
        letter.headers().add(ORIGINAL_VALUE_SIZE, Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
        overflow = size(keyBytes, bytes, letter.headers()) - maxBytes;
        if (overflow > bytes.length) {
            letter.headers().remove(KafkaHeaders.DLT_EXCEPTION_STACKTRACE);
            letter.headers().remove(KafkaHeaders.DLT_KEY_EXCEPTION_STACKTRACE);
            overflow = size(keyBytes, bytes, letter.headers()) - maxBytes;
        }
        byte[] cut = Arrays.copyOf(bytes, Math.max(0, bytes.length - Math.max(0, overflow)));
        log.warn("The dead letter of record {}-{}@{} would be {} bytes over the limit of {}: its value is cut from {}"
                + " to {} bytes", record.topic(), record.partition(), record.offset(), overflow, maxBytes,
                bytes.length, cut.length);
        return new ProducerRecord<>(letter.topic(), letter.partition(), letter.timestamp(), letter.key(), cut,
                letter.headers());
    }

    /** The record's size as the producer reckons it against {@code max.request.size} (uncompressed, an upper bound). */
    static int size(byte[] key, byte[] value, Headers headers) {
        return AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE,
                CompressionType.NONE, key, value, headers.toArray());
    }

    private static byte[] keyBytes(Object key) {
        if (key instanceof byte[] bytes) {
            return bytes;
        }
        return key == null ? null : key.toString().getBytes(StandardCharsets.UTF_8);
    }
}
