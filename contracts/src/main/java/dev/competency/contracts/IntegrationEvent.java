package dev.competency.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A payload published on one of the public {@link Topics}. Implementations are immutable records whose
 * JSON form is described by the schema named in {@link EventCatalog}.
 */
public interface IntegrationEvent {

    /**
     * The Kafka record key. Every event of one key goes to one partition, so consumers see those events in
     * the order they were published. It is a transport concern and is not part of the JSON payload.
     */
    @JsonIgnore
    String partitionKey();
}
