package dev.competency.learners.learner.domain;

import dev.competency.learners.mastery.MasteryPolicy;
import java.util.Optional;

/** The mastery policy of a competency in a framework version, as far as this service knows the version yet. */
public interface PolicyLookup {

    /** Empty when the framework version has not arrived yet or does not contain the competency. */
    Optional<MasteryPolicy> policyFor(String frameworkId, int frameworkVersion, String competencyId);
}
