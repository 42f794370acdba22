package dev.competency.frameworks.framework.domain;

import dev.competency.contracts.evidence.SourceType;
import dev.competency.contracts.frameworks.FrameworkPublished.ManualRatingPrecedence;
import dev.competency.contracts.frameworks.FrameworkPublished.RollUpType;
import dev.competency.contracts.frameworks.MethodType;
import java.util.EnumMap;
import java.util.Map;

/**
 * How evidence becomes mastery: the method and its parameters, source weights and the other rules of the fold.
 *
 * @param sourceWeights          credibility of each source type; an absent source type weighs 1.0
 * @param minimumEvidence        evidence items needed before the competency can count as mastered
 * @param manualRatingPrecedence what a manual rating does to the computed level
 * @param rollUp                 how a parent is computed from its children
 * @param validityPeriod         ISO-8601 duration after the last evidence when mastery expires, such as {@code P365D}
 * @param decayHalfLife          ISO-8601 duration in which a score loses half its weight at read time
 */
public record Policy(Method method, Map<SourceType, Double> sourceWeights, Integer minimumEvidence,
                     ManualRatingPrecedence manualRatingPrecedence, RollUp rollUp, String validityPeriod,
                     String decayHalfLife) {

    /** The policy of a framework whose author did not choose one: the highest score counts. */
    public static final Policy DEFAULT = new Policy(new Method(MethodType.HIGHEST, null, null, null, null), Map.of(),
            0, ManualRatingPrecedence.UNTIL_NEWER_EVIDENCE, new RollUp(RollUpType.NONE, null, null), null, null);

    public Policy {
        sourceWeights = sourceWeights == null || sourceWeights.isEmpty() ? Map.of()
                : Map.copyOf(new EnumMap<>(sourceWeights));
    }

    /** The same policy with absent optional parts filled with their defaults. */
    Policy withDefaults() {
        return new Policy(method, sourceWeights, minimumEvidence == null ? 0 : minimumEvidence,
                manualRatingPrecedence == null ? ManualRatingPrecedence.UNTIL_NEWER_EVIDENCE : manualRatingPrecedence,
                rollUp == null ? new RollUp(RollUpType.NONE, null, null) : rollUp, blankToNull(validityPeriod),
                blankToNull(decayHalfLife));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
