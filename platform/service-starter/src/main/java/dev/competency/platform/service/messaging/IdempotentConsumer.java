package dev.competency.platform.service.messaging;

import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a record of a public topic as its contract event and applies it at most once in effect per consumer:
 * an event whose {@code ce_id} this consumer already applied is skipped. The apply step must itself be idempotent
 * (see {@link ProcessedEventLog}) to cover a crash between applying and recording.
 */
public class IdempotentConsumer {

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);

    private final ContractEventReader reader;
    private final ProcessedEventLog processed;

    public IdempotentConsumer(ContractEventReader reader, ProcessedEventLog processed) {
        this.reader = reader;
        this.processed = processed;
    }

    public void consume(String consumer, ConsumerRecord<String, byte[]> record, Consumer<ReceivedEvent> apply) {
        ReceivedEvent event = reader.read(record);
        String eventId = event.attributes().id();
        if (processed.contains(consumer, eventId)) {
            log.debug("{} skips event {} ({}), already applied", consumer, eventId, event.attributes().type());
            return;
        }
        apply.accept(event);
        processed.record(consumer, eventId);
    }
}
