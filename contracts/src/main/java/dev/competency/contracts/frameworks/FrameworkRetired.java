package dev.competency.contracts.frameworks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.competency.contracts.IntegrationEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * A framework version no longer accepts new evidence. Mastery already computed under it stays readable.
 *
 * @param version   the retired version
 * @param retiredBy user id of the author who retired it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FrameworkRetired(
        @JsonProperty(required = true) String frameworkId,
        @JsonProperty(required = true) int version,
        @JsonProperty(required = true) Instant retiredAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String retiredBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason) implements IntegrationEvent {

    public FrameworkRetired {
        Objects.requireNonNull(frameworkId, "frameworkId is required");
        Objects.requireNonNull(retiredAt, "retiredAt is required");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1 but was " + version);
        }
    }

    /** The frameworkId, so that a retirement follows the publication of the version on the same partition. */
    @Override
    public String partitionKey() {
        return frameworkId;
    }
}
