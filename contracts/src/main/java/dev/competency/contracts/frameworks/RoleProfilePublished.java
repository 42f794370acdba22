package dev.competency.contracts.frameworks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.competency.contracts.IntegrationEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A complete snapshot of one version of a role profile: the competencies a role requires, at which level, and
 * how much each counts towards readiness.
 *
 * @param version          increases by one with every publication of the profile
 * @param frameworkId      the framework whose competencies and levels the requirements refer to
 * @param frameworkVersion the framework version the profile was written against
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoleProfilePublished(
        @JsonProperty(required = true) String roleProfileId,
        @JsonProperty(required = true) int version,
        @JsonProperty(required = true) String title,
        @JsonInclude(JsonInclude.Include.NON_NULL) String description,
        @JsonProperty(required = true) String frameworkId,
        @JsonProperty(required = true) int frameworkVersion,
        @JsonProperty(required = true) List<RoleRequirement> requirements,
        @JsonProperty(required = true) Instant publishedAt) implements IntegrationEvent {

    public RoleProfilePublished {
        Objects.requireNonNull(roleProfileId, "roleProfileId is required");
        Objects.requireNonNull(title, "title is required");
        Objects.requireNonNull(frameworkId, "frameworkId is required");
        Objects.requireNonNull(requirements, "requirements is required");
        Objects.requireNonNull(publishedAt, "publishedAt is required");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1 but was " + version);
        }
        if (frameworkVersion < 1) {
            throw new IllegalArgumentException("frameworkVersion must be at least 1 but was " + frameworkVersion);
        }
        requirements = List.copyOf(requirements);
    }

    /**
     * The frameworkId, not the roleProfileId: the profile then lands on the partition of the framework it refers
     * to, after the framework version it needs. Consumers keep the highest {@link #version()} per roleProfileId,
     * because versions of a profile that moved to another framework can arrive on different partitions.
     */
    @Override
    public String partitionKey() {
        return frameworkId;
    }

    /**
     * @param targetLevel code of the proficiency level the role requires
     * @param weight      share of this requirement in the role's readiness, relative to the other weights; at
     *                    least 0
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RoleRequirement(
            @JsonProperty(required = true) String competencyId,
            @JsonProperty(required = true) String targetLevel,
            @JsonProperty(required = true) double weight) {

        public RoleRequirement {
            Objects.requireNonNull(competencyId, "competencyId is required");
            Objects.requireNonNull(targetLevel, "targetLevel is required");
            if (!(weight >= 0.0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weight must be a finite number of at least 0 but was " + weight);
            }
        }
    }
}
