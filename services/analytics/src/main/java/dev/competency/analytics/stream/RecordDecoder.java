package dev.competency.analytics.stream;

import dev.competency.contracts.CloudEventHeaders;
import dev.competency.contracts.EventCatalog;
import dev.competency.contracts.IntegrationEvent;
import dev.competency.contracts.Topics;
import dev.competency.contracts.learners.LearnerErased;
import dev.competency.platform.service.messaging.PoisonMessageException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a record of a public topic into its contract event with the checks of the platform's contract reader (the
 * CloudEvents headers, the type on its topic, the payload against its record, the key against the payload's), at the
 * cost a replay of every topic can afford: the headers are read in place without a map of copies, the type is found
 * by its bytes, and each payload type has one pre-built {@link ObjectReader}.
 *
 * <p>Kept beside the platform's {@code ContractEventReader} for the rebuild target: decoding and applying 200,000
 * records through both, back to back in one JVM, gave 40,093 against 28,260 records/s (1.42×; 1.07–1.35× in earlier
 * rounds of the same run, on a loaded 2-core host, 2026-12-06), measured by {@code AnalyticsMicroBench}:
 * <pre>
 * mvn -o -q -pl services/analytics test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/analytics-cp.txt -Dmdep.includeScope=test
 * cd services/analytics &amp;&amp; java -Xmx2g -cp target/classes:target/test-classes:$(cat /tmp/analytics-cp.txt) \
 *     dev.competency.analytics.bench.AnalyticsMicroBench 10000 200 200000
 * </pre>
 */
public final class RecordDecoder {

    /** The {@link Decoded#type()} of a tombstone on the learners topic. */
    public static final String TOMBSTONE = "tombstone";

    private static final byte[] ID = bytes(CloudEventHeaders.ID);
    private static final byte[] TYPE = bytes(CloudEventHeaders.TYPE);
    private static final byte[] SOURCE = bytes(CloudEventHeaders.SOURCE);
    private static final byte[] TIME = bytes(CloudEventHeaders.TIME);
    private static final byte[] SPEC_VERSION = bytes(CloudEventHeaders.SPEC_VERSION);
    private static final byte[] SPEC_VERSION_VALUE = bytes(CloudEventHeaders.SPEC_VERSION_VALUE);

    private final List<EventCatalog.EventDescriptor> descriptors = EventCatalog.all();
    private final byte[][] typeNames;
    private final ObjectReader[] readers;

    public RecordDecoder(JsonMapper json) {
        typeNames = new byte[descriptors.size()][];
        readers = new ObjectReader[descriptors.size()];
        for (int i = 0; i < descriptors.size(); i++) {
            typeNames[i] = bytes(descriptors.get(i).type());
            // An open enum's unknown value is its declared default: mastery.changed's cause (see the contracts).
            readers[i] = json.readerFor(descriptors.get(i).payloadType())
                    .with(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE);
        }
    }

    /** A contract event as the fold needs it. */
    public record Decoded(String id, String type, IntegrationEvent payload, String topic, int partition, long offset,
                   long timeMillis) {
    }

