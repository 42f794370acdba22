package dev.competency.contracts.frameworks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.competency.contracts.IntegrationEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A complete snapshot of one version of a learning resource and the competencies it helps to develop.
 * Recommendations pick resources by these targets.
 *
 * @param version     increases by one with every publication of the resource
 * @param url         where learners open the resource
 * @param duration    expected effort as an ISO-8601 duration, such as {@code PT45M}
 * @param frameworkId the framework whose competencies and levels the targets refer to
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LearningResourcePublished(
        @JsonProperty(required = true) String resourceId,
        @JsonProperty(required = true) int version,
        @JsonProperty(required = true) String title,
        @JsonProperty(required = true) String url,
        @JsonProperty(required = true) ResourceType type,
        @JsonInclude(JsonInclude.Include.NON_NULL) String duration,
        @JsonProperty(required = true) String frameworkId,
        @JsonProperty(required = true) List<ResourceTarget> competencies,
        @JsonProperty(required = true) Instant publishedAt) implements IntegrationEvent {

    public LearningResourcePublished {
        Objects.requireNonNull(resourceId, "resourceId is required");
        Objects.requireNonNull(title, "title is required");
        Objects.requireNonNull(url, "url is required");
        Objects.requireNonNull(type, "type is required");
        Objects.requireNonNull(frameworkId, "frameworkId is required");
        Objects.requireNonNull(competencies, "competencies is required");
        Objects.requireNonNull(publishedAt, "publishedAt is required");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1 but was " + version);
        }
        competencies = List.copyOf(competencies);
    }

    /**
     * The frameworkId, not the resourceId: the resource then lands on the partition of the framework it refers
     * to, after the framework version it needs. Consumers keep the highest {@link #version()} per resourceId.
     */
    @Override
    public String partitionKey() {
        return frameworkId;
    }

    /**
     * @param targetLevel code of the proficiency level the resource helps to reach
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ResourceTarget(
            @JsonProperty(required = true) String competencyId,
            @JsonProperty(required = true) String targetLevel) {

        public ResourceTarget {
            Objects.requireNonNull(competencyId, "competencyId is required");
            Objects.requireNonNull(targetLevel, "targetLevel is required");
        }
    }

    public enum ResourceType {
        COURSE,
        ARTICLE,
        VIDEO,
        EXERCISE,
        BOOK,
        MENTORING,
        SIMULATION,
        OTHER
    }
}
