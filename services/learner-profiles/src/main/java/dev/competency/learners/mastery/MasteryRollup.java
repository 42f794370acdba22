package dev.competency.learners.mastery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Rolls the mastery of child competencies up to their parent. */
public final class MasteryRollup {

    private MasteryRollup() {
    }

    /**
     * Computes the parent's mastery from its children's results.
     *
     * @param childResults results for the children; a child without a result counts as having no level, and
     *                     results for competencies that are not children are ignored
     * @throws IllegalArgumentException when two results are for the same child or a child's level is not on the
     *                                  scale
     */
    public static RollupResult rollUp(String parentCompetencyId, RollupPolicy policy, ProficiencyScale scale,
            Collection<MasteryResult> childResults) {
        Objects.requireNonNull(childResults, "childResults");
        List<ChildState> states = new ArrayList<>(childResults.size());
        for (MasteryResult result : childResults) {
            states.add(new ChildState(result.competencyId(), result.levelCode(), result.mastered(),
                    result.rule() == DecidingRule.EXPIRED));
        }
        return rollUpStates(parentCompetencyId, policy, scale, states);
    }

    /**
     * What a roll-up needs of a child's mastery.
     *
     * @param expired whether the child's mastery lapsed at the instant of the roll-up: it then earns no points
     */
    public record ChildState(String competencyId, String levelCode, boolean mastered, boolean expired) {

        public ChildState {
            Evidence.requireText(competencyId, "competencyId");
        }
    }

    /**
     * The roll-up of {@link #rollUpStates}, or empty when no child has a state yet or a child's level is not on the
     * parent's scale: then there is no roll-up to record or compare.
     */
    public static Optional<RollupResult> rollUpIfAny(String parentCompetencyId, RollupPolicy policy,
            ProficiencyScale scale, Collection<ChildState> childStates) {
        if (childStates.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(rollUpStates(parentCompetencyId, policy, scale, childStates));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Computes the parent's mastery from its children's states, as {@link #rollUp} does from their results.
     *
     * @throws IllegalArgumentException when two states are for the same child or a child's level is not on the scale
     */
    public static RollupResult rollUpStates(String parentCompetencyId, RollupPolicy policy, ProficiencyScale scale,
            Collection<ChildState> childStates) {
        Evidence.requireText(parentCompetencyId, "parentCompetencyId");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(childStates, "childStates");
        Map<String, ChildState> byChild = new HashMap<>();
        for (ChildState state : childStates) {
            if (policy.children().contains(state.competencyId())
                    && byChild.put(state.competencyId(), state) != null) {
                throw new IllegalArgumentException("childResults has two results for " + state.competencyId());
            }
        }
        Set<String> required = policy instanceof RollupPolicy.Points p ? p.requiredChildren() : Set.of();
        List<RollupResult.Child> children = new ArrayList<>();
        int points = 0;
        int lowestLevel = Integer.MAX_VALUE;
        int mastered = 0;
        List<String> requiredNotMastered = new ArrayList<>();
        for (String childId : policy.children()) {
            ChildState result = byChild.get(childId);
            String levelCode = result == null ? null : result.levelCode();
            int levelIndex = -1;
            if (levelCode != null) {
                levelIndex = scale.indexOf(levelCode);
                if (levelIndex < 0) {
                    throw new IllegalArgumentException(
                            "child " + childId + " has level " + levelCode + ", which is not on the scale");
                }
            }
            boolean childMastered = result != null && result.mastered();
            boolean expired = result != null && result.expired();
            int childPoints = expired ? 0 : levelIndex + 1;
            points += childPoints;
            lowestLevel = Math.min(lowestLevel, levelIndex);
            if (childMastered) {
                mastered++;
            } else if (required.contains(childId)) {
                requiredNotMastered.add(childId);
            }
            children.add(new RollupResult.Child(childId, levelCode, childMastered, childPoints,
                    required.contains(childId)));
        }
        int total = policy.children().size();
        if (policy instanceof RollupPolicy.Points p) {
            boolean enough = points >= p.pointsTarget();
            boolean parentMastered = enough && requiredNotMastered.isEmpty();
            String summary = "Children earn " + points + " of " + target(p.pointsTarget()) + " points"
                    + (requiredNotMastered.isEmpty() ? "" : "; required children not mastered: "
                            + String.join(", ", requiredNotMastered))
                    + (parentMastered ? ": mastered." : ": not mastered.");
            return new RollupResult(parentCompetencyId, policy,
                    parentMastered ? scale.masteryLevel().code() : null, parentMastered, points, children, summary);
        }
        boolean parentMastered = mastered == total;
        String levelCode = lowestLevel < 0 ? null : scale.levels().get(lowestLevel).code();
        String summary = mastered + " of " + total + " children mastered"
                + (levelCode == null ? "; at least one child has no level" : "; lowest child level " + levelCode)
                + (parentMastered ? ": mastered." : ": not mastered.");
        return new RollupResult(parentCompetencyId, policy, levelCode, parentMastered, points, children, summary);
    }

    /**
     * The explanation of a rolled-up parent: the roll-up's summary, no contributions, and the parent's own evidence,
     * if it has any, among the exclusions. Items its own fold counted are excluded as
     * {@link ExclusionReason#ROLLED_UP_PARENT}; items it had excluded keep their reason. Nothing is silently dropped.
     *
     * @param own the fold of the parent's own evidence, or {@code null} when it has none
     */
    public static Explanation explain(RollupResult rollup, MasteryResult own) {
        Objects.requireNonNull(rollup, "rollup");
        List<Explanation.Exclusion> exclusions = new ArrayList<>();
        if (own != null) {
            for (Explanation.Contribution counted : own.explanation().contributions()) {
                exclusions.add(new Explanation.Exclusion(counted.evidenceId(), counted.sourceType(),
                        counted.occurredAt(), counted.rawScore(), ExclusionReason.ROLLED_UP_PARENT));
            }
            exclusions.addAll(own.explanation().exclusions());
            exclusions.sort(Comparator.comparing(Explanation.Exclusion::occurredAt)
                    .thenComparing(Explanation.Exclusion::evidenceId));
        }
        int rolledOver = own == null ? 0 : own.explanation().contributions().size();
        String summary = rollup.summary() + (rolledOver == 0 ? "" : " The mastery is rolled up from the children: "
                + (rolledOver == 1 ? "1 item" : rolledOver + " items") + " of evidence on the competency itself does"
                + " not count (listed among the exclusions).");
        return new Explanation(DecidingRule.ROLLED_UP, summary, List.of(), exclusions, null, 1.0);
    }

    private static String target(double pointsTarget) {
        return pointsTarget == Math.rint(pointsTarget) ? Long.toString((long) pointsTarget)
                : String.format(Locale.ROOT, "%.2f", pointsTarget);
    }
}