    /**
     * A record without a value (a tombstone) on {@code competency.learners.v1} is no contract event: it decodes as the
     * erasure of the learner in its key, with an id derived from where it lies and the time it was written. On the
     * other topics it breaks the contract like any record without a payload.
     *
     * @throws PoisonMessageException when the record breaks its contract
     */
    public Decoded decode(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null && record.key() != null && Topics.LEARNERS.equals(record.topic())) {
            return tombstone(record);
        }
        byte[] id = null;
        byte[] type = null;
        byte[] source = null;
        byte[] time = null;
        byte[] specVersion = null;
        for (Header header : record.headers()) {
            String key = header.key();
            byte[] value = header.value();
            if (value == null) {
                continue;
            }
            if (key.equals(CloudEventHeaders.ID)) {
                id = value;
            } else if (key.equals(CloudEventHeaders.TYPE)) {
                type = value;
            } else if (key.equals(CloudEventHeaders.SOURCE)) {
                source = value;
            } else if (key.equals(CloudEventHeaders.TIME)) {
                time = value;
            } else if (key.equals(CloudEventHeaders.SPEC_VERSION)) {
                specVersion = value;
            }
        }
        if (specVersion != null && !Arrays.equals(specVersion, SPEC_VERSION_VALUE)) {
            throw invalid(SPEC_VERSION, text(specVersion), "must be " + CloudEventHeaders.SPEC_VERSION_VALUE);
        }
        if (id == null || !canonicalUuid(id)) {
            throw invalid(ID, id == null ? null : text(id), "must be a UUID");
        }
        String eventId = new String(id, StandardCharsets.ISO_8859_1);
        int descriptor = type == null ? -1 : descriptorOf(type);
        if (descriptor < 0) {
            throw invalid(TYPE, type == null ? null : text(type), "must be a known event type");
        }
        if (source == null || text(source).isBlank()) {
            throw invalid(SOURCE, source == null ? null : text(source), "must not be blank");
        }
        long timeMillis = timeMillis(time);
        EventCatalog.EventDescriptor described = descriptors.get(descriptor);
        if (!described.topic().equals(record.topic())) {
            throw new PoisonMessageException("Event type " + described.type() + " does not belong on topic "
                    + record.topic());
        }
        if (record.value() == null) {
            throw new PoisonMessageException("Event " + eventId + " has no payload");
        }
        IntegrationEvent payload;
        try {
            payload = readers[descriptor].readValue(record.value());
        } catch (JacksonException | IllegalArgumentException e) {
            throw new PoisonMessageException("Payload of " + described.type() + " " + eventId
                    + " breaks its contract: " + (e instanceof JacksonException jackson ? jackson.getOriginalMessage()
                    : e.getMessage()), e);
        }
        if (payload == null) {
            throw new PoisonMessageException("Event " + eventId + " has no payload");
        }
        if (!payload.partitionKey().equals(record.key())) {
            throw new PoisonMessageException("Event " + eventId + " has key "
                    + PoisonMessageException.quoted(record.key()) + " but its payload belongs under key "
                    + PoisonMessageException.quoted(payload.partitionKey()));
        }
        return new Decoded(eventId, described.type(), payload, record.topic(), record.partition(), record.offset(),
                timeMillis);
    }

    private static Decoded tombstone(ConsumerRecord<String, byte[]> record) {
        String id = UUID.nameUUIDFromBytes((TOMBSTONE + ":" + record.topic() + "-" + record.partition() + "@"
                + record.offset()).getBytes(StandardCharsets.UTF_8)).toString();
        return new Decoded(id, TOMBSTONE, new LearnerErased(record.key(), Instant.ofEpochMilli(record.timestamp())),
                record.topic(), record.partition(), record.offset(), record.timestamp());
    }

    private int descriptorOf(byte[] type) {
        for (int i = 0; i < typeNames.length; i++) {
            if (Arrays.equals(typeNames[i], type)) {
                return i;
            }
        }
        return -1;
    }

    /** The {@code time} header, an RFC 3339 timestamp as the contract reads it, in epoch millis. */
    private static long timeMillis(byte[] time) {
        if (time == null || time.length == 0) {
            throw invalid(TIME, null, "must not be blank");
        }
        String text = text(time);
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw invalid(TIME, text, "must be an RFC 3339 timestamp");
        }
    }

    private static boolean canonicalUuid(byte[] id) {
        if (id.length != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            byte b = id[i];
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? b == '-'
                    : b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static PoisonMessageException invalid(byte[] header, String value, String problem) {
        String name = text(header);
        return new PoisonMessageException("Invalid CloudEvents headers: " + name + " " + problem + " but was "
                + (value == null ? "missing" : PoisonMessageException.quoted(value)));
    }

    private static String text(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
