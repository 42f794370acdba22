package dev.competency.platform.service.messaging;

import dev.competency.contracts.EventAttributes;
import dev.competency.contracts.EventCatalog;
import dev.competency.contracts.IntegrationEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes public contract events to their topic, keyed by the event's partition key, with the CloudEvents
 * attributes as Kafka headers. Callers that may publish the same fact again (after a crash, on replay) pass a
 * deterministic event id so that consumers, which deduplicate by {@code ce_id}, see it once.
 */
public class IntegrationEventPublisher {

    private final KafkaTemplate<String, byte[]> template;
    private final JsonMapper json;
    private final String source;
    private final Clock clock;

    public IntegrationEventPublisher(KafkaTemplate<String, byte[]> template, JsonMapper json, String source,
                                     Clock clock) {
        this.template = template;
        this.json = json;
        this.source = source;
        this.clock = clock;
    }

    /** Publishes with a new random event id. */
    public CompletableFuture<SendResult<String, byte[]>> publish(IntegrationEvent event) {
        return publish(UUID.randomUUID(), event);
    }

    /** Publishes with the given event id. */
    public CompletableFuture<SendResult<String, byte[]>> publish(UUID eventId, IntegrationEvent event) {
        EventCatalog.EventDescriptor descriptor = EventCatalog.byPayloadType(event.getClass());
        String key = event.partitionKey();
        EventAttributes attributes = new EventAttributes(eventId.toString(), descriptor.type(), source,
                clock.instant(), key);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(descriptor.topic(), key,
                json.writeValueAsBytes(event));
        Headers headers = record.headers();
        attributes.toHeaders().forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return template.send(record);
    }
}
