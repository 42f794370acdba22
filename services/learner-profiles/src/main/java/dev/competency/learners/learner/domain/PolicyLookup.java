package dev.competency.learners.learner.domain;

import dev.competency.learners.mastery.MasteryPolicy;
import dev.competency.learners.mastery.ProficiencyScale;
import dev.competency.learners.mastery.RollupPolicy;
import java.util.List;
import java.util.Optional;

/** The mastery policies of a framework version, as far as this service knows the version yet. */
public interface PolicyLookup {

    /** Empty when the framework version has not arrived yet or does not contain the competency. */
    Optional<MasteryPolicy> policyFor(String frameworkId, int frameworkVersion, String competencyId);

    /**
     * The parents of a framework version whose mastery is rolled up from their children, with the rule and the
     * parent's scale; empty when the version has not arrived yet. None unless the lookup knows framework structure.
     */
    default Optional<List<ParentRollup>> rollupsOf(String frameworkId, int frameworkVersion) {
        return Optional.empty();
    }

    /** A parent competency, the rule that rolls its children up and the parent's scale. */
    record ParentRollup(String parentId, RollupPolicy rule, ProficiencyScale scale) {
    }
}
