package dev.competency.learners.learner.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.contracts.frameworks.LearningResourcePublished;
import dev.competency.contracts.frameworks.RoleProfilePublished;
import dev.competency.learners.catalogue.query.CatalogueArrivals;
import dev.competency.learners.catalogue.query.FrameworkCatalogue;
import dev.competency.learners.catalogue.query.PolicyTranslator;
import dev.competency.learners.catalogue.query.RoleProfiles;
import dev.competency.learners.mastery.ProficiencyScale;
import dev.competency.platform.service.web.ResourceNotFound;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.BiFunction;
import org.springframework.stereotype.Component;

/**
 * Gaps against the learner's role profile and the next steps that close them. Gap = target level position minus
 * current level position on the competency's scale (0 when met); readiness = the weighted share of requirements
 * met. An expired level counts as no level.
 */
@Component
public class GapAnalysis {

    private final LearnerProfiles profiles;
    private final RoleProfiles roles;
    private final Catalogue knownNow;
    private final Catalogue awaited;
    private final MasteryQueries mastery;

    GapAnalysis(LearnerProfiles profiles, RoleProfiles roles, FrameworkCatalogue frameworks,
                CatalogueArrivals arrivals, MasteryQueries mastery) {
        this.profiles = profiles;
        this.roles = roles;
        this.knownNow = new Catalogue(roles::profile, frameworks::find);
        this.awaited = new Catalogue(arrivals::roleProfile, arrivals::framework);
        this.mastery = mastery;
    }

    /**
     * The gaps of one learner. A role profile or framework version the frameworks service published a moment ago is
     * awaited ({@link CatalogueArrivals}): 503 while this service's frameworks stream is behind, 404 once it has been
     * read to its end without it.
     */
    public GapReport gaps(String learnerId, Instant asOf) {
        LearnerProfiles.Profile profile = profiles.find(learnerId)
                .orElseThrow(() -> new ResourceNotFound("No learner " + learnerId));
        return report(profile, mastery.masteryOf(learnerId, asOf, Instant.MAX), awaited);
    }

    /**
     * The gaps of a member of a team view, from the catalogue as it is now: a role profile or framework version that
     * has not arrived is {@link ResourceNotFound} at once, so that one member does not hold the whole view back.
     */
    public GapReport gapsKnownNow(LearnerProfiles.Profile profile, Instant asOf) {
        return report(profile, mastery.masteryOf(profile.learnerId(), asOf, Instant.MAX), knownNow);
    }

    /**
     * The gaps of a learner whose profile and mastery (from {@link MasteryQueries#masteryOf}) the caller has read
     * already, so that a view of many learners reads each learner's evidence once; from the catalogue as it is now,
     * as {@link #gapsKnownNow}.
     */
    public GapReport gapsFrom(LearnerProfiles.Profile profile, List<MasteryQueries.CompetencyMastery> masteries) {
        return report(profile, masteries, knownNow);
    }

    private GapReport report(LearnerProfiles.Profile profile, List<MasteryQueries.CompetencyMastery> masteries,
                             Catalogue catalogue) {
        String learnerId = profile.learnerId();
        if (profile.roleProfileId() == null) {
            throw new ResourceNotFound("Learner " + learnerId + " has no role assigned");
        }
        RoleProfilePublished role = catalogue.roles().apply(profile.roleProfileId(), profile.roleProfileVersion())
                .orElseThrow(() -> new ResourceNotFound("Role profile " + profile.roleProfileId()
                        + " has not been published yet"));
        FrameworkPublished framework = catalogue.frameworks().apply(role.frameworkId(), role.frameworkVersion())
                .orElseThrow(() -> new ResourceNotFound("Framework " + role.frameworkId() + " version "
                        + role.frameworkVersion() + " has not been published yet"))
                .snapshot();
        Map<String, MasteryQueries.CompetencyMastery> current = new HashMap<>();
        for (MasteryQueries.CompetencyMastery m : masteries) {
            current.put(m.competencyId(), m);
        }
        Map<String, FrameworkPublished.Competency> competencies = new HashMap<>();
        framework.competencies().forEach(c -> competencies.put(c.id(), c));

        List<Requirement> requirements = new ArrayList<>();
        double totalWeight = 0;
        double metWeight = 0;
        for (RoleProfilePublished.RoleRequirement requirement : role.requirements()) {
            FrameworkPublished.Competency competency = competencies.get(requirement.competencyId());
            ProficiencyScale scale = PolicyTranslator.scale(competency != null && competency.scaleOverride() != null
                    ? competency.scaleOverride() : framework.scale());
            MasteryQueries.CompetencyMastery m = current.get(requirement.competencyId());
            String level = m == null ? null : m.countingLevel();
            int currentIndex = level == null ? -1 : scale.indexOf(level);
            int targetIndex = scale.indexOf(requirement.targetLevel());
            int gap = Math.max(0, targetIndex - currentIndex);
            boolean mastered = m != null && m.mastered();
            requirements.add(new Requirement(requirement.competencyId(),
                    competency == null ? null : competency.code(), competency == null ? null : competency.title(),
                    requirement.targetLevel(), level, gap, requirement.weight(), gap == 0, mastered));
            totalWeight += requirement.weight();
            metWeight += gap == 0 ? requirement.weight() : 0;
        }
        double readiness = requirements.isEmpty() ? 1.0
                : totalWeight > 0 ? metWeight / totalWeight
                : requirements.stream().filter(Requirement::met).count() / (double) requirements.size();
        return new GapReport(learnerId, role.roleProfileId(), role.version(), role.title(), readiness, requirements,
                framework);
    }

