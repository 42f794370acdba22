package dev.competency.frameworks.framework.domain;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What role profiles and learning resources need to know of published framework versions: which competencies exist
 * and which level codes each one's scale has.
 */
public interface PublishedFrameworks {

    /**
     * @param version a published version, or null for the latest published version
     */
    Optional<PublishedVersion> find(String frameworkId, Integer version);

    /** @param levelsByCompetency level codes of each competency's scale, by competency id */
    record PublishedVersion(String frameworkId, int version, boolean retired,
                            Map<String, Set<String>> levelsByCompetency) {
    }
}
