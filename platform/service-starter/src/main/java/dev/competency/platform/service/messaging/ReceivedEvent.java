package dev.competency.platform.service.messaging;

import dev.competency.contracts.EventAttributes;
import dev.competency.contracts.IntegrationEvent;

/** A contract event read from a topic, with its CloudEvents attributes and where it was read from. */
public record ReceivedEvent(EventAttributes attributes, IntegrationEvent payload, String key, String topic,
                            int partition, long offset) {
}
