package dev.competency.frameworks.framework.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Public events leave the service only from one tracking processor, {@value #PROCESSING_GROUP}, which reads the
 * event store and waits for the broker's acknowledgement before its token moves on. Failures propagate
 * ({@code platform.event-processing.propagate-errors}), so a failed send is retried from the same event; a retry (or a
 * replay) publishes the same {@code ce_id}, derived from the event type, the aggregate and the version, which
 * consumers deduplicate.
 */
public final class ContractPublishing {

    public static final String PROCESSING_GROUP = "contract-publisher";

    private ContractPublishing() {
    }

    /** The event id of one publication: the same fact always gets the same id. */
    public static UUID eventId(String type, String aggregateId, int version) {
        return UUID.nameUUIDFromBytes((type + ":" + aggregateId + ":" + version).getBytes(StandardCharsets.UTF_8));
    }
}
