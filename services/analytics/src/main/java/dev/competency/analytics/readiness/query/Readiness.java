package dev.competency.analytics.readiness.query;

import dev.competency.analytics.privacy.Population;
import dev.competency.analytics.privacy.Scope;
import dev.competency.analytics.privacy.Viewer;
import dev.competency.analytics.state.AnalyticsState;
import dev.competency.analytics.state.LearnerRecord;
import dev.competency.contracts.frameworks.RoleProfilePublished;
import dev.competency.platform.service.error.Refusal;
import java.util.ArrayList;
import java.util.List;

/**
 * The learners assigned a role profile, per group: how many are READY, CLOSE or FAR, and for callers allowed to see
 * the people of a group (its manager, administrators), who they are and what they miss. Groups follow the
 * {@link Population} rules; the role profile narrows them, so the difference rule applies.
 */
public final class Readiness {

    private Readiness() {
    }

    public record Answer(String roleProfileId, int roleProfileVersion, String title, double closeThreshold,
                         int minimumGroupSize, List<Group> groups) {
    }

    /** @param people null when the caller may not see the people of this group */
    public record Group(String unit, String teamId, Integer members, boolean suppressed, Integer ready, Integer close,
                        Integer far, List<Person> people) {
    }

    public record Unmet(String competencyId, String targetLevel, String level) {
    }

    public record Person(String learnerId, RoleFit.Status status, double metWeight,
                         List<Unmet> unmet) {
    }

    public static Answer answer(AnalyticsState state, Viewer viewer, Scope scope, double closeThreshold) {
        RoleProfilePublished latest = state.catalogue().roleProfile(scope.roleProfileId(), 0);
        if (latest == null) {
            throw Refusal.notFound("No published role profile " + scope.roleProfileId());
        }
        Population population = Population.of(state, viewer, scope);
        List<Group> groups = new ArrayList<>();
        for (Population.Group group : population.groups()) {
            if (group.suppressed()) {
                groups.add(new Group(group.unit(), group.teamId(), null, true, null, null, null, null));
                continue;
            }
            int ready = 0;
            int close = 0;
            int far = 0;
            boolean showPeople = true;
            List<Person> people = new ArrayList<>();
            for (int member : group.members()) {
                LearnerRecord learner = state.learner(member);
                RoleProfilePublished profile = state.catalogue().roleProfile(scope.roleProfileId(),
                        learner.roleProfileVersion());
                RoleFit.Fit fit = RoleFit.of(state, learner, profile, closeThreshold);
                switch (fit.status()) {
                    case READY -> ready++;
                    case CLOSE -> close++;
                    default -> far++;
                }
                String team = state.team(learner.teamIndex());
                showPeople &= viewer.seesPeopleOf(team) || viewer.onlyManagedTeams();
                people.add(new Person(learner.learnerId(), fit.status(), fit.metWeight(),
                        fit.unmet().stream().map(unmet -> new Unmet(unmet.competencyId(), unmet.targetLevel(),
                                unmet.level())).toList()));
            }
            people.sort((a, b) -> a.learnerId().compareTo(b.learnerId()));
            groups.add(new Group(group.unit(), group.teamId(), group.members().length, false, ready, close, far,
                    showPeople ? people : null));
        }
        return new Answer(latest.roleProfileId(), latest.version(), latest.title(), closeThreshold,
                viewer.shownMinimum(), groups);
    }
}
