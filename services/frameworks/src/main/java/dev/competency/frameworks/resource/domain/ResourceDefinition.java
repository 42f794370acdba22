package dev.competency.frameworks.resource.domain;

import dev.competency.contracts.frameworks.LearningResourcePublished.ResourceType;
import java.util.List;

/**
 * A catalogue entry used for recommendations.
 *
 * @param duration expected effort as an ISO-8601 duration, such as {@code PT45M}
 */
public record ResourceDefinition(String title, String url, ResourceType type, String duration, String frameworkId,
                                 List<ResourceTarget> competencies) {

    public ResourceDefinition {
        competencies = competencies == null ? List.of() : List.copyOf(competencies);
    }
}
