package dev.competency.frameworks.framework.domain;

import java.util.List;

/**
 * Everything a version of a framework holds. Competencies refer to their parent, relations to their ends and
 * roll-up rules to required children by competency <em>code</em>, which is unique within a version; ids are stable
 * across versions and are assigned when a draft is edited.
 *
 * @param externalId identifier of the framework in an external standard, such as a CASE CFDocument identifier
 * @param scale      the scale of every competency without its own; absent means the default scale
 * @param policy     the mastery policy of every competency without its own; absent means the default policy
 * @param details    what the external source says of the framework beyond these fields, kept for a faithful export
 */
public record FrameworkContent(String title, String description, String externalId, List<Competency> competencies,
                               List<Relation> relations, Scale scale, Policy policy, DocumentDetails details) {

    public FrameworkContent {
        competencies = competencies == null ? List.of() : List.copyOf(competencies);
        relations = relations == null ? List.of() : List.copyOf(relations);
    }

    /** Content without external details. */
    public FrameworkContent(String title, String description, String externalId, List<Competency> competencies,
                            List<Relation> relations, Scale scale, Policy policy) {
        this(title, description, externalId, competencies, relations, scale, policy, null);
    }

    /** A first draft: no competencies yet, the default scale and policy. */
    public static FrameworkContent empty(String title, String description) {
        return new FrameworkContent(title, description, null, List.of(), List.of(), Scale.DEFAULT, Policy.DEFAULT);
    }

    /** The same content with its competencies in stored form and the scale and policy filled in. */
    FrameworkContent normalized(List<Competency> storedCompetencies, Scale filledScale, Policy filledPolicy) {
        return new FrameworkContent(title.strip(), description, externalId, storedCompetencies, relations, filledScale,
                filledPolicy, details);
    }
}
