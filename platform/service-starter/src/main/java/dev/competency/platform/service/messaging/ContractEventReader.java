package dev.competency.platform.service.messaging;

import dev.competency.contracts.EventAttributes;
import dev.competency.contracts.EventCatalog;
import dev.competency.contracts.IntegrationEvent;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/** Turns a Kafka record of a public topic into its contract event, or rejects it as poison. */
public class ContractEventReader {

    private final JsonMapper json;

    /**
     * Reads with {@code json}'s settings, and an enum value the record does not know as the enum's declared default
     * where it has one: {@code mastery.changed}'s open {@code cause} (values are appended within the topic version).
     */
    public ContractEventReader(JsonMapper json) {
        this.json = json.rebuild().enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE).build();
    }

    public ReceivedEvent read(ConsumerRecord<String, byte[]> record) {
        EventAttributes attributes;
        try {
            attributes = EventAttributes.fromHeaders(headers(record));
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("Invalid CloudEvents headers: " + e.getMessage(), e);
        }
        EventCatalog.EventDescriptor descriptor = EventCatalog.byType(attributes.type());
        if (!descriptor.topic().equals(record.topic())) {
            throw new PoisonMessageException("Event type " + attributes.type() + " does not belong on topic "
                    + record.topic());
        }
        if (record.value() == null) {
            throw new PoisonMessageException("Event " + attributes.id() + " has no payload");
        }
        try {
            IntegrationEvent payload = json.readValue(record.value(), descriptor.payloadType());
            if (!payload.partitionKey().equals(record.key())) {
                throw new PoisonMessageException("Event " + attributes.id() + " has key "
                        + PoisonMessageException.quoted(record.key()) + " but its payload belongs under key "
                        + PoisonMessageException.quoted(payload.partitionKey()));
            }
            return new ReceivedEvent(attributes, payload, record.key(), record.topic(), record.partition(),
                    record.offset());
        } catch (JacksonException | IllegalArgumentException e) {
            throw new PoisonMessageException("Payload of " + attributes.type() + " " + attributes.id()
                    + " breaks its contract: " + reason(e), e);
        }
    }

    private static String reason(RuntimeException e) {
        return e instanceof JacksonException jackson ? jackson.getOriginalMessage() : e.getMessage();
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return headers;
    }
}
