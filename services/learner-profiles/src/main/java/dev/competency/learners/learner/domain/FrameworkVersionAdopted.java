package dev.competency.learners.learner.domain;

import java.util.List;

/** These competencies of the learner are now judged under the policy of this framework version. */
public record FrameworkVersionAdopted(String learnerId, String frameworkId, int version, List<String> competencyIds) {
}
