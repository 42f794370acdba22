package dev.competency.contracts.evidence;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Who produced or voided evidence.
 *
 * @param id   the person's user id, or the identifier of the system or activity provider
 * @param kind the role in which the actor acted
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Actor(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) ActorKind kind) {

    public Actor {
        Objects.requireNonNull(id, "id is required");
        Objects.requireNonNull(kind, "kind is required");
    }
}
