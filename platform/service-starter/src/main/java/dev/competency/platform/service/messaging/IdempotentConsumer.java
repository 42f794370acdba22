package dev.competency.platform.service.messaging;

import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a record of a public topic as its contract event and applies it at most once in effect per consumer: an
 * event whose {@code ce_id} this consumer already took on from another record is skipped. The apply step must itself
 * be idempotent (upserts keyed by the fact's id): it runs again when the same record is delivered again, and for a
 * copy older than the log's retention (see {@link ProcessedEventLog}). One round trip to the log per record.
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
        ProcessedEventLog.Claim claim = processed.claim(consumer, event);
        if (!claim.applies()) {
            log.debug("{} skips event {} ({}), already applied", consumer, event.attributes().id(),
                    event.attributes().type());
            return;
        }
        try {
            apply.accept(event);
        } catch (RuntimeException e) {
            try {
                processed.release(consumer, event);
            } catch (RuntimeException releaseFailure) {
                // The claim stays: a retry of this record still applies it, another copy is skipped while it lasts.
                e.addSuppressed(releaseFailure);
            }
            throw e;
        }
    }
}
