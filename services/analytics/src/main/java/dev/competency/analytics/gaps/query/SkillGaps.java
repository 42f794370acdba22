package dev.competency.analytics.gaps.query;

import dev.competency.analytics.privacy.Population;
import dev.competency.analytics.privacy.Scope;
import dev.competency.analytics.privacy.Viewer;
import dev.competency.analytics.readiness.query.RoleFit;
import dev.competency.analytics.state.AnalyticsState;
import dev.competency.analytics.state.Catalogue;
import dev.competency.analytics.state.LearnerRecord;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.contracts.frameworks.RoleProfilePublished;
import dev.competency.platform.service.error.Refusal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Each requirement of each role profile (or of the one asked for) across the learners assigned it: how many it holds
 * back (below target, or not rated), weighted by the requirement's weight. The total of a requirement is a group
 * narrowed by the role profile within the scope, so it is shown only when it and the rest of the scope are each 0 or
 * at least the minimum; its groups follow the {@link Population} rules.
 */
public final class SkillGaps {

    private SkillGaps() {
    }

    public record Answer(int minimumGroupSize, List<Gap> gaps) {
    }

    public record Gap(String roleProfileId, String competencyId, String code, String title, String targetLevel,
                      double weight, Integer assigned, Integer heldBack, Double gapScore, boolean suppressed,
                      List<GroupGap> byGroup) {
    }

    public record GroupGap(String unit, String teamId, Integer assigned, Integer heldBack, boolean suppressed) {
    }

    public static Answer answer(AnalyticsState state, Viewer viewer, Scope scope, int limit) {
        List<RoleProfilePublished> profiles;
        if (scope.roleProfileId() != null) {
            RoleProfilePublished profile = state.catalogue().roleProfile(scope.roleProfileId(), 0);
            if (profile == null) {
                throw Refusal.notFound("No published role profile " + scope.roleProfileId());
            }
            profiles = List.of(profile);
        } else {
            profiles = state.catalogue().latestRoleProfiles();
        }
        List<Gap> gaps = new ArrayList<>();
        for (RoleProfilePublished latest : profiles) {
            Population population = Population.of(state, viewer,
                    new Scope(scope.unit(), scope.teamId(), latest.roleProfileId(), scope.groupBy()));
            int assigned = 0;
            int base = 0;
            List<Population.Group> groups = population.groups();
            int[][] heldBackByGroup = new int[groups.size()][latest.requirements().size()];
            for (int g = 0; g < groups.size(); g++) {
                Population.Group group = groups.get(g);
                assigned += group.members().length;
                base += group.base();
                for (int member : group.members()) {
                    LearnerRecord learner = state.learner(member);
                    RoleProfilePublished profile = state.catalogue().roleProfile(latest.roleProfileId(),
                            learner.roleProfileVersion());
                    RoleFit.Fit fit = RoleFit.of(state, learner, profile, 1.0);
                    for (int r = 0; r < latest.requirements().size(); r++) {
                        String competencyId = latest.requirements().get(r).competencyId();
                        boolean heldBack = fit.requirements().stream().anyMatch(requirement ->
                                requirement.competencyId().equals(competencyId) && !requirement.met());
                        if (heldBack) {
                            heldBackByGroup[g][r]++;
                        }
                    }
                }
            }
            boolean totalSuppressed = viewer.tooSmall(assigned) || viewer.tooSmall(base - assigned);
            for (int r = 0; r < latest.requirements().size(); r++) {
                RoleProfilePublished.RoleRequirement requirement = latest.requirements().get(r);
                int heldBack = 0;
                List<GroupGap> byGroup = new ArrayList<>();
                for (int g = 0; g < groups.size(); g++) {
                    Population.Group group = groups.get(g);
                    heldBack += heldBackByGroup[g][r];
                    byGroup.add(group.suppressed()
                            ? new GroupGap(group.unit(), group.teamId(), null, null, true)
                            : new GroupGap(group.unit(), group.teamId(), group.members().length,
                            heldBackByGroup[g][r], false));
                }
                FrameworkPublished.Competency described = describe(state.catalogue(), latest, requirement);
                gaps.add(totalSuppressed
                        ? new Gap(latest.roleProfileId(), requirement.competencyId(), code(described),
                        title(described), requirement.targetLevel(), requirement.weight(), null, null, null, true,
                        byGroup.stream().map(group -> new GroupGap(group.unit(), group.teamId(), null, null, true))
                                .toList())
                        : new Gap(latest.roleProfileId(), requirement.competencyId(), code(described),
                        title(described), requirement.targetLevel(), requirement.weight(), assigned, heldBack,
                        heldBack * requirement.weight(), false, byGroup));
            }
        }
        gaps.sort(Comparator.comparing((Gap gap) -> gap.gapScore() == null ? Double.NEGATIVE_INFINITY : gap.gapScore())
                .reversed().thenComparing(Gap::roleProfileId).thenComparing(Gap::competencyId));
        return new Answer(viewer.shownMinimum(), gaps.subList(0, Math.min(limit, gaps.size())));
    }

    private static FrameworkPublished.Competency describe(Catalogue catalogue, RoleProfilePublished profile,
                                                          RoleProfilePublished.RoleRequirement requirement) {
        Catalogue.FrameworkVersion version = catalogue.version(profile.frameworkId(), profile.frameworkVersion());
        if (version == null) {
            version = catalogue.latestContaining(requirement.competencyId());
        }
        return version == null ? null : version.competencies().get(requirement.competencyId());
    }

    private static String code(FrameworkPublished.Competency competency) {
        return competency == null ? null : competency.code();
    }

    private static String title(FrameworkPublished.Competency competency) {
        return competency == null ? null : competency.title();
    }
}