    /**
     * Next steps: competencies with a gap that are not mastered, prerequisites ({@code PRECEDES}) first, then by
     * gap size, each with the learning resources aimed at a level above the learner's current one.
     */
    public List<NextStep> recommendations(String learnerId, Instant asOf) {
        GapReport report = gaps(learnerId, asOf);
        Map<String, Requirement> open = new HashMap<>();
        for (Requirement requirement : report.requirements()) {
            if (requirement.gap() > 0 && !requirement.mastered()) {
                open.put(requirement.competencyId(), requirement);
            }
        }
        Map<String, Set<String>> prerequisites = new HashMap<>();
        for (FrameworkPublished.CompetencyRelation relation : report.framework().relations()) {
            if (relation.type() == FrameworkPublished.RelationType.PRECEDES && open.containsKey(relation.sourceId())
                    && open.containsKey(relation.targetId())) {
                prerequisites.computeIfAbsent(relation.targetId(), t -> new HashSet<>()).add(relation.sourceId());
            }
        }
        Map<String, ProficiencyScale> scales = new HashMap<>();
        report.framework().competencies().forEach(c -> scales.put(c.id(),
                PolicyTranslator.scale(c.scaleOverride() != null ? c.scaleOverride() : report.framework().scale())));
        List<LearningResourcePublished> resources = roles.latestResources();

        Comparator<Requirement> byGap = Comparator.comparingInt(Requirement::gap).reversed()
                .thenComparing(Requirement::competencyId);
        PriorityQueue<Requirement> ready = new PriorityQueue<>(byGap);
        Map<String, Integer> waitingOn = new HashMap<>();
        open.values().forEach(r -> {
            int count = prerequisites.getOrDefault(r.competencyId(), Set.of()).size();
            waitingOn.put(r.competencyId(), count);
            if (count == 0) {
                ready.add(r);
            }
        });
        List<NextStep> steps = new ArrayList<>();
        Set<String> emitted = new HashSet<>();
        while (emitted.size() < open.size()) {
            if (ready.isEmpty()) {
                // A cycle of PRECEDES relations: release the largest remaining gap.
                open.values().stream().filter(r -> !emitted.contains(r.competencyId())).min(byGap)
                        .ifPresent(ready::add);
            }
            Requirement next = ready.poll();
            if (!emitted.add(next.competencyId())) {
                continue;
            }
            steps.add(step(next, prerequisites.getOrDefault(next.competencyId(), Set.of()), resources,
                    scales.get(next.competencyId())));
            open.values().forEach(r -> {
                if (prerequisites.getOrDefault(r.competencyId(), Set.of()).contains(next.competencyId())
                        && waitingOn.merge(r.competencyId(), -1, Integer::sum) == 0 && !emitted.contains(r.competencyId())) {
                    ready.add(r);
                }
            });
        }
        return steps;
    }

    private static NextStep step(Requirement requirement, Set<String> prerequisites,
            List<LearningResourcePublished> resources, ProficiencyScale scale) {
        int currentIndex = requirement.currentLevel() == null || scale == null ? -1
                : scale.indexOf(requirement.currentLevel());
        List<Resource> matching = new ArrayList<>();
        for (LearningResourcePublished resource : resources) {
            for (LearningResourcePublished.ResourceTarget target : resource.competencies()) {
                if (target.competencyId().equals(requirement.competencyId())
                        && (scale == null || scale.indexOf(target.targetLevel()) > currentIndex)) {
                    matching.add(new Resource(resource.resourceId(), resource.version(), resource.title(),
                            resource.url(), resource.type().name(), resource.duration(), target.targetLevel()));
                }
            }
        }
        return new NextStep(requirement.competencyId(), requirement.code(), requirement.title(),
                requirement.currentLevel(), requirement.targetLevel(), requirement.gap(),
                prerequisites.stream().sorted().toList(), matching);
    }

    /** Where role profiles and framework versions are looked up, by id and version: as they are now, or awaited. */
    private record Catalogue(BiFunction<String, Integer, Optional<RoleProfilePublished>> roles,
                             BiFunction<String, Integer, Optional<FrameworkCatalogue.StoredVersion>> frameworks) {
    }

    /** The learner's standing against their role; its framework, for the next steps, is not part of the answer. */
    public record GapReport(String learnerId, String roleProfileId, int roleProfileVersion, String roleTitle,
                            double readiness, List<Requirement> requirements,
                            @JsonIgnore FrameworkPublished framework) {
    }

    public record Requirement(String competencyId, String code, String title, String targetLevel,
                              String currentLevel, int gap, double weight, boolean met, boolean mastered) {
    }

    /** One competency to work on next, what must come before it, and resources for it. */
    public record NextStep(String competencyId, String code, String title, String currentLevel, String targetLevel,
                           int gap, List<String> prerequisitesFirst, List<Resource> resources) {
    }

    public record Resource(String resourceId, int version, String title, String url, String type, String duration,
                           String targetLevel) {
    }
}
