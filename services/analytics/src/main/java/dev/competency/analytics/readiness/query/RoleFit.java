package dev.competency.analytics.readiness.query;

import dev.competency.analytics.state.AnalyticsState;
import dev.competency.analytics.state.Catalogue;
import dev.competency.analytics.state.LearnerRecord;
import dev.competency.analytics.state.MasteryCell;
import dev.competency.contracts.frameworks.RoleProfilePublished;
import java.util.ArrayList;
import java.util.List;

/**
 * How one learner stands against a role profile: each requirement met when the learner's level is at or above the
 * target on the proficiency scale of the framework version their rating refers to (the profile's own version when
 * that is unknown); READY when all are met, CLOSE when the met weight reaches the threshold, else FAR.
 */
public final class RoleFit {

    public enum Status { READY, CLOSE, FAR }

    /** @param level the learner's level code, null when they have none */
    public record Requirement(String competencyId, String targetLevel, String level, double weight, boolean met) {
    }

    /** @param metWeight share of the requirements' weight that is met, 0 to 1 */
    public record Fit(Status status, double metWeight, List<Requirement> requirements) {

        public List<Requirement> unmet() {
            return requirements.stream().filter(requirement -> !requirement.met()).toList();
        }
    }

    private RoleFit() {
    }

    public static Fit of(AnalyticsState state, LearnerRecord learner, RoleProfilePublished profile,
                         double closeThreshold) {
        Catalogue catalogue = state.catalogue();
        List<Requirement> results = new ArrayList<>(profile.requirements().size());
        double total = 0;
        double met = 0;
        int metCount = 0;
        for (RoleProfilePublished.RoleRequirement requirement : profile.requirements()) {
            MasteryCell cell = learner.cell(state.competencyIndex(requirement.competencyId()));
            int entry = cell == null ? -1 : cell.current();
            String level = entry < 0 ? null : state.levelCode(cell.level(entry));
            boolean isMet = false;
            if (level != null) {
                Catalogue.Scale scale = catalogue.scale(state.frameworkId(cell.frameworkIndex()),
                        cell.frameworkVersion(entry), requirement.competencyId());
                if (scale == null) {
                    scale = catalogue.scale(profile.frameworkId(), profile.frameworkVersion(),
                            requirement.competencyId());
                }
                isMet = scale != null && scale.rank(requirement.targetLevel()) >= 0
                        && scale.rank(level) >= scale.rank(requirement.targetLevel());
            }
            results.add(new Requirement(requirement.competencyId(), requirement.targetLevel(), level,
                    requirement.weight(), isMet));
            total += requirement.weight();
            if (isMet) {
                met += requirement.weight();
                metCount++;
            }
        }
        int count = profile.requirements().size();
        double metWeight = total > 0 ? met / total : count == 0 ? 1.0 : (double) metCount / count;
        Status status = metCount == count ? Status.READY
                : metWeight + 1e-9 >= closeThreshold ? Status.CLOSE : Status.FAR;
        return new Fit(status, metWeight, results);
    }
}
