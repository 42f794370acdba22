package dev.competency.learners.catalogue.query;

import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.contracts.frameworks.MasteryMethod;
import dev.competency.learners.mastery.ManualRatingPrecedence;
import dev.competency.learners.mastery.MasteryPolicy;
import dev.competency.learners.mastery.ProficiencyLevel;
import dev.competency.learners.mastery.ProficiencyScale;
import dev.competency.learners.mastery.RollupPolicy;
import dev.competency.learners.mastery.SourceType;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Translates the public contract's policy and scale into the mastery fold's types. The contract marks every level
 * from the mastery level upward with {@code mastery = true}; the fold wants exactly one mastery level, the lowest
 * of those.
 */
public final class PolicyTranslator {

    private PolicyTranslator() {
    }

    /** The policy of a competency of a framework version, its overrides applied. */
    public static MasteryPolicy policyOf(FrameworkPublished framework, FrameworkPublished.Competency competency) {
        FrameworkPublished.MasteryPolicy policy = competency.policyOverride() != null ? competency.policyOverride()
                : framework.masteryPolicy();
        FrameworkPublished.ProficiencyScale scale = competency.scaleOverride() != null ? competency.scaleOverride()
                : framework.scale();
        return translate(policy, scale);
    }

    /**
     * How a parent competency of a framework version is rolled up from its children, or empty when its rule is
     * {@code NONE} (or absent) or it has no children. Children are taken in their order in the tree.
     */
    public static Optional<RollupPolicy> rollupOf(FrameworkPublished framework,
            FrameworkPublished.Competency parent) {
        FrameworkPublished.MasteryPolicy policy = parent.policyOverride() != null ? parent.policyOverride()
                : framework.masteryPolicy();
        FrameworkPublished.RollUpRule rule = policy.rollUp();
        List<String> children = framework.competencies().stream()
                .filter(child -> parent.id().equals(child.parentId()))
                .sorted(Comparator.comparingInt(FrameworkPublished.Competency::position))
                .map(FrameworkPublished.Competency::id)
                .toList();
        if (rule == null || children.isEmpty()) {
            return Optional.empty();
        }
        return switch (rule.type()) {
            case NONE -> Optional.empty();
            case ALL_CHILDREN -> Optional.of(new RollupPolicy.AllChildren(children));
            case POINTS -> Optional.of(new RollupPolicy.Points(children,
                    Set.copyOf(rule.requiredChildren() == null ? List.of() : rule.requiredChildren()),
                    rule.pointsTarget()));
        };
    }

    public static MasteryPolicy translate(FrameworkPublished.MasteryPolicy policy,
            FrameworkPublished.ProficiencyScale scale) {
        Map<SourceType, Double> weights = new EnumMap<>(SourceType.class);
        policy.sourceWeights().forEach((source, weight) -> weights.put(SourceType.valueOf(source.name()), weight));
        return new MasteryPolicy(policy.policyVersion(), method(policy.method()), scale(scale), weights,
                policy.minimumEvidence(), ManualRatingPrecedence.valueOf(policy.manualRatingPrecedence().name()),
                duration(policy.validityPeriod(), "validityPeriod"), duration(policy.decayHalfLife(), "decayHalfLife"));
    }

    public static ProficiencyScale scale(FrameworkPublished.ProficiencyScale scale) {
        List<ProficiencyLevel> levels = new ArrayList<>();
        boolean masteryAssigned = false;
        for (FrameworkPublished.ProficiencyLevel level : scale.levels()) {
            boolean mastery = level.mastery() && !masteryAssigned;
            masteryAssigned |= level.mastery();
            levels.add(new ProficiencyLevel(level.code(), level.label(), level.threshold(), mastery));
        }
        return new ProficiencyScale(levels);
    }

    static dev.competency.learners.mastery.MasteryMethod method(MasteryMethod method) {
        return switch (method.type()) {
            case HIGHEST -> dev.competency.learners.mastery.MasteryMethod.highest();
            case LATEST -> dev.competency.learners.mastery.MasteryMethod.latest();
            case AVERAGE -> dev.competency.learners.mastery.MasteryMethod.average();
            case N_MASTERY -> dev.competency.learners.mastery.MasteryMethod.nMastery(method.n());
            case WEIGHTED_AVERAGE -> dev.competency.learners.mastery.MasteryMethod.weightedAverage(method.weight());
            case DECAYING_AVERAGE -> dev.competency.learners.mastery.MasteryMethod.decayingAverage(method.decay());
            case BKT -> dev.competency.learners.mastery.MasteryMethod.bkt(method.bkt().pL0(), method.bkt().pT(),
                    method.bkt().pG(), method.bkt().pS(), method.bkt().pF());
        };
    }

    /** An ISO-8601 duration: {@code PT12H} or a date-based period such as {@code P365D} (days of 24 hours). */
    static Duration duration(String text, String field) {
        if (text == null) {
            return null;
        }
        try {
            if (text.contains("T")) {
                return Duration.parse(text);
            }
            Period period = Period.parse(text);
            return Duration.ofDays(period.getYears() * 365L + period.getMonths() * 30L + period.getDays());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not an ISO-8601 duration: '" + text + "'", e);
        }
    }
}
