package dev.competency.platform.service.axon;

import java.time.Instant;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

/**
 * An event or snapshot as read from the store, its timestamp kept as the instant it was read as. Axon's own entry keeps
 * the timestamp as text: it formats the instant when the entry is built and parses it again when the event is
 * handled, a tenth of the time of the thread that reads ahead and of the processor that handles the event.
 */
record StoredEventData(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                       Instant timestamp, String payloadType, String payloadRevision, String payload,
                       String metaData) implements DomainEventData<String> {

    @Override
    public String getType() {
        return type;
    }

    @Override
    public String getAggregateIdentifier() {
        return aggregateIdentifier;
    }

    @Override
    public long getSequenceNumber() {
        return sequenceNumber;
    }

    @Override
    public String getEventIdentifier() {
        return eventIdentifier;
    }

    @Override
    public Instant getTimestamp() {
        return timestamp;
    }

    @Override
    public SerializedObject<String> getMetaData() {
        return new SerializedMetaData<>(metaData, String.class);
    }

    @Override
    public SerializedObject<String> getPayload() {
        return new SimpleSerializedObject<>(payload, String.class,
                new SimpleSerializedType(payloadType, payloadRevision));
    }
}
