package dev.competency.platform.service.messaging;

import dev.competency.contracts.EventAttributes;
import dev.competency.contracts.IntegrationEvent;

/** A contract event read from a topic, with its CloudEvents attributes and where it was read from. */
public record ReceivedEvent(EventAttributes attributes, IntegrationEvent payload, String key, String topic,
                            int partition, long offset) {

    /** The payload as the given type, or null when it is of another type. */
    public <T extends IntegrationEvent> T payloadAs(Class<T> type) {
        return type.isInstance(payload) ? type.cast(payload) : null;
    }
}
